import { useEffect } from 'react';
import { decodeSpec } from '../../spec/link';
import { useExperiment } from '../../state/experiment-store';
import { useRuns } from '../../state/runs-store';
import { useHash } from '../../state/route';

/**
 * Opens a shared link: a valid `#s=` spec replaces the experiment and reruns it; a bad one is refused with
 * the issues shown, and the user's last good experiment stays. The hash is then reduced to `#lab=` so a
 * reload keeps later edits (the experiment itself persists locally).
 */
export function useLinkLoader() {
  const hash = useHash();
  useEffect(() => {
    if (!new URLSearchParams(hash.replace(/^#/, '')).has('s')) return;
    const r = decodeSpec(hash);
    if (r.ok) {
      useExperiment.getState().apply(r.spec, 'link');
      window.history.replaceState(null, '', `#lab=${r.spec.lab}`);
      void useRuns.getState().start(useExperiment.getState().spec);
    } else {
      useExperiment.getState().refuse(r.issues, 'link');
    }
  }, [hash]);
}
