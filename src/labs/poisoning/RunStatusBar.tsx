import { ARMS, useRuns, type Arm } from '../../state/runs-store';
import { fmt } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { ARM_COLORS, ARM_LABELS } from './arms';

/** Progress and the plain-language state of each arm; announced to screen readers. */
export function RunStatusBar({ labels = ARM_LABELS }: { labels?: Record<Arm, string> } = {}) {
  const arms = useRuns((s) => s.arms);
  useRuns((s) => s.revision);
  return (
    <div className="grid gap-2 md:grid-cols-2" aria-live="polite" data-testid="status">
      {ARMS.map((arm: Arm) => {
        const run = arms[arm];
        const st = run?.status;
        return (
          <div key={arm} className="rounded border border-slate-200 dark:border-slate-800 p-2 text-xs" data-testid={`status-${arm}`} data-done={run?.final ? 'true' : 'false'}>
            <div className="flex items-center gap-2">
              <span className="h-2.5 w-2.5 rounded-full" style={{ background: ARM_COLORS[arm] }} />
              <span className="font-medium">{labels[arm]}</span>
              <span className="ml-auto num text-slate-500">
                {st ? `t = ${fmt(st.t)} · step ${st.steps} · loss ${fmt(st.loss)} · ${String(st.info.method ?? '')}` : 'not started'}
              </span>
            </div>
            <ProgressBar value={st?.progress ?? 0} label={`${labels[arm]} progress`} color={ARM_COLORS[arm]} />
            {run?.error && (
              <p className="mt-1 text-red-600" role="alert">
                {run.error}
              </p>
            )}
            {st?.stop && (
              <p
                className={`mt-1 ${st.stop.reason === 'converged' ? 'text-emerald-700 dark:text-emerald-400' : st.stop.reason === 'stopped' ? 'text-slate-600' : 'text-amber-700'}`}
              >
                {st.stop.message}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
