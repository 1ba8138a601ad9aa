import { useState } from 'react';
import { shareUrl } from '../../experiment/link';
import { labSpecNow, useLabSpec } from '../../state/experiment-store';
import { useRuns } from '../../state/runs-store';
import { RunToolbar } from '../../ui/RunToolbar';

const btn =
  'rounded px-3 py-1.5 text-sm font-medium border border-slate-300 dark:border-slate-700 hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-40 disabled:cursor-not-allowed';

/** Run / pause / step / stop / reset of both arms and Share, with space and '.' as keyboard shortcuts. */
export function Transport() {
  const flow = useLabSpec('poisoning').optim.kind === 'flow';
  const { transport, start, pause, resume, step, stop, reset } = useRuns();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const share = async () => {
    const url = shareUrl(labSpecNow('poisoning'), window.location);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <RunToolbar
        controls={{ transport, start: (paused) => start(labSpecNow('poisoning'), paused), pause, resume, step, stop, reset }}
        runTitle="Run both arms"
        stepTitle={flow ? 'One solver step of both arms' : 'One optimiser step of both arms'}
      >
        <button type="button" data-testid="share" className={btn} onClick={share} title="Copy a link that reruns this experiment">
          {copied ? 'Link copied' : 'Share'}
        </button>
      </RunToolbar>
      {link && (
        <input
          data-testid="share-link"
          readOnly
          value={link}
          aria-label="Share link"
          onFocus={(e) => e.target.select()}
          className="w-full rounded border border-slate-300 dark:border-slate-700 bg-slate-50 dark:bg-slate-900 px-2 py-1 font-mono text-xs"
        />
      )}
    </div>
  );
}
