import { shareUrl } from '../../experiment/link';
import { labSpecNow, useLabSpec } from '../../state/experiment-store';
import { useRuns } from '../../state/runs-store';
import { RunToolbar } from '../../ui/RunToolbar';
import { ShareButton } from '../../ui/ShareButton';

/** Run / pause / step / stop / reset of both arms and Share, with space and '.' as keyboard shortcuts. */
export function Transport() {
  const flow = useLabSpec('poisoning').optim.kind === 'flow';
  const { transport, start, pause, resume, step, stop, reset } = useRuns();
  return (
    <RunToolbar
      controls={{ transport, start: (paused) => start(labSpecNow('poisoning'), paused), pause, resume, step, stop, reset }}
      runTitle="Run both arms"
      stepTitle={flow ? 'One solver step of both arms' : 'One optimiser step of both arms'}
    >
      <ShareButton getUrl={() => shareUrl(labSpecNow('poisoning'), window.location)} title="Copy a link that reruns this experiment" />
    </RunToolbar>
  );
}
