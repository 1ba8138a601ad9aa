import type { ReactNode } from 'react';

interface RangeFieldProps {
  /** The input's id and test id. */
  id: string;
  /** The caption above the slider (usually showing the current value). */
  label: ReactNode;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange(v: number): void;
}

/** A full-width linear slider under its caption, for the explanatory pages' what-if parameters. */
export function RangeField({ id, label, min, max, step, value, onChange }: RangeFieldProps) {
  return (
    <label className="flex flex-col gap-1 text-xs" htmlFor={id}>
      <span className="font-medium text-slate-600 dark:text-slate-400">{label}</span>
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
