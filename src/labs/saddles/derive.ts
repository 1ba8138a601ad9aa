import { predictionsOf, type Predictions } from '../../engine/homogeneous/problem';
import { escapeIndex as escapeIndexOf } from '../../engine/homogeneous/staircase';
import type { SaddlesSpec } from './schema';
import { nearestIndex } from '../../plots/series-math';
import type { SeriesBuffers } from '../../state/series';

/** First snapshot with L <= 0.99 L(0) (the lab's operational escape time, docs/labs/saddles.md Sec. 2.5), or -1. */
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

/**
 * The heatmap markers: i1 2000 iterations before escape and i2 5000 after for GD (the paper's Fig. 1 choice,
 * counted in iterations whatever the step rule); for gradient flow the same fractions of the escape time as in
 * Fig. 1 (1.5 % before, 4 % after).
 */
export function autoMarkers(b: SeriesBuffers, spec: SaddlesSpec, esc: number): { i1: number; i2: number } | null {
  if (esc < 0) return null;
  const at = (x: Float64Array, v: number) => nearestIndex(x, b.count, v, { sorted: true });
  if (spec.optim.kind !== 'flow') return { i1: at(b.step, Math.max(0, b.step[esc] - 2000)), i2: at(b.step, b.step[esc] + 5000) };
  const tEsc = b.t[esc];
  return { i1: at(b.t, Math.max(0, tEsc - 0.015 * tEsc)), i2: at(b.t, tEsc + 0.04 * tEsc) };
}

export function predictionsFrom(views: Record<string, Float64Array>): Predictions | null {
  return predictionsOf(views.pred);
}

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

/** Markers the user set (snapshot indices; null = automatic). */
export interface MarkerOverride {
  i1: number | null;
  i2: number | null;
}

/**
 * The heatmap markers in use: each one the user's choice where set (clamped to the snapshots recorded so far),
 * else the automatic one (null before the escape).
 */
export function resolveMarkers(auto: { i1: number; i2: number } | null, override: MarkerOverride, count: number): MarkerOverride {
  const pick = (user: number | null, a: number | undefined) => (user !== null && count > 0 ? Math.max(0, Math.min(count - 1, Math.round(user))) : (a ?? null));
  return { i1: pick(override.i1, auto?.i1), i2: pick(override.i2, auto?.i2) };
}
