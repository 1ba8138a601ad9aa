import type { ReactNode } from 'react';
import { fmt } from '../../../ui/format';
import { Tex } from '../../../ui/Tex';
import { NumberField } from '../../../ui/NumberField';
import { TextAsideSection, type TextAsideSectionProps } from '../../../ui/TextAsideSection';

/** One section of the Theory page: text on the left, plots and tables on the right (as the Extrapolation demos). */
export function Section({ id, title, children, aside }: TextAsideSectionProps) {
  return (
    <TextAsideSection id={`theory-${id}`} title={title} aside={aside}>
      {children}
    </TextAsideSection>
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

/** A positive parameter of a theory panel: a value outside (0, max] is refused with a message naming it. */
export function ParamField(props: {
  /** The label: `text` with the symbol `tex` (KaTeX) at `$` (or after it). */
  text: string;
  tex: string;
  name: string;
  max: number;
  value: number;
  testId: string;
  className?: string;
  onChange: (v: number) => void;
}) {
  const { text, tex, name, max, onChange, className = 'w-40', ...field } = props;
  const [before, after = ''] = text.includes('$') ? text.split('$') : [`${text} `];
  return (
    <NumberField
      {...field}
      className={className}
      label={
        <>
          {before}
          <Tex>{tex}</Tex>
          {after}
        </>
      }
      onCommit={(v) => {
        if (!(v > 0 && v <= max)) return `${name} must be a number in (0, ${max}]`;
        onChange(v);
        return null;
      }}
    />
  );
}

/** A small text table of a theory panel: left-aligned headings (a gap after each but the last); the rows as children. */
export function TheoryTable({ testId, head, children }: { testId: string; head: readonly string[]; children: ReactNode }) {
  return (
    <table className="w-full text-xs" data-testid={testId}>
      <thead className="text-left text-slate-500">
        <tr>
          {head.map((h, i) => (
            <th key={h} className={i < head.length - 1 ? 'pr-3 font-normal' : 'font-normal'}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
