import { predictionsOf, type Predictions } from '../../engine/models/homogeneous/problem';
import { escapeIndex as escapeIndexOf } from '../../engine/analysis/staircase';
import type { SaddlesSpec } from '../../spec/labs/saddles';
import type { SeriesBuffers } from '../../state/series';

/** First snapshot with L <= 0.99 L(0) (the lab's operational escape time, lab spec 2.5), or -1. */
export function escapeIndex(b: SeriesBuffers | null, L0: number): number {
  return b ? escapeIndexOf(b.loss, b.count, L0) : -1;
}

/**
 * The axis the staircase is judged on: flow time for gradient flow, iterations for GD (the same up to the
 * factor eta for a constant step; clipped steps after an escape add almost no flow time).
 */
export function staircaseAxis(b: SeriesBuffers, spec: SaddlesSpec): Float64Array {
  return spec.optim.kind === 'flow' ? b.t : b.step;
}

/** Snapshot index nearest to flow time t. */
export function nearestIndex(b: SeriesBuffers, t: number): number {
  let best = 0;
  for (let i = 1; i < b.count; i++) if (Math.abs(b.t[i] - t) < Math.abs(b.t[best] - t)) best = i;
  return best;
}

/**
 * The heatmap markers: i1 2000 steps before escape and i2 5000 after for GD (the paper's Fig. 1 choice); for
 * gradient flow the same fractions of the escape time as in Fig. 1 (1.5 % before, 4 % after).
 */
export function autoMarkers(b: SeriesBuffers, spec: SaddlesSpec, esc: number): { i1: number; i2: number } | null {
  if (esc < 0) return null;
  const tEsc = b.t[esc];
  const o = spec.optim;
  const before = o.kind === 'flow' ? 0.015 * tEsc : 2000 * o.lr;
  const after = o.kind === 'flow' ? 0.04 * tEsc : 5000 * o.lr;
  return { i1: nearestIndex(b, Math.max(0, tEsc - before)), i2: nearestIndex(b, tEsc + after) };
}

export function predictionsFrom(views: Record<string, Float64Array>): Predictions | null {
  return predictionsOf(views.pred);
}

export const fmt = (v: number, digits = 4) =>
  !Number.isFinite(v) ? '—' : v === 0 ? '0' : Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 ? v.toExponential(digits - 1) : v.toPrecision(digits);

/**
 * Iteration number at flow time t of a GD run: t/eta for a constant step; for step rules, interpolated between
 * snapshots (t and step are both increasing) and extrapolated past the last one with the base step.
 */
export function timeToIteration(b: SeriesBuffers, spec: SaddlesSpec, t: number): number {
  const o = spec.optim;
  if (o.kind === 'flow') return NaN;
  if (o.kind === 'gd' || b.count === 0) return t / o.lr;
  const n = b.count;
  if (t >= b.t[n - 1]) return b.step[n - 1] + (t - b.t[n - 1]) / o.lr;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (b.t[mid] <= t) lo = mid;
    else hi = mid;
  }
  const dt = b.t[hi] - b.t[lo];
  return dt > 0 ? b.step[lo] + ((t - b.t[lo]) / dt) * (b.step[hi] - b.step[lo]) : b.step[lo];
}
