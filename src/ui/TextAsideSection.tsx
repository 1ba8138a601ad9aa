import type { ReactNode } from 'react';
import { cardClass } from './field-styles';

export interface TextAsideSectionProps {
  /** The section's test id; its heading's id is `${id}-title` (the section is labelled by it). */
  id: string;
  title: ReactNode;
  /** The text, on the left (above on narrow screens). */
  children: ReactNode;
  /** Plots, tables and controls, on the right. */
  aside: ReactNode;
}

/** A card of an explanatory page (demos, theory): text on the left, what illustrates it on the right. */
export function TextAsideSection({ id, title, children, aside }: TextAsideSectionProps) {
  return (
    // overflow-x-auto: a long inline formula on a phone scrolls inside the card, not the page
    <section
      className={`${cardClass} grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4 overflow-x-auto xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]`}
      data-testid={id}
      aria-labelledby={`${id}-title`}
    >
      <div className="flex min-w-0 flex-col gap-2 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900 dark:text-slate-100">
          {title}
        </h2>
        {children}
      </div>
      <div className="flex min-w-0 flex-col gap-3">{aside}</div>
    </section>
  );
}
