import { lazy, type MouseEvent, Suspense, startTransition, useEffect, useMemo, useState } from 'react';
import { NAV_LABS } from '../labs/ui-registry';
import { LabPreview } from './LabPreview';
import { startDemo } from './demo-runs';
import { type GalleryItem, galleryItems, presetHash } from './links';
import { hashHasSpec } from '../experiment/link';
import { hashParam } from '../state/route';
import { idleMap } from '../ui/idle-map';

/** The longest the gallery waits for the demo's first frame (a demo that fails or cannot start does not hide it). */
const GALLERY_WAIT_MS = 3000;

// The demo's plot (D3) loads beside the page, not in the entry bundle.
const loadDemo = () => import('./Thm1Demo');
const Thm1Demo = lazy(() => loadDemo().then((m) => ({ default: m.Thm1Demo })));

// On a cold load at the root, the demo's pair of runs and its plot's code start while the app's first render is
// still being built.
if (typeof window !== 'undefined' && isStartHash(window.location.hash)) {
  startDemo(0);
  void loadDemo();
}

/**
 * The app's root: what it is, one card per lab, and the gallery of every paper figure and table the labs rerun
 * (each a link that opens its lab with the preset loaded). Lab pages are not imported here: they load when opened.
 */
/** Whether a hash shows the start page: no lab named and no experiment arriving. */
export function isStartHash(hash: string): boolean {
  return hashParam(hash, 'lab') === null && !hashHasSpec(hash);
}

export function StartPage() {
  const labs = NAV_LABS;
  const gallery = useMemo(galleryItems, []);
  // The links carry each preset's spec, lz-compressed: made in idle time, a few at a time (the demo comes first:
  // all at once they took a 100-200 ms task just as its first data arrived); a click before then makes its own link.
  const [hrefs, setHrefs] = useState<string[] | null>(null);
  // The gallery's entries and their links wait for the demo's first frame (or GALLERY_WAIT_MS): on a 2-core machine
  // every millisecond of page work before it, idle callbacks included, is taken from the demo's two workers.
  const [galleryReady, setGalleryReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setGalleryReady(true), GALLERY_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => (galleryReady ? idleMap(gallery, (g) => presetHash(g.lab, g.presetId, g.page), setHrefs) : undefined), [gallery, galleryReady]);
  const open = (e: MouseEvent, g: GalleryItem) => {
    if (hrefs) return;
    e.preventDefault();
    window.location.hash = presetHash(g.lab, g.presetId, g.page);
  };
  return (
    <div className="flex flex-col gap-8 pb-8" data-testid="start-page">
      <section className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)] lg:items-center">
        <div className="flex flex-col gap-3">
          <h2 className="text-2xl font-semibold tracking-tight sm:text-3xl">Watch the implicit bias of gradient descent happen.</h2>
          <p className="text-slate-700 dark:text-slate-300" data-testid="start-intro">
            Among the many solutions that fit the training data, gradient descent picks particular ones; five labs turn five theory papers on this implicit bias into experiments
            you run, pause, step and edit in the browser. Every paper figure below opens ready to run, and every experiment is a link you can share.
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Theorem 1 of the poisoning paper runs by itself here: the same model trained on clean data and on data with one extra, correctly labelled sequence. Both fit; only one
            generalises.
          </p>
        </div>
        {/* at least the demo's own height at every width, so nothing below moves when it loads */}
        <div className="flex min-h-[33rem] min-w-0 flex-col justify-center rounded border border-slate-200 p-3 sm:min-h-[19.5rem] dark:border-slate-800">
          <Suspense fallback={null}>
            <Thm1Demo onFirstDraw={() => startTransition(() => setGalleryReady(true))} />
          </Suspense>
        </div>
      </section>

      <section aria-labelledby="start-labs" className="flex flex-col gap-3">
        <h2 id="start-labs" className="text-xl font-semibold">
          The labs
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
          {labs.map((l) => (
            <li key={l.id} className="min-w-0">
              <a
                href={`#lab=${l.id}`}
                data-testid={`start-lab-${l.id}`}
                className="flex h-full flex-col gap-2 rounded border border-slate-200 p-3 hover:border-sky-400 hover:bg-sky-50/50 dark:border-slate-800 dark:hover:border-sky-700 dark:hover:bg-sky-950/30"
              >
                <span>
                  <span className="block text-lg font-semibold">{l.title}</span>
                  <span className="block text-xs text-slate-500">{l.paper}</span>
                </span>
                {l.built && <LabPreview lines={l.preview} />}
                <span className="text-sm font-medium text-slate-800 dark:text-slate-200">{l.built ? l.question : l.blurb}</span>
                <span className="text-xs text-slate-600 dark:text-slate-400">{l.blurb}</span>
                <span className="mt-auto text-sm text-sky-700 dark:text-sky-400">Open the lab →</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="start-gallery" className="flex flex-col gap-3">
        <div>
          <h2 id="start-gallery" className="text-xl font-semibold">
            Gallery: the papers’ figures and tables
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {gallery.length} reproductions. Each opens its lab with the preset loaded; runs start at once, sweeps wait for you to press Run.
          </p>
        </div>
        {!galleryReady && (
          <p className="text-sm text-slate-500" data-testid="start-gallery-wait" aria-busy="true">
            The list appears as soon as the demo above has drawn its first frame.
          </p>
        )}
        {(galleryReady ? labs : []).map((l) => {
          const items = gallery.filter((g) => g.lab === l.id);
          if (!items.length) return null;
          return (
            <div key={l.id} className="flex flex-col gap-2">
              <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-300">
                {l.title} <span className="font-normal text-slate-500">· {l.paper}</span>
              </h3>
              <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
                {items.map((g) => (
                  <li key={g.presetId} className="min-w-0">
                    <a
                      href={hrefs?.[gallery.indexOf(g)] ?? `#lab=${g.lab}${g.page ? `&page=${g.page}` : ''}`}
                      onClick={(e) => open(e, g)}
                      data-testid={`gallery-${g.presetId}`}
                      data-lab={g.lab}
                      className="flex h-full flex-col gap-1 rounded border border-slate-200 px-3 py-2 hover:border-sky-400 hover:bg-sky-50/50 dark:border-slate-800 dark:hover:border-sky-700 dark:hover:bg-sky-950/30"
                    >
                      <span className="flex flex-wrap items-baseline justify-between gap-x-2">
                        <span className="font-medium">{g.figure}</span>
                        <code className="text-xs text-slate-500">{g.presetId}</code>
                      </span>
                      <span className="text-sm text-slate-700 dark:text-slate-300">{g.claim}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </div>
  );
}
