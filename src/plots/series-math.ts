/**
 * Pure numeric helpers behind TimeSeriesPlot: point filtering, extents, min-max decimation,
 * nearest-point lookup and number formatting. No DOM and no d3, so they are cheap to unit-test.
 */

import { fmt } from '../ui/format';

export type NumArray = ArrayLike<number>;

/** Whether v can be placed on an axis: finite, and strictly positive on a log axis. */
export function isPlottable(v: number, log: boolean): boolean {
  // Comparisons with NaN are false, so NaN fails both branches.
  return log ? v > 0 && v < Infinity : Number.isFinite(v);
}

/** Number of valid points: n when given (clamped), else the shorter of the two buffers. */
export function validLength(x: NumArray, y: NumArray, n?: number): number {
  const cap = Math.min(x.length, y.length);
  if (n === undefined || !Number.isFinite(n)) return cap;
  return Math.max(0, Math.min(Math.floor(n), cap));
}

export interface SeriesScan {
  /** Points whose x and y are both plottable. */
  count: number;
  /** Extent of the plottable points (inside xWindow when given); min > max when there are none. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** x[0..n) all finite and non-decreasing, which enables binary search and decimation. */
  sorted: boolean;
  /**
   * x non-decreasing within each run between non-finite x (breaks): several trajectories joined into one series by
   * NaN breaks, each against time. Enough for min-max decimation (decimateMinMax restarts at a break), not for
   * binary search.
   */
  runsSorted: boolean;
}

/**
 * One pass over a series: drawable count, extent and sortedness. Doing all three together keeps
 * the per-frame cost at a single read of each buffer. With xWindow, only points inside it feed
 * the extent (so a fixed x range autoscales y to what is visible); count is unaffected.
 */
export function scanSeries(x: NumArray, y: NumArray, n: number, logX: boolean, logY: boolean, xWindow?: readonly [number, number]): SeriesScan {
  let count = 0;
  let xMin = Infinity,
    xMax = -Infinity,
    yMin = Infinity,
    yMax = -Infinity;
  let sorted = true;
  let prev = -Infinity;
  let runsSorted = true;
  let prevInRun = -Infinity;
  const wLo = xWindow ? xWindow[0] : -Infinity;
  const wHi = xWindow ? xWindow[1] : Infinity;
  for (let i = 0; i < n; i++) {
    const xv = x[i];
    const yv = y[i];
    if (sorted && !(Number.isFinite(xv) && xv >= prev)) sorted = false;
    prev = xv;
    if (!Number.isFinite(xv)) prevInRun = -Infinity;
    else {
      if (xv < prevInRun) runsSorted = false;
      prevInRun = xv;
    }
    if (!isPlottable(xv, logX) || !isPlottable(yv, logY)) continue;
    count++;
    if (xv < wLo || xv > wHi) continue;
    if (xv < xMin) xMin = xv;
    if (xv > xMax) xMax = xv;
    if (yv < yMin) yMin = yv;
    if (yv > yMax) yMax = yv;
  }
  return { count, xMin, xMax, yMin, yMax, sorted, runsSorted };
}

/**
 * Axis domain from a data extent: a few percent of padding (in decades on a log axis), a
 * window around a single value, and a default range when there is no data (lo > hi).
 */
/** log10 of the smallest value a log axis shows. */
export const LOG_FLOOR_EXP = -300;

export function padDomain(lo: number, hi: number, log: boolean, frac = 0.04): [number, number] {
  if (!(lo <= hi)) return log ? [1, 10] : [0, 1];
  if (log) {
    let a = Math.log10(lo);
    let b = Math.log10(hi);
    const pad = (b - a) * frac;
    a -= pad;
    b += pad;
    // At least a decade, centred on the data: a flat series sits mid-plot with readable ticks (one between 0.97 and
    // 0.98 sat on the floor of [0.97, 9.7]).
    if (b - a < 1) {
      const mid = (a + b) / 2;
      a = mid - 0.5;
      b = mid + 0.5;
    }
    // Floored at 1e-300: below it 10^a underflows to 0 (a subnormal series, e.g. an imbalance dying out), which a
    // log scale cannot take; points under the floor fall off the bottom of the plot.
    a = Math.max(a, LOG_FLOOR_EXP);
    b = Math.max(b, a + 1);
    return [10 ** a, 10 ** b];
  }
  const span = hi - lo;
  const mag = Math.max(Math.abs(lo), Math.abs(hi));
  if (span <= mag * 1e-12) {
    const half = mag > 0 ? mag * 0.1 : 1;
    return [lo - half, hi + half];
  }
  return [lo - span * frac, hi + span * frac];
}

/**
 * Min-max (M4-style) decimation for x-sorted data. Points are bucketed by pixel column
 * (floor(col(x))); each column keeps its first, min-y, max-y and last point in index order, so
 * spikes survive and the polyline still joins neighbouring columns correctly.
 * Returns indices into the original arrays, with -1 marking a break (a non-plottable point).
 * `colEndX(c)`, if given, is the x where column c ends; col() is then only evaluated when a point
 * crosses into a new column, which matters when col() involves a logarithm.
 */
export function decimateMinMax(x: NumArray, y: NumArray, n: number, col: (xv: number) => number, logX: boolean, logY: boolean, colEndX?: (c: number) => number): number[] {
  const out: number[] = [];
  let cur = NaN;
  let end = -Infinity; // x at which the current column ends (only used with colEndX)
  let first = -1,
    last = -1,
    lo = -1,
    hi = -1;

  const push = (k: number) => {
    if (out[out.length - 1] !== k) out.push(k);
  };
  const flush = () => {
    if (first < 0) return;
    push(first);
    push(Math.min(lo, hi));
    push(Math.max(lo, hi));
    push(last);
    first = -1;
  };

  for (let i = 0; i < n; i++) {
    const xv = x[i];
    const yv = y[i];
    if (!isPlottable(xv, logX) || !isPlottable(yv, logY)) {
      flush();
      cur = NaN;
      if (out.length > 0) push(-1);
      continue;
    }
    if (first < 0 || !colEndX || xv >= end) {
      const c = Math.floor(col(xv));
      if (c !== cur || first < 0) {
        flush();
        cur = c;
        if (colEndX) end = colEndX(c);
        first = last = lo = hi = i;
        continue;
      }
    }
    last = i;
    if (yv < y[lo]) lo = i;
    if (yv > y[hi]) hi = i;
  }
  flush();
  if (out[out.length - 1] === -1) out.pop();
  return out;
}

export interface NearestOptions {
  /** x[0..n) is finite and non-decreasing: use binary search. */
  sorted?: boolean;
  /** Monotonic increasing transform in which distance is measured (e.g. Math.log10 on a log axis). */
  map?: (v: number) => number;
}

/**
 * Index of the point whose x is nearest to target (distance measured after `map`), or -1 when
 * none qualifies. Points whose mapped x is not finite (e.g. x <= 0 under log10) are never
 * chosen; ties go to the lower index.
 */
export function nearestIndex(x: NumArray, n: number, target: number, opts: NearestOptions = {}): number {
  const map = opts.map ?? ((v: number) => v);
  const t = map(target);
  if (!Number.isFinite(t) || n <= 0) return -1;
  // NaN and Infinity both mean "not a candidate"; `d < Infinity` rejects both.
  const dist = (i: number) => Math.abs(map(x[i]) - t);

  if (opts.sorted) {
    // Lower bound: first index with x >= target.
    let lo = 0,
      hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    const dPrev = lo > 0 ? dist(lo - 1) : NaN;
    const dHere = lo < n ? dist(lo) : NaN;
    const okPrev = dPrev < Infinity;
    const okHere = dHere < Infinity;
    if (okPrev && (!okHere || dPrev <= dHere)) {
      // Step back over equal x so ties resolve to the lowest index, as in the scan below.
      let k = lo - 1;
      while (k > 0 && x[k - 1] === x[k]) k--;
      return k;
    }
    if (okHere) return lo;
    // Both neighbours unmappable: fall through to the scan.
  }

  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < n; i++) {
    const d = dist(i);
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

/**
 * The axes' and readouts' number formatter: the app's one formatter `fmt` (4 significant digits; exponent form,
 * e.g. "1.235e4", "2e-5", when |v| < 1e-3 or |v| >= 1e4, chosen after rounding, so 9999.7 is "1e4"), with the
 * axis spellings 'NaN' and '-∞'.
 */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === -Infinity) return '-∞';
  return fmt(v);
}
