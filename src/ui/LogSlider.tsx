import type { ChangeEvent, ReactNode } from 'react';
import { labelClass } from './field-styles';

/**
 * A range input over log10 of a positive value, from 10^min to 10^max: a move commits 10^position rounded to
 * `digits` significant digits. What comes under the slider (its scale's labels) is the children.
 */
export function LogSlider({
  id,
  testId,
  label,
  value,
  min,
  max,
  step,
  digits,
  onChange,
  valueText,
  children,
}: {
  id: string;
  testId: string;
  label: ReactNode;
  value: number;
  min: number;
  max: number;
  step: number;
  digits: number;
  onChange: (v: number) => void;
  /** The value as a screen reader says it. */
  valueText?: string;
  children?: ReactNode;
}) {
  const move = (e: ChangeEvent<HTMLInputElement>) => onChange(Number((10 ** Number(e.target.value)).toPrecision(digits)));
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} data-testid={testId} type="range" min={min} max={max} step={step} value={Math.log10(value)} aria-valuetext={valueText} onChange={move} />
      {children}
    </div>
  );
}
