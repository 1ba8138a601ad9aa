import type { ReactNode } from 'react';
import { Button } from './Button';
import { FieldError } from './FieldMessage';
import { cardClass } from './field-styles';
import { ProgressBar } from './ProgressBar';

/**
 * The pieces of a "Reproduce the paper" page that every lab shares: a card per table row or figure (its title, a
 * line about its source, its run / cancel button, a progress bar while it runs, an error if it failed) and the
 * verdict line that says whether the claim holds on the runs just made.
 */

/** Where a card is: not run yet, running (with progress), finished, or failed. */
export type ReproPhase = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; ms: number } | { kind: 'error'; message: string };

export interface ReproCardShellProps {
  /** The item's id: the card is `repro-<id>` (with data-state), its button `repro-run-<id>`. */
  id: string;
  title: ReactNode;
  /** One line under the title (source, setting). */
  subtitle?: ReactNode;
  phase: ReproPhase;
  /** The button's label when not running (it says "Cancel" while running). */
  runLabel: string;
  onRun: () => void;
  onCancel: () => void;
  /** The button's tooltip when not running. */
  runTitle?: string;
  /** Other buttons beside the main one. */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** A reproduction card: header with the run / cancel button, progress while running, the error if any, then the body. */
export function ReproCardShell({ id, title, subtitle, phase, runLabel, onRun, onCancel, runTitle, actions, children, className }: ReproCardShellProps) {
  const running = phase.kind === 'running';
  return (
    <article className={`${cardClass} flex min-w-0 flex-col gap-2${className ? ` ${className}` : ''}`} data-testid={`repro-${id}`} data-state={phase.kind}>
      <header className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1 basis-64">
          <h3 className="text-sm font-semibold">{title}</h3>
          {subtitle && <p className="text-xs text-slate-500">{subtitle}</p>}
        </div>
        <div className="ml-auto flex max-w-full min-w-0 flex-wrap items-center justify-end gap-2">
          {actions}
          <Button variant="primary" size="sm" testId={`repro-run-${id}`} onClick={running ? onCancel : onRun} title={running ? 'Stop after the runs in flight' : runTitle}>
            {running ? 'Cancel' : runLabel}
          </Button>
        </div>
      </header>
      {running && <ProgressBar value={phase.total > 0 ? phase.done / phase.total : 0} label={`${id} progress: ${phase.done} of ${phase.total} runs`} />}
      {phase.kind === 'error' && <FieldError message={phase.message} />}
      {children}
    </article>
  );
}

/** Whether a claim holds on the runs just made: true, false, or null (not judged, or shown without an assertion). */
export interface Verdict {
  holds: boolean | null;
  text: string;
}

export interface VerdictLineProps {
  /** The item's id: the line is `repro-verdict-<id>` with data-holds = "true" / "false" / "null". */
  id: string;
  verdict: Verdict;
  /** The word for a verdict that is null ("Not judged" unless told, e.g. "Shown" for an item without an assertion). */
  neutral?: string;
  /** After the text, in the normal weight (e.g. the time the runs took). */
  suffix?: ReactNode;
}

/** ✓ Holds / ✗ Does not hold / ○ Not judged, with the numbers that decided it. */
export function VerdictLine({ id, verdict, neutral = 'Not judged', suffix }: VerdictLineProps) {
  const { holds } = verdict;
  const tone = holds === null ? 'text-slate-600 dark:text-slate-400' : holds ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400';
  return (
    <p data-testid={`repro-verdict-${id}`} data-holds={String(holds)} className={`text-xs font-medium ${tone}`}>
      {holds === null ? `○ ${neutral}` : holds ? '✓ Holds' : '✗ Does not hold'}: {verdict.text}
      {suffix && <span className="font-normal text-slate-500"> · {suffix}</span>}
    </p>
  );
}
