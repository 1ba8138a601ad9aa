import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Content width of an element in whole CSS px, tracked with ResizeObserver. Where that API is
 * missing (jsdom, very old browsers) the width is measured once, falling back to `fallback`.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback = 600): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      // 0 means not laid out (hidden tab, jsdom); keep the previous width instead.
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
