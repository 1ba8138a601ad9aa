import type { ReactNode } from 'react';

interface RangeFieldProps {
  /** The input's id and test id. */
  id: string;
  /** What the slider sets, as the caption above it names it ("a"): the caption reads "label = value (note)". */
  label: ReactNode;
  /** Decimals of the value in the caption. */
  digits: number;
  /** What the value means, in parentheses after it (optional). */
  note?: ReactNode;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange(v: number): void;
}

/** A full-width linear slider under a caption that shows its current value, for the explanatory pages' what-if parameters. */
export function RangeField({ id, label, digits, note, min, max, step, value, onChange }: RangeFieldProps) {
  return (
    <label className="flex flex-col gap-1 text-xs" htmlFor={id}>
      <span className="font-medium text-slate-600 dark:text-slate-400">
        {label} = <span className="num">{value.toFixed(digits)}</span>
        {note !== undefined && <> ({note})</>}
      </span>
      <input
        id={id}
        data-testid={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="w-full accent-sky-600"
      />
    </label>
  );
}
