import { errorClass } from './field-styles';

/** A refused edit's message, announced; rendered nothing when there is none. */
export function FieldError({ message, id, testId, className }: { message: string | null | undefined; id?: string; testId?: string; className?: string }) {
  if (!message) return null;
  return (
    <span id={id} role="alert" data-testid={testId} className={`${errorClass} whitespace-pre-line${className ? ` ${className}` : ''}`}>
      {message}
    </span>
  );
}
