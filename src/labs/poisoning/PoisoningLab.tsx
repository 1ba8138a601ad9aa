import { useLinkedRun } from '../../state/experiment-store';
import { useRuns } from '../../state/runs-store';
import { TabbedLab } from '../../ui/TabbedLab';
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
  useLinkedRun(poisoningCore.id, (s) => void useRuns.getState().start(s));
  return <TabbedLab lab={poisoningCore.id} pages={POISONING_PAGES} label="Poisoning lab pages" />;
}
