import { useSyncExternalStore } from 'react';
import { hashFlags, packedSpecOf, SPEC_KEY } from '../experiment/link';

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
 * One parameter of a hash (`#lab=...&page=...&s=...`), or null. A link's experiment (`s`) can hold hundreds of
 * kilobytes: the other parameters are parsed with it cut out (every component that reads its route asks at each
 * render; the last hash's parameters are kept), and `s` itself is decoded only when asked for (the link loader).
 */
export function hashParam(hash: string, name: string): string | null {
  if (hash !== parsedHash) {
    parsedHash = hash;
    parsed = hashFlags(hash);
    spec = undefined;
  }
  if (name !== SPEC_KEY) return parsed.get(name);
  if (spec === undefined) spec = packedSpecOf(hash);
  return spec;
}
let parsedHash = '';
let parsed = new URLSearchParams();
let spec: string | null | undefined;

/** The lab a hash names (`#lab=...`), or null. */
export const labInHash = (hash: string): string | null => hashParam(hash, 'lab');
