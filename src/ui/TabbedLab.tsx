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
