import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** What the app shell shows of a lab: its name in the header, its paper, its one-line promise and its page. */
export interface LabUi {
  title: string;
  paper: string;
  blurb: string;
  /** Position in the header's navigation. */
  navOrder: number;
  /** The lab's page (lazy: a lab's code loads when it is opened). */
  Page: ComponentType;
}

/** A lab announced in the header that has no page yet. */
export interface UpcomingLab {
  id: string;
  title: string;
  paper: string;
  blurb: string;
  navOrder: number;
}

/** A lab's page, loaded when the lab is first opened (its code is a chunk of its own). */
export function lazyPage<M>(load: () => Promise<M>, name: keyof M): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}
