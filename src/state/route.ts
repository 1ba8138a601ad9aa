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

/**
 * One parameter of a hash (`#lab=...&page=...&s=...`), or null. The last hash parsed is kept: a link's hash can hold
 * hundreds of kilobytes of experiment, and every component that reads its route parsed all of it at each render.
 */
export function hashParam(hash: string, name: string): string | null {
  if (hash !== parsedHash) {
    parsedHash = hash;
    parsed = new URLSearchParams(hash.replace(/^#/, ''));
  }
  return parsed.get(name);
}
let parsedHash = '';
let parsed = new URLSearchParams();

/** The lab a hash names (`#lab=...`), or null. */
export const labInHash = (hash: string): string | null => hashParam(hash, 'lab');
