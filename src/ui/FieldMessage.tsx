import type { ReactNode } from 'react';
import { errorClass, hintClass, labelClass } from './field-styles';

/** A refused edit's message, announced; rendered nothing when there is none. */
export function FieldError({ message, id, testId, className }: { message: string | null | undefined; id?: string; testId?: string; className?: string }) {
  if (!message) return null;
  return (
    <span id={id} role="alert" data-testid={testId} className={`${errorClass} whitespace-pre-line${className ? ` ${className}` : ''}`}>
      {message}
    </span>
  );
}

/** The id of a field's refusal message, which its control names in aria-describedby. */
const errorId = (controlId: string) => `${controlId}-err`;

/** ARIA state of a kit field's control: invalid, and described by the refusal, while there is one. */
export function invalidAria(controlId: string, error: string | null | undefined) {
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId(controlId) : undefined } as const;
}

/** The frame of a kit field: the label above its control, and under it the refusal (announced) or else the hint. */
export function FieldFrame({
  controlId,
  label,
  hint,
  error,
  className,
  children,
}: {
  controlId: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`flex min-w-0 flex-col gap-0.5${className ? ` ${className}` : ''}`}>
      <label htmlFor={controlId} className={labelClass}>
        {label}
      </label>
      {children}
      {error ? <FieldError id={errorId(controlId)} message={error} /> : hint && <span className={hintClass}>{hint}</span>}
    </div>
  );
}
