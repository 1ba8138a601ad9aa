import type { ReactNode } from 'react';

/** A titled section of a lab's controls (a fieldset: its legend names the fields inside). */
export function FieldGroup({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 p-2 dark:border-slate-800" data-testid={testId}>
      <legend className="px-1 text-xs font-semibold text-slate-700 dark:text-slate-300">{title}</legend>
      {children}
    </fieldset>
  );
}
