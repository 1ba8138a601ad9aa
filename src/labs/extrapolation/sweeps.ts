import { log10 } from '../../engine/core/det-math';
import type { Run, StopReason } from '../../engine/core/run';
import { GruProblem } from '../../engine/gru/problem';
import { impulseOf, zeroSolutionError } from '../../engine/linear-rnn/metrics';
import { buildRunFor } from '../../experiment/lab-run';
import { buildExtrapolation, teacherImpulse } from './build';
import { formatIssues, parseWith } from '../../experiment/parse';
import { type ExtrapolationSpec, extrapolationCrossIssues, extrapolationSpecSchema, type SweepDef, type TeacherSpec } from './schema';

/**
 * Sweeps of the Extrapolation lab (Sec. 6.1; the sweep plot of Sec. 8.2): a sweep definition expands into one spec per point, each run to
 * its end by runPoint (the pool's `sweepPoint` job, the CLI and the tests run the same function), and the points'
 * results are summarised per (teacher, sigma, k) over seeds.
 */

/** One point of a sweep: its coordinates and the spec it runs. */
export interface SweepPoint {
  /** Index into the sweep's teachers (k-sweeps with several teachers), else 0. */
  teacher: number;
  /** Short name of the point's teacher, e.g. "T2", "bal(5)". */
  teacherLabel: string;
  k: number;
  sigma: number;
  seed: number;
  spec: ExtrapolationSpec;
}

/** What one run to its end gives (Sec. 2.5). */
export interface PointResult {
  /** E(k, H) at the final state (or at the last finite recorded state of a diverged run). */
  E: number;
  /** E of the all-zero response (the non-extrapolation reference line). */
  zeroLine: number;
  loss: number;
  loss0: number;
  /** Final loss <= 1e-2 L(0): runs that are not drawn hollow. */
  fitted: boolean;
  betaBC: number;
  alphaA: number;
  specRadius: number;
  effDim: number;
  steps: number;
  reason: StopReason;
}

/** Records are sparse in sweep runs: only the end matters (and a diverged run's last finite state). */
export const SWEEP_RECORD_EVERY = 500;
/** A run is "fitted" when its final loss is at most this fraction of L(0). */
export const FITTED_FRACTION = 1e-2;

export function teacherLabel(t: TeacherSpec): string {
  switch (t.kind) {
    case 'bal':
      return `bal(${t.dHat})`;
    case 'delay':
      return `delay(${t.dHat})`;
    case 'bidiag':
      return `bidiag(${t.dHat})`;
    case 'atoms':
      return `atoms(${t.lambda.length})`;
    case 'twin':
      return t.which;
    case 'gru':
      return `GRU(${t.hidden})`;
  }
}

/** The spec of one sweep point: the base spec at (teacher, k, sigma, seed), without ui, with sparse records. */
export function pointSpec(base: ExtrapolationSpec, at: { teacher?: TeacherSpec; k?: number; sigma?: number; seed?: number }): ExtrapolationSpec {
  const { ui: _ui, ...rest } = base;
  return {
    ...rest,
    seed: at.seed ?? base.seed,
    teacher: at.teacher ?? base.teacher,
    student: { ...base.student, sigma: at.sigma ?? base.student.sigma },
    training: { ...base.training, k: at.k ?? base.training.k },
    record: { ...base.record, every: Math.max(base.record.every, SWEEP_RECORD_EVERY) },
  };
}

/** Every point of a sweep (k-sweep: teacher, k, seed; sigma-sweep: sigma, k, seed; the last index fastest). */
export function sweepPoints(base: ExtrapolationSpec, sweep: SweepDef | undefined = base.ui?.sweep): SweepPoint[] {
  if (!sweep) return [];
  const out: SweepPoint[] = [];
  if (sweep.kind === 'k') {
    const teachers = sweep.teachers ?? [base.teacher];
    teachers.forEach((teacher, ti) => {
      for (const k of sweep.ks)
        for (const seed of sweep.seeds)
          out.push({ teacher: ti, teacherLabel: teacherLabel(teacher), k, sigma: base.student.sigma, seed, spec: pointSpec(base, { teacher, k, seed }) });
    });
  } else {
    const ks = sweep.ks ?? [base.training.k];
    for (const sigma of sweep.sigmas)
      for (const k of ks)
        for (const seed of sweep.seeds) out.push({ teacher: 0, teacherLabel: teacherLabel(base.teacher), k, sigma, seed, spec: pointSpec(base, { k, sigma, seed }) });
  }
  return out;
}

/** Runs one spec to its end (the shared run builder: the engine the worker and `npm run sim` run) and scores it. */
export function runPoint(spec: ExtrapolationSpec): PointResult {
  return runAndScore(spec).result;
}

function runAndScore(spec: ExtrapolationSpec): { result: PointResult; run: Run } {
  const run = buildRunFor({}, { buildProblem: buildExtrapolation }, spec);
  const loss0 = run.integrator.loss;
  const f = run.runToEnd();
  const m = f.metrics;
  let E = m.E;
  // a GRU run (Sec. 4.3) records only E and its batch loss: the linear RNN's metrics are NaN there
  let betaBC = m.betaBC ?? Number.NaN;
  let alphaA = m.alphaA ?? Number.NaN;
  let specRadius = m.specRadius ?? Number.NaN;
  let effDim = m.effDim ?? Number.NaN;
  if (!Number.isFinite(E)) {
    // A diverged run: its metrics at the last recorded state where E was still finite (Sec. 4.2).
    const all = run.recorder.all();
    const names = run.problem.metricNames;
    const col = (name: string, r: number) => all.metrics[r * names.length + names.indexOf(name)];
    for (let r = all.count - 1; r >= 0; r--) {
      if (Number.isFinite(col('E', r))) {
        [E, betaBC, alphaA, specRadius, effDim] = ['E', 'betaBC', 'alphaA', 'specRadius', 'effDim'].map((n) => col(n, r));
        break;
      }
    }
  }
  // the zero-solution line: of the teacher's impulse response, or of the GRU teacher's outputs on the test sequences
  const zeroLine = run.problem instanceof GruProblem ? run.problem.zeroLine() : zeroSolutionError(teacherImpulse(spec), spec.training.k, spec.eval.H);
  const result: PointResult = {
    E,
    zeroLine,
    loss: f.loss,
    loss0,
    fitted: f.loss <= FITTED_FRACTION * loss0,
    betaBC,
    alphaA,
    specRadius,
    effDim,
    steps: f.step,
    reason: f.stop.reason,
  };
  return { result, run };
}

/** The pool's job: one point spec (validated here: it arrives as plain data) to its end. */
export function sweepPoint(input: unknown): PointResult {
  const parsed = parseWith(extrapolationSpecSchema(), extrapolationCrossIssues, input);
  if (!parsed.ok) throw new Error(`sweepPoint: ${formatIssues(parsed.issues)}`);
  return runPoint(parsed.spec);
}

/** A run's result with its final impulse response h and the teacher's w over [0, H) (Figs 5 and 6). */
export function runWithResponse(spec: ExtrapolationSpec): PointResult & { h: number[]; w: number[] } {
  const param = spec.student.param;
  if (param === 'gru') throw new Error('a GRU has no impulse response (its mean response is in the run views)');
  const { result, run } = runAndScore(spec);
  const { H } = spec.eval;
  const h = impulseOf(param, spec.student.d, run.integrator.theta, H);
  return { ...result, h: Array.from(h), w: Array.from(teacherImpulse(spec).subarray(0, H)) };
}

export type SweepPointResult = Omit<SweepPoint, 'spec'> & { result: PointResult };

/** Mean and standard deviation (over seeds, population form) of E and beta_BC at each (teacher, sigma, k). */
export interface SweepSummaryRow {
  teacher: number;
  teacherLabel: string;
  sigma: number;
  k: number;
  n: number;
  meanE: number;
  stdE: number;
  minE: number;
  maxE: number;
  meanBetaBC: number;
  zeroLine: number;
  /** How many of the seeds' runs are fitted. */
  fitted: number;
}

export function summariseSweep(points: SweepPointResult[]): SweepSummaryRow[] {
  const groups = new Map<string, SweepPointResult[]>();
  for (const p of points) {
    const key = `${p.teacher}|${p.sigma}|${p.k}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((g) => {
    const Es = g.map((p) => p.result.E);
    const meanE = mean(Es);
    return {
      teacher: g[0].teacher,
      teacherLabel: g[0].teacherLabel,
      sigma: g[0].sigma,
      k: g[0].k,
      n: g.length,
      meanE,
      stdE: Math.sqrt(mean(Es.map((e) => (e - meanE) * (e - meanE)))),
      minE: Math.min(...Es),
      maxE: Math.max(...Es),
      meanBetaBC: mean(g.map((p) => p.result.betaBC)),
      zeroLine: g[0].result.zeroLine,
      fitted: g.filter((p) => p.result.fitted).length,
    };
  });
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Runs every point of a sweep in this thread (the CLI; the page sends the same point specs to the pool). */
export function runSweep(base: ExtrapolationSpec, sweep: SweepDef | undefined = base.ui?.sweep): { points: SweepPointResult[]; summary: SweepSummaryRow[] } {
  const points = sweepPoints(base, sweep).map(({ spec, ...at }) => ({ ...at, result: runPoint(spec) }));
  return { points, summary: summariseSweep(points) };
}

/** Least-squares slope of log10(y) against log10(x) (E-P9: beta_BC against the init scale). */
export function logLogSlope(xs: number[], ys: number[]): number {
  const lx = xs.map((x) => log10(x));
  const ly = ys.map((y) => log10(y));
  const mx = mean(lx);
  const my = mean(ly);
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) * (lx[i] - mx);
  }
  return num / den;
}
