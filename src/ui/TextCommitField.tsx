import { type InputHTMLAttributes, type ReactNode, useEffect, useId, useState } from 'react';
import { FieldFrame, invalidAria } from './FieldMessage';

export interface TextCommitFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange' | 'onBlur' | 'onKeyDown' | 'className'> {
  label: ReactNode;
  hint?: ReactNode;
  testId?: string;
  className?: string;
  /** The text the current value is written as; the field is rewritten (and a refusal cleared) whenever `valueKey` changes. */
  written: () => string;
  valueKey: unknown;
  /** Commits the typed text (on blur or Enter): the message to show under the field, or null when accepted. */
  commit: (text: string) => string | null;
  /** The input's classes, invalid or not. */
  inputClassName: (error: string | null) => string;
}

/**
 * The kit's typed-text field (NumberField, NumberListField): keeps the user's text while typing and commits on blur or
 * Enter; a refused value keeps the text, marks the field invalid and shows the message under it (announced, and linked
 * by aria-describedby).
 */
export function TextCommitField({ label, hint, testId, className, written, valueKey, commit, inputClassName, ...input }: TextCommitFieldProps) {
  const id = useId();
  const [text, setText] = useState(written);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `written` is usually an inline function; only a new value rewrites the text
  useEffect(() => {
    setText(written());
    setError(null);
  }, [valueKey]);
  const onCommit = () => setError(commit(text));
  return (
    <FieldFrame controlId={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        data-testid={testId}
        type="text"
        {...input}
        value={text}
        {...invalidAria(id, error)}
        onChange={(e) => setText(e.target.value)}
        onBlur={onCommit}
        onKeyDown={(e) => e.key === 'Enter' && onCommit()}
        className={inputClassName(error)}
      />
    </FieldFrame>
  );
}
