import { useSyncExternalStore } from 'react';

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** The location hash, re-read on every hashchange (routes are `#lab=...&page=...`). */
export function useHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
}

/** The lab a hash names (`#lab=...`), or null. */
export const labInHash = (hash: string): string | null => new URLSearchParams(hash.replace(/^#/, '')).get('lab');
