import type { ReactNode } from 'react';

/** A plot with its caption, in the bordered box every lab's plot grid uses. */
export function PlotPanel({ children, caption, testId }: { children: ReactNode; caption?: ReactNode; testId?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded border border-slate-200 p-2 dark:border-slate-800" data-testid={testId}>
      {children}
      {caption && <p className="text-xs text-slate-600 dark:text-slate-400">{caption}</p>}
    </div>
  );
}
