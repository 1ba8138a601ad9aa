import type { ReactNode } from 'react';
import { cardClass } from '../../../ui/field-styles';
import { fmt } from '../../../ui/format';

/** One section of the Theory page: text on the left, plots and tables on the right (as the Extrapolation demos). */
export function Section({ id, title, children, aside }: { id: string; title: ReactNode; children: ReactNode; aside: ReactNode }) {
  return (
    <section className={`${cardClass} grid min-w-0 gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]`} data-testid={`theory-${id}`} aria-labelledby={`theory-${id}-title`}>
      <div className="flex min-w-0 flex-col gap-2 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
        <h2 id={`theory-${id}-title`} className="text-base font-semibold text-slate-900 dark:text-slate-100">
          {title}
        </h2>
        {children}
      </div>
      <div className="flex min-w-0 flex-col gap-3">{aside}</div>
    </section>
  );
}

/** A number at 4 significant digits (or `digits`), its full value on hover. */
export function Num({ v, digits, testId }: { v: number | null | undefined; digits?: number; testId?: string }) {
  return (
    <span className="num" title={v === null || v === undefined ? undefined : String(v)} data-testid={testId} data-value={v ?? undefined}>
      {fmt(v, digits)}
    </span>
  );
}

/** A note for a result that is being computed or could not be. */
export function JobNote({ busy, error }: { busy: boolean; error: string | null }) {
  if (error) return <p className="text-xs text-red-600 dark:text-red-400">The computation failed: {error}</p>;
  return busy ? <p className="text-xs text-slate-500">Computing the flow in a worker…</p> : null;
}
