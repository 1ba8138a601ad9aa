import { useLabSpec, useLinkedRun } from '../../../state/experiment-store';
import { LabPage } from '../../../ui/LabLayout';
import { Stale, StaleBadge, useIsStale } from '../../../ui/Stale';
import { extrapolationCore } from '../core';
import { compareLabel, decodeChoice, encodeChoice, mainLabel, NO_COMPARE } from '../run/compare';
import { RunControls } from '../run/Controls';
import { RunNarration } from '../run/Narration';
import { RunPlots } from '../run/Plots';
import { LossSlice } from '../run/LossSlice';
import { ArmStatus } from '../run/Status';
import { compareArm, startRun, useCompareChoice, useExtrapCompare, useExtrapRun } from '../run/store';
import { COMPARE_KEY, ExportButtons, RunTransport } from '../run/Transport';

const LAB = extrapolationCore.id;

/**
 * A link opened on this page reruns its experiment: the second arm named by the link's `cmp=` is chosen first, and
 * the flag is then dropped from the address (the choice lives in its own persisted store, so a reload keeps later
 * changes of it).
 */
function useAutoRun() {
  useLinkedRun(LAB, () => {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const cmp = params.get(COMPARE_KEY);
    useCompareChoice.getState().setChoice(decodeChoice(cmp) ?? NO_COMPARE);
    if (cmp !== null) {
      params.delete(COMPARE_KEY);
      window.history.replaceState(null, '', `#${params.toString()}`);
    }
    void startRun();
  });
}

/** The Run page: train one student (and a second arm with one change) and watch it learn the teacher's state space. */
export function RunPage() {
  useAutoRun();
  const spec = useLabSpec(LAB);
  const main = useExtrapRun((s) => s.run);
  const second = useExtrapCompare((s) => s.run);
  const revision = useExtrapRun((s) => s.revision) + useExtrapCompare((s) => s.revision);
  const mainTransport = useExtrapRun((s) => s.transport);
  const secondTransport = useExtrapCompare((s) => s.transport);
  const choice = useCompareChoice((s) => s.choice);
  const ran = useCompareChoice((s) => s.ran);
  // out of date: the experiment changed (its ui, e.g. the preset's id or a sweep, does not count), or the second arm did
  const specStale = useIsStale(main?.spec, spec, ['ui']);
  const wanted = compareArm(spec, choice).spec ? choice : NO_COMPARE;
  const stale = !!main && (specStale || encodeChoice(wanted) !== encodeChoice(ran ?? NO_COMPARE));
  const c = ran ?? NO_COMPARE;
  return (
    <LabPage
      testId="page-extrap-run"
      title="Extrapolation · train a student"
      subtitle="Paper 002: overparameterised linear RNNs learn low-dimensional state spaces"
      sidebar={
        <>
          <RunNarration />
          <RunControls />
        </>
      }
    >
      <RunTransport />
      <div className="flex flex-col gap-2" data-testid="run-status" data-stale={stale ? 'true' : 'false'}>
        {stale && <StaleBadge testId="run-stale" />}
        <div className={`grid gap-2 ${second ? 'md:grid-cols-2' : ''}`} aria-live="polite">
          <ArmStatus run={main} arm="main" label={second && main ? `Student: ${mainLabel(main.spec, c)}` : 'Student'} transport={mainTransport} />
          {second && main && <ArmStatus run={second} arm="compare" label={`Second arm: ${compareLabel(main.spec, c)}`} transport={secondTransport} />}
        </div>
        <ExportButtons />
      </div>
      <Stale stale={stale} badge={false} testId="run-results">
        <RunPlots main={main} second={second} ran={ran} revision={revision} />
        <LossSlice run={main} />
      </Stale>
    </LabPage>
  );
}
