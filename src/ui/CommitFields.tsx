import { type ReactNode, useState } from 'react';
import { SelectField, type SelectFieldProps } from './SelectField';

/**
 * Controls whose change goes through the validator (their onChange returns the refusal naming the field, or null),
 * with the refusal shown under them: a checkbox, and a select.
 */
/** A checkbox whose change goes through the validator; the refusal under it. */
export function CheckField({
  label,
  checked,
  onChange,
  testId,
  disabled,
  hint,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => string | null;
  testId: string;
  disabled?: boolean;
  hint?: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-0.5">
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" data-testid={testId} checked={checked} disabled={disabled} onChange={(e) => setError(onChange(e.target.checked))} />
        <span className={disabled ? 'text-slate-400' : ''}>{label}</span>
      </label>
      {error ? (
        <span role="alert" className="text-xs whitespace-pre-line text-red-600 dark:text-red-400">
          {error}
        </span>
      ) : (
        hint && <span className="text-xs text-slate-500">{hint}</span>
      )}
    </div>
  );
}

/** A select that commits through the validator and shows its refusal. */
export function CommitSelect<T extends string>({ onChange, ...props }: Omit<SelectFieldProps<T>, 'onChange' | 'error'> & { onChange: (v: T) => string | null }) {
  const [error, setError] = useState<string | null>(null);
  return <SelectField {...props} error={error} onChange={(v) => setError(onChange(v))} />;
}
