import { useEffect, useState } from 'react';
import { shareUrl } from '../../experiment/link';
import { labSpecNow, useLabSpec } from '../../state/experiment-store';
import { useRuns } from '../../state/runs-store';

const btn =
  'rounded px-3 py-1.5 text-sm font-medium border border-slate-300 dark:border-slate-700 hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-40 disabled:cursor-not-allowed';

/** Run / pause / step / stop / reset and Share, with space and '.' as keyboard shortcuts. */
export function Transport() {
  const spec = useLabSpec('poisoning');
  const { transport, start, pause, resume, step, stop, reset } = useRuns();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
      if (e.key === ' ') {
        e.preventDefault();
        const t = useRuns.getState().transport;
        if (t === 'running') pause();
        else if (t === 'paused') resume();
        else void start(labSpecNow('poisoning'));
      } else if (e.key === '.') {
        const t = useRuns.getState().transport;
        if (t === 'idle' || t === 'done') void start(labSpecNow('poisoning'), true).then(() => step(1));
        else step(1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pause, resume, start, step]);

  const share = async () => {
    const url = shareUrl(spec, window.location);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };

  const running = transport === 'running';
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Run controls">
        <button
          type="button"
          data-testid="run"
          className="rounded px-3 py-1.5 text-sm font-medium border bg-sky-600 text-white border-sky-700 hover:bg-sky-700 disabled:opacity-40 disabled:cursor-not-allowed"
          onClick={() => (transport === 'paused' ? resume() : void start(spec))}
          disabled={running}
          title="Run both arms (space)"
        >
          {transport === 'paused' ? 'Resume' : transport === 'done' ? 'Run again' : 'Run'}
        </button>
        <button type="button" data-testid="pause" className={btn} onClick={pause} disabled={!running} title="Pause (space)">
          Pause
        </button>
        <button
          type="button"
          data-testid="step"
          className={btn}
          onClick={() => (transport === 'idle' || transport === 'done' ? void start(spec, true).then(() => step(1)) : step(1))}
          title="One solver step (.)"
        >
          Step
        </button>
        <button type="button" data-testid="stop" className={btn} onClick={stop} disabled={transport === 'idle' || transport === 'done'}>
          Stop
        </button>
        <button type="button" data-testid="reset" className={btn} onClick={reset} disabled={transport === 'idle'}>
          Reset
        </button>
        <button type="button" data-testid="share" className={`${btn} ml-auto`} onClick={share} title="Copy a link that reruns this experiment">
          {copied ? 'Link copied' : 'Share'}
        </button>
      </div>
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
