import { OKABE_ITO } from '../../../plots/palette';
import { fmt, grouped } from '../../../ui/format';
import { type ArmSummary, armSummary } from './derive';
import type { ExtrapRun } from './store';

/** How E reads against the teacher (Sec. 2.5): below the zero-solution line the student beats the all-zero response. */
function eWords(s: ArmSummary): string {
  if (!Number.isFinite(s.E)) return 'E is not finite';
  if (s.E < 0.01) return 'the student follows the teacher far beyond k';
  if (Number.isFinite(s.zeroLine) && s.E >= s.zeroLine) return `no better than the all-zero response (${fmt(s.zeroLine, 3)}): it does not extrapolate`;
  if (s.E < 0.1) return 'it extrapolates closely';
  return `it extrapolates only roughly (the all-zero response scores ${fmt(s.zeroLine, 3)})`;
}

/** The status of one arm in words: where it stands, E, fitted or not, and why it stopped (a divergence with its step). */
export function statusWords(run: ExtrapRun | null, s: ArmSummary | null, transport: string): string {
  if (!run) return 'Not run yet — press Run.';
  if (run.error) return `The run was refused or failed: ${run.error}`;
  if (!s) return 'Starting…';
  const spec = run.spec;
  const of = spec.stop.maxSteps;
  const E = `E(k = ${spec.training.k}, H = ${spec.eval.H}) = ${fmt(s.E, 3)}`;
  if (!s.done) {
    const where = `${transport === 'paused' ? 'Paused at' : 'Running:'} step ${grouped(s.steps)} of ${grouped(of)}`;
    return `${where} · loss ${fmt(s.loss, 3)} (L(0) = ${fmt(s.loss0, 3)}) · ${E}${s.eStep !== s.steps ? ` at step ${grouped(s.eStep)}` : ''}.`;
  }
  const stop = s.stop;
  if (stop?.reason === 'diverged') {
    return `${stop.message} E from the last finite record (step ${grouped(s.eStep)}): ${fmt(s.E, 3)}.`;
  }
  const ended =
    stop?.reason === 'stopped'
      ? `Stopped at step ${grouped(s.steps)}`
      : stop?.reason === 'converged'
        ? `Converged at step ${grouped(s.steps)}`
        : stop?.reason === 'max-steps'
          ? `Done: all ${grouped(s.steps)} steps`
          : `Ended (${stop?.message ?? stop?.reason}) at step ${grouped(s.steps)}`;
  const fitted = s.fitted
    ? `fitted (loss ${fmt(s.loss, 3)} ≤ 10⁻² L(0))`
    : `not fitted (loss ${fmt(s.loss, 3)} > 10⁻² L(0) = ${fmt(0.01 * s.loss0, 3)}): E alone means little, ${
        spec.student.param === 'gru' ? 'a student that has not fitted the training window says nothing about extrapolation' : 'a stuck student can score well on a zero tail'
      }`;
  return `${ended}, ${fitted}. ${E}: ${s.fitted ? eWords(s) : 'see the impulse response'}.`;
}

/** One arm's status line with its data attributes (steps, E, loss, fitted, done) for tests and readers. */
export function ArmStatus({ run, arm, label, transport }: { run: ExtrapRun | null; arm: 'main' | 'compare' | 'third'; label: string; transport: string }) {
  const s = run ? armSummary(run.spec, run.buffers, run.status, run.final?.metrics.E ?? null, run.views.w) : null;
  const pct = Math.round(100 * (run?.status?.progress ?? 0));
  const color = OKABE_ITO[arm === 'main' ? 0 : arm === 'compare' ? 1 : 2];
  const stop = s?.stop?.reason;
  const tone = stop === 'diverged' || run?.error ? 'text-red-700 dark:text-red-400' : s?.done && s.fitted === false ? 'text-amber-800 dark:text-amber-300' : '';
  return (
    <div
      className="rounded border border-slate-200 p-2 text-xs dark:border-slate-800"
      data-testid={arm === 'main' ? 'status' : `status-${arm}`}
      data-done={run?.final ? 'true' : 'false'}
      data-transport={transport}
      data-steps={s ? String(s.steps) : ''}
      data-e={s && Number.isFinite(s.E) ? String(s.E) : ''}
      data-loss={s ? String(s.loss) : ''}
      data-fitted={s?.fitted === null || !s ? '' : String(s.fitted)}
      data-reason={stop ?? ''}
    >
      <div className="flex items-center gap-2">
        <span className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: color }} aria-hidden="true" />
        <span className="font-medium">{label}</span>
        {run?.wallMs ? <span className="num ml-auto text-slate-500">{(run.wallMs / 1000).toFixed(1)} s</span> : null}
      </div>
      <div
        className="mt-1 h-1.5 w-full rounded bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={`${label}: progress`}
      >
        <div className="h-1.5 rounded" style={{ width: `${pct}%`, background: color }} />
      </div>
      <p className={`num mt-1 ${tone}`} data-testid={arm === 'main' ? 'status-words' : `status-${arm}-words`}>
        {statusWords(run, s, transport)}
      </p>
    </div>
  );
}
