import { useEffect, useState } from 'react';
import { hashParam, useHash } from '../state/route';
import { Button } from './Button';

/** Whether the page is in presentation mode (`present=1` in the hash). */
export function usePresenting(): boolean {
  const hash = useHash();
  return hashParam(hash, 'present') === '1';
}

/** The classes of a plot shown full screen: it covers the window, above the page. */
export const FULL_SCREEN_CLASS = 'fixed inset-0 z-50 overflow-auto bg-white p-6 dark:bg-slate-950';

/**
 * A plot's full-screen state in presentation mode: toggled by its button, left with Escape or by leaving
 * presentation; `height` gives the plot area the window's height while full screen.
 */
export function useFullScreenPlot() {
  const presenting = usePresenting();
  const [full, setFull] = useState(false);
  const [vh, setVh] = useState(() => (typeof window === 'undefined' ? 800 : window.innerHeight));
  const on = full && presenting;
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setFull(false);
    };
    const onResize = () => setVh(window.innerHeight);
    onResize();
    window.addEventListener('keydown', onKey);
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('resize', onResize);
    };
  }, [on]);
  return {
    presenting,
    full: on,
    toggle: () => setFull((f) => !f),
    /** The plot area's height: its own, or the window's less the title, legend and padding (taller on a phone). */
    height: (own: number) => (on ? Math.max(own, vh - (window.innerWidth < 640 ? 260 : 150)) : own),
  };
}

/** The small button of a plot's toolbar that shows it full screen (presentation mode only). */
export function FullScreenButton({ full, onToggle }: { full: boolean; onToggle: () => void }) {
  return (
    <Button
      variant={full ? 'primary' : 'subtle'}
      size="sm"
      onClick={onToggle}
      testId="plot-full-screen"
      aria-pressed={full}
      title={full ? 'Back to the page (Esc)' : 'Show this plot full screen'}
    >
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="mr-1 inline-block align-[-1px]" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d={full ? 'M4 1v3H1M8 1v3h3M4 11V8H1M8 11V8h3' : 'M1 4V1h3M8 1h3v3M1 8v3h3M11 8v3H8'} />
      </svg>
      {full ? 'Close' : 'Full screen'}
    </Button>
  );
}
