import type { ComponentType } from 'react';
import { LabTabs, type LabPage, usePageFromHash } from './LabTabs';

/** A lab made of pages: its tab bar, then the page the hash names (the first by default). */
export function TabbedLab({ lab, pages, label }: { lab: string; pages: readonly LabPage[]; label: string }) {
  const page = usePageFromHash(pages);
  const Page = page.component;
  return (
    <div className="flex flex-col gap-3" data-testid={`lab-${lab}`}>
      <LabTabs lab={lab} pages={pages} current={page.id} label={label} />
      <Page />
    </div>
  );
}

/** The page of a lab that is its tabs and nothing more: a TabbedLab over these pages, in tab order. */
export function tabbedLab(lab: string, label: string, pages: readonly LabPage[]): ComponentType {
  // biome-ignore lint/correctness/noComponentHookFactories: called once per lab when its module loads, never during a render, so each lab keeps one component
  return function Lab() {
    return <TabbedLab lab={lab} pages={pages} label={label} />;
  };
}
