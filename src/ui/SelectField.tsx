import { useId, type ReactNode } from 'react';
import { FieldFrame, invalidAria } from './FieldMessage';
import { inputClass } from './field-styles';

export interface SelectOption<T extends string = string> {
  value: T;
  label: string;
  disabled?: boolean;
}

/** The options of a table value → label, in the table's order (a Record names every value once). */
export function optionsOf<T extends string>(labels: Record<T, string>): SelectOption<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/** Options under a heading (an <optgroup>). */
export interface SelectGroup<T extends string = string> {
  group: string;
  options: SelectOption<T>[];
}

export interface SelectFieldProps<T extends string> {
  label: ReactNode;
  value: T;
  options: readonly (SelectOption<T> | SelectGroup<T>)[];
  onChange: (value: T) => void;
  /** Shown under the select (unless there is an error). */
  hint?: ReactNode;
  /** A refused choice's message, shown under the select. */
  error?: string | null;
  testId?: string;
  /** The select's id (the label points at it); generated when absent. */
  id?: string;
  disabled?: boolean;
  className?: string;
}

const isGroup = <T extends string>(o: SelectOption<T> | SelectGroup<T>): o is SelectGroup<T> => 'group' in o;

/** A labelled select: the label names it for assistive technology; a hint or an error below. */
export function SelectField<T extends string>({ label, value, options, onChange, hint, error, testId, id, disabled, className }: SelectFieldProps<T>) {
  const auto = useId();
  const selectId = id ?? auto;
  const option = (o: SelectOption<T>) => (
    <option key={o.value} value={o.value} disabled={o.disabled}>
      {o.label}
    </option>
  );
  return (
    <FieldFrame controlId={selectId} label={label} hint={hint} error={error} className={className}>
      <select
        id={selectId}
        data-testid={testId}
        value={value}
        disabled={disabled}
        {...invalidAria(selectId, error)}
        onChange={(e) => onChange(e.target.value as T)}
        className={`${inputClass} min-w-0 disabled:opacity-50`}
      >
        {options.map((o) =>
          isGroup(o) ? (
            <optgroup key={o.group} label={o.group}>
              {o.options.map(option)}
            </optgroup>
          ) : (
            option(o)
          ),
        )}
      </select>
    </FieldFrame>
  );
}
