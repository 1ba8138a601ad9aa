import { log10 } from '../../../engine/core/det-math';
import type { GdToEndResult } from '../../../engine/flow-descent/gd-to-end';
import type { Band } from '../../../plots/TimeSeriesPlot';
import type { SweepPointResult } from '../sweep';

/**
 * What the step-size sweep page draws, as pure functions of its rows (docs/labs/flow-vs-descent.md Sec. 7 item 9):
 * each run's outcome class and colour, the outcome band over eta, max D and final lmax against eta, the 2/eta curve
 * and a slope-1 guide.
 */

/** One eta of the sweep on screen: its result once its job is back. */
export interface SweepRow {
  eta: number;
  result: SweepPointResult | null;
}

export type OutcomeKind = 'converged' | 'period2' | 'periodic' | 'aperiodic' | 'diverged';

/** Colours (Okabe-Ito) and names of the outcome band. */
export const OUTCOME_STYLE: Record<OutcomeKind, { label: string; color: string }> = {
  converged: { label: 'converged', color: '#009E73' },
  period2: { label: 'period 2', color: '#E69F00' },
  periodic: { label: 'longer period', color: '#CC79A7' },
  aperiodic: { label: 'step cap (aperiodic or unsettled)', color: '#56B4E9' },
  diverged: { label: 'diverged', color: '#D55E00' },
};

export function outcomeKind(r: Pick<GdToEndResult, 'outcome' | 'period'>): OutcomeKind {
  if (r.outcome === 'periodic') return r.period === 2 ? 'period2' : 'periodic';
  return r.outcome === 'cap' ? 'aperiodic' : r.outcome;
}

/**
 * The outcome in words: 'period 6' rather than the class name. The period is f's: GD bouncing between +q and -q on a
 * quadratic at eta = 2/lam keeps f constant, period 1.
 */
export function outcomeText(r: Pick<GdToEndResult, 'outcome' | 'period'>): string {
  if (r.outcome === 'periodic') return r.period === 1 ? 'period 1 (f constant, not converged)' : `period ${r.period}`;
  return OUTCOME_STYLE[outcomeKind(r)].label;
}

/** f - min f on the orbit or the last stretch, low / high; null for converged and diverged runs. */
export function fRange(r: Pick<GdToEndResult, 'outcome' | 'orbit' | 'fLow' | 'fHigh'>): [number, number] | null {
  if (r.outcome === 'periodic') return [Math.min(...r.orbit), Math.max(...r.orbit)];
  if (r.outcome === 'cap') return [r.fLow, r.fHigh];
  return null;
}

const finished = (rows: readonly SweepRow[]) => rows.filter((r): r is SweepRow & { result: SweepPointResult } => r.result !== null);

/**
 * The outcome band on a log eta axis: each finished eta owns the interval between the geometric midpoints to its
 * neighbours (the ends reach as far out as the nearest midpoint), and neighbours of one class merge into one band.
 */
export function outcomeBands(rows: readonly SweepRow[]): Band[] {
  const done = finished(rows).sort((a, b) => a.eta - b.eta);
  if (!done.length) return [];
  const mid = (a: number, b: number) => Math.sqrt(a * b);
  const edges = done.map((r, i) => {
    const lo = i > 0 ? mid(done[i - 1].eta, r.eta) : done.length > 1 ? (r.eta * r.eta) / mid(r.eta, done[1].eta) : r.eta / Math.SQRT2;
    const hi = i + 1 < done.length ? mid(r.eta, done[i + 1].eta) : done.length > 1 ? (r.eta * r.eta) / mid(done[i - 1].eta, r.eta) : r.eta * Math.SQRT2;
    return { kind: outcomeKind(r.result), lo, hi };
  });
  const bands: Band[] = [];
  let cur = edges[0];
  for (const e of edges.slice(1)) {
    if (e.kind === cur.kind) cur = { ...cur, hi: e.hi };
    else {
      bands.push(band(cur));
      cur = e;
    }
  }
  bands.push(band(cur));
  return bands;
}

const band = (e: { kind: OutcomeKind; lo: number; hi: number }): Band => ({
  from: e.lo,
  to: e.hi,
  label: OUTCOME_STYLE[e.kind].label,
  shortLabel: OUTCOME_STYLE[e.kind].label.split(' ')[0],
  color: OUTCOME_STYLE[e.kind].color,
});

/** (eta, y) of the finished rows where y is finite and positive (log axes), ascending in eta. */
export function pointsOf(rows: readonly SweepRow[], y: (r: SweepPointResult) => number): { x: number[]; y: number[] } {
  const pts = finished(rows)
    .map((r) => ({ x: r.eta, y: y(r.result) }))
    .filter((p) => Number.isFinite(p.y) && p.y > 0)
    .sort((a, b) => a.x - b.x);
  return { x: pts.map((p) => p.x), y: pts.map((p) => p.y) };
}

/**
 * A line of slope 1 on log-log axes through the smallest eta's max D (where D ~ eta max ||E|| holds best, Sec. 6.6),
 * across the swept range; null with no finite point.
 */
export function slopeOneGuide(rows: readonly SweepRow[]): { x: number[]; y: number[] } | null {
  const p = pointsOf(rows, (r) => r.maxD);
  const etas = rows.map((r) => r.eta);
  if (!p.x.length) return null;
  const c = p.y[0] / p.x[0];
  const lo = Math.min(...etas);
  const hi = Math.max(...etas);
  return { x: [lo, hi], y: [c * lo, c * hi] };
}

/** The curve 2/eta over the swept range (a dense log grid: exact at the grid, straight on log-log axes anyway). */
export function twoOverEta(etas: readonly number[], points = 64): { x: number[]; y: number[] } {
  if (!etas.length) return { x: [], y: [] };
  const lo = Math.min(...etas);
  const hi = Math.max(...etas);
  const x = Array.from({ length: points }, (_, i) => (points === 1 || lo === hi ? lo : lo * (hi / lo) ** (i / (points - 1))));
  return { x, y: x.map((e) => 2 / e) };
}

/** Least-squares slope of log max D against log eta over the converged runs (null below two). */
export function maxDSlope(rows: readonly SweepRow[]): number | null {
  const p = pointsOf(
    rows.filter((r) => r.result?.outcome === 'converged'),
    (r) => r.maxD,
  );
  if (p.x.length < 2) return null;
  const lx = p.x.map(log10);
  const ly = p.y.map(log10);
  const mx = lx.reduce((s, v) => s + v, 0) / lx.length;
  const my = ly.reduce((s, v) => s + v, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) * (lx[i] - mx);
  }
  return den > 0 ? num / den : null;
}

/** The largest eta that converged, and the smallest that did not (null when none). */
export function convergenceEdge(rows: readonly SweepRow[]): { lastConverged: number | null; firstNot: number | null } {
  const done = finished(rows).sort((a, b) => a.eta - b.eta);
  const conv = done.filter((r) => r.result.outcome === 'converged').map((r) => r.eta);
  const not = done.filter((r) => r.result.outcome !== 'converged').map((r) => r.eta);
  return { lastConverged: conv.length ? Math.max(...conv) : null, firstNot: not.length ? Math.min(...not) : null };
}

/**
 * Spec keys a sweep does not depend on (the run's arms, its stamps and plots, the page it opens on): editing them
 * leaves the sweep's results current, so opening a point as a run does not mark the sweep out of date.
 */
export const SWEEP_IGNORES = ['view', 'etas', 'stamps', 'protocol', 'rs', 'errorOde', 'spectrum', 'rescale', 'mnist'] as const;
