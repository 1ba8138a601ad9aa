/** Public prop types of TimeSeriesPlot (re-exported from TimeSeriesPlot.tsx). */

export interface PlotSeries {
  id: string;
  label: string;
  color: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Number of valid points (default min(x.length, y.length)); arrays may be growing buffers. */
  n?: number;
  /** Canvas dash pattern in CSS px. */
  dash?: number[];
  /** Line width in CSS px (default 1.5). */
  width?: number;
}

export interface RefLine {
  axis: 'x' | 'y';
  value: number;
  label?: string;
  color?: string;
}

/** A shaded x-interval (e.g. a plateau), drawn under the data. */
export interface Band {
  from: number;
  to: number;
  label?: string;
  /** Shown instead of the label where the band is too narrow for it. */
  shortLabel?: string;
  color?: string;
}

export type AxisKind = 'linear' | 'log';

export interface TimeSeriesPlotProps {
  /** Used for data-testid="plot-<id>". */
  id: string;
  /** Shown above the plot; also the root's aria-label. */
  title: string;
  series: PlotSeries[];
  xLabel: string;
  yLabel: string;
  /** Initial scales; the toggle buttons change them afterwards. */
  xScale?: AxisKind;
  yScale?: AxisKind;
  /** Show the small "log x" / "log y" toggle buttons (default true). */
  scaleToggle?: boolean;
  refLines?: RefLine[];
  bands?: Band[];
  /** Plots with the same syncX group share one cursor: hovering one shows the readout at that x in all. */
  syncX?: string;
  /** Plot-area height in CSS px (default 220); width follows the container. */
  height?: number;
  /** Bump to redraw when buffers were mutated in place. */
  revision?: number;
  /** Fixed domains; ignored when invalid for the current scale (e.g. a 0 bound on log). */
  xDomain?: [number, number];
  yDomain?: [number, number];
  formatX?: (v: number) => string;
  formatY?: (v: number) => string;
  /** Shown centred when no series has drawable points (default "No data yet — press Run"). */
  emptyText?: string;
}
