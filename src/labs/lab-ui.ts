import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** One paper figure or table the lab reproduces, as the start page's gallery lists it. */
export interface GalleryEntry {
  /** The figure or table, as the paper numbers it ("Figure 1(a)", "Table 1, row 2"). */
  figure: string;
  /** What it shows, in one line. */
  claim: string;
  /** The preset that reproduces it (an id of the lab's core). */
  presetId: string;
  /** The lab's page the preset opens on (its first page when absent). */
  page?: string;
}

/** One step of a lab's guided lesson (presentation mode): a sentence or two for students and the preset it runs. */
export interface LessonStep {
  title: string;
  text: string;
  presetId: string;
  page?: string;
}

/** What the app shell shows of a lab: its name in the header, its paper, its one-line promise and its page. */
export interface LabUi {
  title: string;
  paper: string;
  blurb: string;
  /** The question the lab answers, for its card on the start page. */
  question: string;
  /** Every paper figure and table the lab reproduces (the start page's gallery). */
  gallery: readonly GalleryEntry[];
  /** The guided lesson of presentation mode (4-8 steps). */
  lesson: readonly LessonStep[];
  /** A small drawing for the lab's card: polylines in the unit square (y up), the first one emphasised. */
  preview: readonly (readonly [number, number][])[];
  /** Position in the header's navigation. */
  navOrder: number;
  /** The lab's page (lazy: a lab's code loads when it is opened). */
  Page: ComponentType;
}

/** What a lab's about.json holds: everything of its LabUi but the page. */
export type LabAbout = Omit<LabUi, 'Page'>;

/**
 * A lab's UI from its about.json (title, paper, header position, blurb, question, gallery, lesson and card preview:
 * words and data, kept out of code) and its page. JSON types its preview's pairs as plain arrays, hence the cast;
 * src/start/gallery.test.ts checks every about.json's shape and that every preset it names exists.
 */
export function labUi(about: Omit<LabAbout, 'preview'> & { preview: number[][][] }, Page: ComponentType): LabUi {
  return { ...about, preview: about.preview as unknown as LabAbout['preview'], Page };
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
