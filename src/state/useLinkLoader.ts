import { useEffect } from 'react';
import { decodeSpec } from '../experiment/link';
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
    if (hashParam(hash, 's') === null) return;
    const r = decodeSpec(hash);
    const store = useExperiment.getState();
    if (r.ok) {
      store.apply(r.spec, 'link');
      store.requestAutoRun(r.spec.lab);
      // Keep the page and display flags of the link; drop only the experiment, which now lives in the store.
      const kept = new URLSearchParams(hash.replace(/^#/, ''));
      kept.delete('s');
      kept.set('lab', r.spec.lab);
      window.history.replaceState(null, '', `#${kept.toString()}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      store.refuse(r.issues, 'link');
    }
  }, [hash]);
}
