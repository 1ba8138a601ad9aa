import { useEffect } from 'react';
import { decodePacked, hashFlags } from '../experiment/link';
import { useExperiment } from './experiment-store';
import { hashParam, useHash } from './route';

/**
 * Opens a shared link: a valid `#s=` spec replaces its lab's experiment and asks the lab to rerun it; a bad
 * one is refused with the issues shown, and the user's last good experiment stays. The hash is then reduced
 * to `#lab=` so a reload keeps later edits (experiments persist locally).
 */
export function useLinkLoader() {
  const hash = useHash();
  useEffect(() => {
    const packed = hashParam(hash, 's');
    if (packed === null) return;
    const r = decodePacked(packed);
    const store = useExperiment.getState();
    if (r.ok) {
      store.accept(r);
      store.requestAutoRun(r.spec.lab);
      // Keep the page and display flags of the link; drop only the experiment, which now lives in the store.
      const kept = hashFlags(hash);
      kept.set('lab', r.spec.lab);
      window.history.replaceState(null, '', `#${kept.toString()}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      store.refuse(r.issues, 'link');
    }
  }, [hash]);
}
