import { useEffect, useId, useState, type ReactNode } from 'react';
import { FieldFrame, invalidAria } from './FieldMessage';
import { inputClass } from './field-styles';
import { formatNumberList, parseNumberList } from './number-list';
import { sameValue } from './same-value';

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
export function NumberListField({ label, values, onCommit, hint, testId, format, placeholder, allowEmpty = false, disabled, className }: NumberListFieldProps) {
  const id = useId();
  const [text, setText] = useState(() => formatNumberList(values, format));
  const [error, setError] = useState<string | null>(null);
  const key = values.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new list (by value) rewrites the text
  useEffect(() => {
    setText(formatNumberList(values, format));
    setError(null);
  }, [key]);
  const commit = () => {
    if (allowEmpty && text.trim() === '') {
      setError(values.length ? onCommit([]) : null);
      return;
    }
    const r = parseNumberList(text);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    if (sameValue(r.values, [...values])) {
      setError(null);
      return;
    }
    setError(onCommit(r.values));
  };
  return (
    <FieldFrame controlId={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        data-testid={testId}
        type="text"
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        {...invalidAria(id, error)}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        className={`num min-w-0 ${inputClass} disabled:opacity-50 ${error ? '!border-red-500' : ''}`}
      />
    </FieldFrame>
  );
}
