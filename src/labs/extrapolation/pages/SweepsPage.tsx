import { useLabSpec } from '../../../state/experiment-store';
import { LabLayout, LabTitle } from '../../../ui/LabLayout';
import { extrapolationCore } from '../core';
import { SweepResults } from '../sweep/SweepResults';
import { SweepSettings } from '../sweep/SweepSettings';

/**
 * Sweeps over the training length k (Figs 1, 3) and the init scale sigma (Fig. 4, Prop. 9): one run per point and
 * seed from the lab's current experiment, across the worker pool, with the E-against-k plot of Sec. 8.2.
 */
export function SweepsPage() {
  const spec = useLabSpec(extrapolationCore.id);
  return (
    <LabLayout
      testId="page-sweeps"
      sidebar={
        <>
          <LabTitle title="Sweeps over k and σ" subtitle="Paper 002 · every run trained to its end in the worker pool" />
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Train the same student on ever longer sequences (k) and see when its impulse response starts to continue the teacher's beyond the data. The paper's claim: the switch
            comes near k = 2d̂, twice the teacher's state dimension; from a large init scale σ it comes late or not at all.
          </p>
          <SweepSettings spec={spec} />
        </>
      }
    >
      <SweepResults spec={spec} />
    </LabLayout>
  );
}
