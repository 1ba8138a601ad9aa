import { useEffect } from 'react';
import { hashFlags } from '../experiment/link';
import { defaultSpec } from '../experiment/presets';
import { isLabId } from '../experiment/schema';
import { idleMap } from '../ui/idle-map';
import { parseSpec } from '../experiment/validate';
import type { SpecResult } from '../experiment/validate';
import { useExperiment } from './experiment-store';
import { decodeLink } from './link-decoder';
import { hashParam, labInHash, useHash } from './route';
import { warmPresetTexts } from './run-confirm';

/**
 * Opens a shared link: a valid `#s=` spec replaces its lab's experiment and asks the lab to rerun it; a bad
 * one is refused with the issues shown, and the user's last good experiment stays. The hash is then reduced
 * to `#lab=` so a reload keeps later edits (experiments persist locally). A long link is read in a worker
 * (link-decoder.ts); a result that arrives after the hash has changed again is dropped.
 */
export function useLinkLoader() {
  const hash = useHash();
  const lab = labInHash(hash);
  useEffect(() => warmSchema(lab), [lab]);
  useEffect(() => {
    const packed = hashParam(hash, 's');
    if (packed === null) return;
    let current = true;
    warmPresetTexts(labInHash(hash));
    void decodeLink(packed).then((r) => current && openLink(hash, r));
    return () => {
      current = false;
    };
  }, [hash]);
}

/** Puts a link's experiment in its lab (and reruns it), or shows why it was refused. */
function openLink(hash: string, r: SpecResult) {
  const store = useExperiment.getState();
  if (r.ok) {
    store.accept(r);
    // Keep the page and display flags of the link; drop only the experiment, which now lives in the store. In a task of
    // its own after the page has drawn the experiment (replacing a 376 KB address takes 30-50 ms), unless the address
    // has moved on since; then the run starts, in a task of its own too (each is long for the largest links).
    const lab = r.spec.lab;
    const kept = hashFlags(hash);
    kept.set('lab', lab);
    setTimeout(() => {
      if (window.location.hash !== hash) return;
      window.history.replaceState(null, '', `#${kept.toString()}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }, 0);
    setTimeout(() => useExperiment.getState().requestAutoRun(lab), 0);
  } else {
    store.refuse(r.issues, 'link');
  }
}

/** The labs whose schema has been warmed (or is being warmed). */
const warmed = new Set<string>();

/**
 * Builds the schema of the lab on screen while the page is idle, by parsing its default spec: zod builds a schema and
 * compiles its parser on first use (40-60 ms for a lab), which otherwise falls in the task that opens the first link or
 * preset picked on the page, just as its runs start to stream.
 */
function warmSchema(lab: string | null): (() => void) | undefined {
  if (!isLabId(lab) || warmed.has(lab)) return undefined;
  warmed.add(lab);
  let done = false;
  const cancel = idleMap(
    [lab],
    (l) => parseSpec(defaultSpec(l)),
    () => (done = true),
  );
  return () => {
    cancel();
    if (!done) warmed.delete(lab);
  };
}
