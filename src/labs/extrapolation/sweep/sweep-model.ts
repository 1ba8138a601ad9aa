import { zeroSolutionError } from '../../../engine/linear-rnn/metrics';
import { exactNumber } from '../../../ui/number-list';
import { teacherImpulse } from '../build';
import { type ExtrapolationSpec, type SweepDef, type TeacherSpec, teacherDim } from '../schema';
import { type PointResult, pointSpec, type SweepPoint, teacherLabel } from '../sweeps';

/**
 * The Sweeps page's model (pure, unit-tested): which sweep the experiment asks for, when a sweep on screen is out of
 * date, the spec a cell opens as a run, and the plots' groups of points.
 */

export const DEFAULT_SEEDS = [0, 1, 2];
export const DEFAULT_SIGMAS = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1];

/** k = 2 .. min(20, H - 1): the range of Fig. 1(a). */
export function defaultKs(spec: ExtrapolationSpec): number[] {
  const top = Math.min(20, spec.eval.H - 1);
  return Array.from({ length: Math.max(1, top - 1) }, (_, i) => Math.min(top, 2 + i));
}

/** A sweep of the given kind for an experiment that has none (or to switch kinds, keeping the seeds). */
export function defaultSweep(spec: ExtrapolationSpec, kind: SweepDef['kind'], seeds: number[] = DEFAULT_SEEDS): SweepDef {
  return kind === 'k' ? { kind: 'k', ks: defaultKs(spec), seeds } : { kind: 'sigma', sigmas: DEFAULT_SIGMAS, seeds };
}

/** The sweep the Sweeps page runs: the experiment's own (ui.sweep), else a k-sweep over Fig. 1(a)'s range. */
export function effectiveSweep(spec: ExtrapolationSpec): SweepDef {
  return spec.ui?.sweep ?? defaultSweep(spec, 'k');
}

/** The experiment with this sweep in its ui (an edited sweep is no longer the preset's: ui.preset is dropped). */
export function withSweep(spec: ExtrapolationSpec, sweep: SweepDef): ExtrapolationSpec {
  const { preset: _preset, ...ui } = spec.ui ?? {};
  return { ...spec, ui: { ...ui, sweep } };
}

/**
 * What a sweep's runs depend on: the base experiment with the swept coordinates blanked (k for a k-sweep, and the
 * teacher when it lists its own; sigma, and k when it lists ks, for a sigma-sweep; always the seed), as its point
 * specs see it, plus the sweep itself. Two (experiment, sweep) pairs with the same key make the same runs.
 */
export function sweepKey(spec: ExtrapolationSpec, sweep: SweepDef): string {
  const blank: { k?: number; sigma?: number; seed: number; teacher?: TeacherSpec } = { seed: 0 };
  if (sweep.kind === 'k') {
    blank.k = 1;
    if (sweep.teachers) blank.teacher = { kind: 'twin', which: 'T1' };
  } else {
    blank.sigma = 1;
    if (sweep.ks) blank.k = 1;
  }
  return JSON.stringify({ base: pointSpec(spec, blank), sweep });
}

/** Whether the sweep that ran (from `ranSpec` with `ranSweep`) is out of date for the experiment now on screen. */
export function sweepIsStale(ranSpec: ExtrapolationSpec | null, ranSweep: SweepDef | null, current: ExtrapolationSpec): boolean {
  if (!ranSpec || !ranSweep) return false;
  return sweepKey(ranSpec, ranSweep) !== sweepKey(current, effectiveSweep(current));
}

/**
 * The experiment a sweep cell opens as a run: that point's spec with the base's records (a sweep records sparsely)
 * and the base's ui without the preset (the run is no longer the preset's representative run), so the sweep
 * settings stay with the experiment.
 */
export function openSpec(base: ExtrapolationSpec, sweep: SweepDef, point: Pick<SweepPoint, 'spec'>): ExtrapolationSpec {
  const { preset: _preset, ...ui } = base.ui ?? {};
  return { ...point.spec, record: { ...base.record }, ui: { ...ui, sweep } };
}

/** The teachers of a sweep, in the order of its points' `teacher` index. */
export function sweepTeachers(spec: ExtrapolationSpec, sweep: SweepDef): TeacherSpec[] {
  return sweep.kind === 'k' && sweep.teachers ? sweep.teachers : [spec.teacher];
}

/**
 * k = 2 dHat and 2 dHat + 1 of each teacher (deduplicated): where Lemma 7 says extrapolation switches on. For a GRU
 * teacher, k_g = 4 dHat_g: where the paper saw its GRU switch (Sec. 5.3; a scaled threshold expected, not verified).
 */
export function thresholdMarks(teachers: readonly TeacherSpec[]): { x: number; label: string }[] {
  const gru = teachers.find((t) => t.kind === 'gru');
  if (gru) return [{ x: 4 * teacherDim(gru), label: `k_g = 4d̂_g = ${4 * teacherDim(gru)}` }];
  const dims = [...new Set(teachers.map(teacherDim))];
  const many = dims.length > 1;
  return dims.flatMap((dh) => [
    { x: 2 * dh, label: many ? `2d̂ = ${2 * dh}` : `k = 2d̂ = ${2 * dh}` },
    { x: 2 * dh + 1, label: many ? `2d̂+1` : `2d̂ + 1` },
  ]);
}

/** One finished (or pending) point of a sweep on screen. */
export interface ScoredPoint extends Omit<SweepPoint, 'spec'> {
  index: number;
  result: PointResult | null;
}

export type Metric = 'E' | 'betaBC' | 'loss' | 'alphaA';

export const METRIC_LABEL: Record<Metric, string> = {
  E: 'E (extrapolation error)',
  betaBC: 'β_BC (imbalance)',
  loss: 'final loss L',
  alphaA: 'α_A (asymmetry of A)',
};

/** One seed's run as a dot. */
export interface PlotDot {
  x: number;
  y: number;
  fitted: boolean;
  seed: number;
  /** Index of the point in the sweep (to open it as a run). */
  index: number;
}

/** Mean and spread over seeds at one x. */
export interface PlotStat {
  x: number;
  n: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  fitted: number;
}

/** A group of a sweep plot: one teacher, one k or one sigma, drawn in one colour. */
export interface PlotGroup {
  id: string;
  label: string;
  dots: PlotDot[];
  stats: PlotStat[];
  /** The zero-solution line at each x (E plots of k-sweeps), when known. */
  zero?: { x: number; y: number }[];
}

const metricOf = (r: PointResult, m: Metric) => (m === 'loss' ? r.loss : r[m]);

/** Mean, population std, range and fitted count of the finished points at each x (the order of first appearance). */
export function statsByX(dots: readonly PlotDot[]): PlotStat[] {
  const by = new Map<number, PlotDot[]>();
  for (const d of dots) {
    const g = by.get(d.x);
    if (g) g.push(d);
    else by.set(d.x, [d]);
  }
  return [...by.entries()]
    .map(([x, g]) => {
      const ys = g.map((d) => d.y).filter(Number.isFinite);
      const n = ys.length;
      const mean = n ? ys.reduce((s, y) => s + y, 0) / n : Number.NaN;
      const std = n ? Math.sqrt(ys.reduce((s, y) => s + (y - mean) * (y - mean), 0) / n) : Number.NaN;
      return { x, n, mean, std, min: n ? Math.min(...ys) : Number.NaN, max: n ? Math.max(...ys) : Number.NaN, fitted: g.filter((d) => d.fitted).length };
    })
    .sort((a, b) => a.x - b.x);
}

/**
 * Groups of a sweep's finished points for one plot: x is k or sigma, groups by teacher, k or sigma (`by`), and only
 * the points `keep` accepts (e.g. one k of a sigma-sweep over several ks).
 */
export function plotGroups(
  points: readonly ScoredPoint[],
  x: 'k' | 'sigma',
  by: 'teacher' | 'k' | 'sigma',
  metric: Metric,
  keep: (p: ScoredPoint) => boolean = () => true,
): PlotGroup[] {
  const groups = new Map<string, PlotGroup>();
  for (const p of points) {
    if (!keep(p)) continue;
    const id = by === 'teacher' ? `t${p.teacher}` : by === 'k' ? `k${p.k}` : `s${p.sigma}`;
    let g = groups.get(id);
    if (!g) {
      g = { id, label: by === 'teacher' ? p.teacherLabel : by === 'k' ? `k = ${p.k}` : `σ = ${exactNumber(p.sigma)}`, dots: [], stats: [] };
      groups.set(id, g);
    }
    if (p.result) g.dots.push({ x: p[x], y: metricOf(p.result, metric), fitted: p.result.fitted, seed: p.seed, index: p.index });
  }
  for (const g of groups.values()) g.stats = statsByX(g.dots);
  return [...groups.values()];
}

/**
 * The zero-solution line E of the all-zero response at each k, for each teacher of a k-sweep (the mean over the
 * seeds for teachers drawn from the seed), known before any run ends.
 */
export function zeroLines(spec: ExtrapolationSpec, sweep: SweepDef): { x: number; y: number }[][] {
  // a GRU teacher's zero line comes with each run (it needs the fitted teacher's outputs on the test sequences)
  if (sweep.kind !== 'k' || spec.teacher.kind === 'gru') return [];
  return sweepTeachers(spec, sweep).map((teacher) => {
    const ws = sweep.seeds.map((seed) => teacherImpulse({ ...spec, teacher, seed, training: { ...spec.training, k: 1 } }));
    return sweep.ks.map((k) => ({ x: k, y: ws.reduce((s, w) => s + zeroSolutionError(w, k, spec.eval.H), 0) / ws.length }));
  });
}

/** The label of a sweep's teachers ("bal(5)", "T1, T2"). */
export const teachersLabel = (spec: ExtrapolationSpec, sweep: SweepDef) => sweepTeachers(spec, sweep).map(teacherLabel).join(', ');
