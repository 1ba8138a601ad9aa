import { useLinkedRun } from '../../state/experiment-store';
import { useRuns } from '../../state/runs-store';
import { LabTabs, usePageFromHash } from '../../ui/LabTabs';
import { poisoningCore } from './core';
import { ExplorePage } from './explore/ExplorePage';
import { ReproducePage } from './reproduce/ReproducePage';
import { Thm1Page } from './Thm1Page';

/** The pages of the lab, in tab order. */
const POISONING_PAGES = [
  { id: 'thm1', title: 'Theorem 1', component: Thm1Page },
  { id: 'explore', title: 'Explore: training set & poison', component: ExplorePage },
  { id: 'reproduce', title: 'Reproduce the paper', component: ReproducePage },
];

/** The Poisoning lab (paper 000): tabs for its pages; a shared link opens its page and reruns the experiment. */
export function PoisoningLab() {
  const page = usePageFromHash(POISONING_PAGES);
  useLinkedRun(poisoningCore.id, (s) => void useRuns.getState().start(s));
  const Page = page.component;
  return (
    <div className="flex flex-col gap-3" data-testid="lab-poisoning">
      <LabTabs lab={poisoningCore.id} pages={POISONING_PAGES} current={page.id} label="Poisoning lab pages" />
      <Page />
    </div>
  );
}
