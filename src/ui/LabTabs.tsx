import type { ComponentType } from 'react';
import { hashParam, useHash } from '../state/route';

export interface LabPage {
  id: string;
  title: string;
  component: ComponentType;
}

/** The page of a lab named in the hash (`#lab=...&page=...`); the first page by default. */
export function usePageFromHash<P extends LabPage>(pages: readonly P[]): P {
  const hash = useHash();
  const id = hashParam(hash, 'page');
  return pages.find((p) => p.id === id) ?? pages[0];
}

/** A lab's page tabs: links that keep the lab in the hash and mark the current page. */
export function LabTabs({ lab, pages, current, label }: { lab: string; pages: readonly LabPage[]; current: string; label: string }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-200 text-sm dark:border-slate-800">
      {pages.map((p) => (
        <a
          key={p.id}
          href={`#lab=${lab}&page=${p.id}`}
          aria-current={p.id === current ? 'page' : undefined}
          data-testid={`tab-${p.id}`}
          className={`-mb-px border-b-2 px-3 py-1.5 ${p.id === current ? 'border-sky-600 font-medium text-sky-800 dark:text-sky-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400'}`}
        >
          {p.title}
        </a>
      ))}
    </nav>
  );
}
