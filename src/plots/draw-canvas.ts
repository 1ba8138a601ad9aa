/** Canvas side of the plot: device-pixel sizing and the series polylines. */
import { decimateMinMax, isPlottable } from './series-math';
import type { PlotSeries } from './types';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LineItem {
  series: PlotSeries;
  n: number;
  sorted: boolean;
  /** x sorted within each run between breaks (SeriesScan.runsSorted): decimated like a sorted series. */
  runsSorted?: boolean;
  color: string;
}

/**
 * Sizes the backing store to CSS size x devicePixelRatio and returns a context drawing in CSS px.
 * The backing store is only reallocated when the size really changes (that also clears it).
 * Null when canvas 2D is unavailable (e.g. jsdom).
 */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = (typeof window !== 'undefined' && window.devicePixelRatio) || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * Strokes every line inside `clip`. Sorted series with more than ~4 points per pixel column are
 * min-max decimated first; the data itself is untouched. A point isolated between breaks is
 * drawn as a dot so single samples do not vanish.
 */
export function drawLines(
  ctx: CanvasRenderingContext2D,
  items: readonly LineItem[],
  mx: (v: number) => number,
  my: (v: number) => number,
  /** Inverse of mx (pixel to x), used to find column boundaries cheaply while decimating. */
  mxInv: (px: number) => number,
  clip: Rect,
  logX: boolean,
  logY: boolean,
): void {
  const columns = Math.max(1, clip.right - clip.left);
  ctx.save();
  ctx.beginPath();
  ctx.rect(clip.left, clip.top, clip.right - clip.left, clip.bottom - clip.top);
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';

  for (const { series: s, n, sorted, runsSorted, color } of items) {
    const { x, y } = s;
    ctx.beginPath();
    ctx.strokeStyle = color;
    ctx.lineWidth = s.width ?? 1.5;
    ctx.setLineDash(s.dash ?? []);

    let segLen = 0;
    let px = 0,
      py = 0;
    const endSegment = () => {
      if (segLen === 1) ctx.lineTo(px + 0.01, py);
      segLen = 0;
    };
    const visit = (i: number) => {
      px = mx(x[i]);
      py = my(y[i]);
      if (segLen === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
      segLen++;
    };

    // a series of many joined trajectories (runsSorted) is decimated too: tens of thousands of segments stroked with
    // round joins took 50-100 ms a frame on a software canvas (E-1B's 44 entries x 400 points)
    if ((sorted || runsSorted) && n > 4 * columns) {
      for (const i of decimateMinMax(x, y, n, mx, logX, logY, (c) => mxInv(c + 1))) {
        if (i < 0) endSegment();
        else visit(i);
      }
    } else {
      for (let i = 0; i < n; i++) {
        if (isPlottable(x[i], logX) && isPlottable(y[i], logY)) visit(i);
        else endSegment();
      }
    }
    endSegment();
    ctx.stroke();
  }
  ctx.restore();
}
