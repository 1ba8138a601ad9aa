import { useEffect, type ComponentType } from 'react';
import { labSpecNow, useExperiment } from '../../state/experiment-store';
import { useHash } from '../../state/route';
import { useRuns } from '../../state/runs-store';
import { ReproducePage } from './reproduce/ReproducePage';
import { ExplorePage } from './explore/ExplorePage';
import { Thm1Page } from './Thm1Page';

export type PoisoningPageId = 'thm1' | 'explore' | 'reproduce';

/** The pages of the lab; a page not registered yet is left out of the tabs. */
export const POISONING_PAGES: { id: PoisoningPageId; title: string; component?: ComponentType }[] = [
  { id: 'thm1', title: 'Theorem 1', component: Thm1Page },
  { id: 'explore', title: 'Explore: training set & poison', component: ExplorePage },
  { id: 'reproduce', title: 'Reproduce the paper', component: ReproducePage },
];

export function pageFromHash(hash: string): PoisoningPageId {
  const page = new URLSearchParams(hash.replace(/^#/, '')).get('page');
  return POISONING_PAGES.find((p) => p.id === page && p.component)?.id ?? 'thm1';
}

/** The Poisoning lab (paper 000): tabs for its pages; a shared link opens its page and reruns the experiment. */
export function PoisoningLab() {
  const hash = useHash();
  const pageId = pageFromHash(hash);
  const autoRun = useExperiment((s) => s.autoRun);
  useEffect(() => {
    if (autoRun !== 'poisoning') return;
    useExperiment.getState().requestAutoRun(null);
    void useRuns.getState().start(labSpecNow('poisoning'));
  }, [autoRun]);
  const Page = POISONING_PAGES.find((p) => p.id === pageId)!.component!;
  return (
    <div className="flex flex-col gap-3" data-testid="lab-poisoning">
      <nav aria-label="Poisoning lab pages" className="flex gap-1 border-b border-slate-200 dark:border-slate-800 text-sm">
        {POISONING_PAGES.filter((p) => p.component).map((p) => (
          <a
            key={p.id}
            href={`#lab=poisoning&page=${p.id}`}
            aria-current={p.id === pageId ? 'page' : undefined}
            data-testid={`tab-${p.id}`}
            className={`-mb-px border-b-2 px-3 py-1.5 ${p.id === pageId ? 'border-sky-600 font-medium text-sky-800 dark:text-sky-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400'}`}
          >
            {p.title}
          </a>
        ))}
      </nav>
      <Page />
    </div>
  );
}
