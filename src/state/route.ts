import { useSyncExternalStore } from 'react';
import type { LabInfo } from '../labs/registry';
import { LABS } from '../labs/registry';

/** The lab named in the hash (`#lab=...`, or implied by a shared spec `#s=...`); poisoning by default. */
export function labFromHash(hash: string): LabInfo['id'] {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const lab = params.get('lab');
  return LABS.find((l) => l.id === lab)?.id ?? 'poisoning';
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash, () => '');
}
