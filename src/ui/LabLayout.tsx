import type { ReactNode } from 'react';
import { IssueBanner } from './IssueBanner';

export interface LabLayoutProps {
  /** The controls column: title, narration, fields. */
  sidebar: ReactNode;
  /** The plots and readouts. */
  children: ReactNode;
  testId?: string;
}

/**
 * A lab page: one sidebar of 340 px beside the main area from the lg breakpoint on; below it the sidebar stacks
 * above the plots. Every lab uses the same width.
 */
export function LabLayout({ sidebar, children, testId }: LabLayoutProps) {
  return (
    <div className="grid gap-4 lg:grid-cols-[340px_minmax(0,1fr)]" data-testid={testId}>
      <aside className="flex min-w-0 flex-col gap-4">{sidebar}</aside>
      <section className="flex min-w-0 flex-col gap-3">{children}</section>
    </div>
  );
}

/** The heading block at the top of a lab's sidebar. */
export function LabTitle({ title, subtitle }: { title: ReactNode; subtitle?: ReactNode }) {
  return (
    <div>
      <h2 className="text-xl font-semibold">{title}</h2>
      {subtitle && <p className="text-xs text-slate-500">{subtitle}</p>}
    </div>
  );
}

/** A lab page: its title atop the sidebar (then the sidebar's own pieces), the issue banner atop the main area. */
export function LabPage({ title, subtitle, sidebar, children, testId }: LabLayoutProps & { title: ReactNode; subtitle?: ReactNode }) {
  return (
    <LabLayout
      testId={testId}
      sidebar={
        <>
          <LabTitle title={title} subtitle={subtitle} />
          {sidebar}
        </>
      }
    >
      <IssueBanner />
      {children}
    </LabLayout>
  );
}
