import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Content width of an element in whole CSS px, tracked with ResizeObserver (`fallback` until its first report). Where
 * that API is missing (jsdom, very old browsers) the width is measured once.
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
    // ResizeObserver reports the first size itself, after the page's next layout and before it paints: reading
    // clientWidth here forced that layout inside React's commit, the longest part of opening a large experiment.
    if (typeof ResizeObserver === 'undefined') return measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
