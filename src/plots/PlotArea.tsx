import type { HTMLAttributes, ReactNode, Ref } from 'react';

export interface PlotAreaProps extends Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'style' | 'tabIndex' | 'role' | 'aria-label'> {
  ref: Ref<HTMLDivElement>;
  height: number;
  /** The accessible name: the plot's title and what its keys do. */
  label: string;
  children: ReactNode;
}

/**
 * The plot area of the lab's plots (TimeSeriesPlot, the Extrapolation sweep plot): a focusable group of the plot's
 * height that the pointer and keyboard handlers attach to, its layers stacked inside.
 */
export function PlotArea({ ref, height, label, children, ...handlers }: PlotAreaProps) {
  return (
    <div
      ref={ref}
      // its focus ring is the global one (src/index.css); its layers never widen the page, even in the moment before
      // ResizeObserver first reports the area's width (until then they are drawn at a fallback width)
      className="relative w-full overflow-x-clip select-none"
      style={{ height }}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the plot takes the focus for its keyboard readout (arrow keys move it, Escape hides it), as its label says
      tabIndex={0}
      role="group"
      aria-label={label}
      {...handlers}
    >
      {children}
    </div>
  );
}
