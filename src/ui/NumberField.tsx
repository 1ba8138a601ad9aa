import type { ReactNode } from 'react';
import { exactShort } from './format';
import { TextCommitField } from './TextCommitField';

export interface NumberFieldProps {
  label: ReactNode;
  value: number;
  /** Called with the parsed number (NaN for text that is not one); return an error message to show, or null when accepted. */
  onCommit: (v: number) => string | null;
  step?: number | 'any';
  hint?: ReactNode;
  testId?: string;
  /** How the value is written into the field (exactly by default, in its shorter form: 1e11, not 100000000000). */
  format?: (v: number) => string;
  /** 'numeric' for whole numbers (the phone keyboard without a decimal point). */
  inputMode?: 'decimal' | 'numeric';
  disabled?: boolean;
  className?: string;
}

/**
 * A number input that keeps the user's text while typing and commits on blur or Enter; a refused value keeps the
 * text, marks the field invalid and shows the message under it (announced, and linked by aria-describedby).
 */
export function NumberField({ value, onCommit, step = 'any', format = exactShort, inputMode = 'decimal', ...field }: NumberFieldProps) {
  return (
    <TextCommitField
      {...field}
      inputMode={inputMode}
      step={step}
      written={() => format(value)}
      valueKey={value}
      commit={(text) => onCommit(text.trim() === '' ? NaN : Number(text))}
      inputClassName={(error) =>
        `num min-w-0 rounded border bg-white px-2 py-1 text-sm disabled:opacity-50 dark:bg-slate-900 ${error ? 'border-red-500' : 'border-slate-300 dark:border-slate-700'}`
      }
    />
  );
}
