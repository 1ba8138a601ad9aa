import type { ReactNode } from 'react';
import { inputClass } from './field-styles';
import { formatNumberList, parseNumberList } from './number-list';
import { sameValue } from './same-value';
import { TextCommitField } from './TextCommitField';

export interface NumberListFieldProps {
  label: ReactNode;
  values: readonly number[];
  /** Called with the parsed list; return an error message to show under the field, or null when accepted. */
  onCommit: (values: number[]) => string | null;
  hint?: ReactNode;
  testId?: string;
  /** How single values are written (ranges of integers are always written a..b). */
  format?: (v: number) => string;
  placeholder?: string;
  /** An empty field commits an empty list (else it is refused). */
  allowEmpty?: boolean;
  disabled?: boolean;
  className?: string;
}

/**
 * A list of numbers typed as text ("2..20", "2..20 by 2", "0, 1, 2", "1e-5 1e-3"): keeps the user's text while
 * typing and commits on blur or Enter; a refused list (unparsable, or refused by the caller's validator) keeps the
 * text, marks the field invalid and shows the message under it.
 */
export function NumberListField({ values, onCommit, format, allowEmpty = false, ...field }: NumberListFieldProps) {
  const commit = (text: string) => {
    if (allowEmpty && text.trim() === '') return values.length ? onCommit([]) : null;
    const r = parseNumberList(text);
    if (!r.ok) return r.message;
    return sameValue(r.values, [...values]) ? null : onCommit(r.values);
  };
  return (
    <TextCommitField
      {...field}
      spellCheck={false}
      autoComplete="off"
      written={() => formatNumberList(values, format)}
      valueKey={values.join(',')}
      commit={commit}
      inputClassName={(error) => `num min-w-0 ${inputClass} disabled:opacity-50 ${error ? '!border-red-500' : ''}`}
    />
  );
}
