import { useSyncExternalStore } from 'react';

/** Watches the `dark` class the theme switch puts on <html>. */
const subscribe = (cb: () => void) => {
  const mo = new MutationObserver(cb);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => mo.disconnect();
};

/** Whether the page is in its dark theme now: for colours drawn in code (SVG fills, canvas) rather than by classes. */
export function useIsDark(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.classList.contains('dark'),
    () => false,
  );
}
