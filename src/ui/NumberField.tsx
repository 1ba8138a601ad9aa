import { useEffect, useId, useState } from 'react';

interface Props {
  label: string;
  value: number;
  /** Called with the parsed number; return an error message to show, or null when accepted. */
  onCommit: (v: number) => string | null;
  step?: number | 'any';
  hint?: string;
  testId?: string;
}

/** A number input that keeps the user's text while typing and commits on blur or Enter. */
export function NumberField({ label, value, onCommit, step = 'any', hint, testId }: Props) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);
  const commit = () => {
    const v = text.trim() === '' ? NaN : Number(text);
    const err = onCommit(v);
    setError(err);
  };
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      <input
        id={id}
        data-testid={testId}
        type="text"
        inputMode="decimal"
        step={step}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        className={`num rounded border px-2 py-1 text-sm bg-white dark:bg-slate-900 ${error ? 'border-red-500' : 'border-slate-300 dark:border-slate-700'}`}
      />
      {error ? (
        <span id={`${id}-err`} role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : (
        hint && <span className="text-xs text-slate-500">{hint}</span>
      )}
    </div>
  );
}
