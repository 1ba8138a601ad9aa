import { shareUrl } from '../../../experiment/link';
import { labSpecNow, useLabSpec, useLinkedRun } from '../../../state/experiment-store';
import { LabPage } from '../../../ui/LabLayout';
import { RunToolbar } from '../../../ui/RunToolbar';
import { ShareButton } from '../../../ui/ShareButton';
import { Stale, StaleBadge, useIsStale } from '../../../ui/Stale';
import { flowVsDescentCore } from '../core';
import { RunControls } from '../run/Controls';
import { ExportButtons } from '../run/Export';
import { FdLandscape } from '../run/FdLandscape';
import { RunNarration } from '../run/Narration';
import { RunPlots } from '../run/Plots';
import { RunStatus } from '../run/Status';
import { startFdRun, useFdControls, useFdRunView } from '../run/store';

const LAB = flowVsDescentCore.id;

/** The Run page: the flow and GD side by side on one objective, live. */
export function RunPage() {
  // A link opened on this page reruns its experiment.
  useLinkedRun(LAB, () => void startFdRun());
  const spec = useLabSpec(LAB);
  const { run, revision, transport } = useFdRunView();
  const controls = useFdControls();
  const stale = useIsStale(run?.spec, spec, ['view', 'sweep', 'rescale', 'mnist']);
  return (
    <LabPage
      testId="page-fd-run"
      title="Flow vs Descent · one objective, both dynamics"
      subtitle="Paper 001: how far gradient descent strays from gradient flow, and why"
      sidebar={
        <>
          <RunNarration />
          <RunControls />
        </>
      }
    >
      <RunToolbar controls={controls} runTitle="Run the flow and every GD step size" stepTitle="One stamp (the flow and GD to the next recorded time)">
        <ShareButton getUrl={() => shareUrl(labSpecNow(LAB), window.location)} title="Copy a link that reruns this experiment" />
      </RunToolbar>
      <div className="flex flex-col gap-2" data-stale={stale ? 'true' : 'false'}>
        {stale && <StaleBadge testId="run-stale" />}
        <RunStatus run={run} transport={transport} />
        <ExportButtons run={run} />
      </div>
      <FdLandscape run={run} revision={revision} />
      <Stale stale={stale} badge={false} testId="run-results">
        <RunPlots run={run} revision={revision} />
      </Stale>
    </LabPage>
  );
}
