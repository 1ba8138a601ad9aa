import { teacherImpulse } from '../build';
import { isMatrixStudent, type ExtrapolationSpec } from '../schema';

/**
 * A rough cost model of one run of the Extrapolation lab, for the time a sweep will take, shown before it runs
 * (measured in Node on the lab's machine; the browser's workers run the same code at about the same speed):
 *   diagonal students, Adam or GD: about 1.3 + 0.0035 k d microseconds per step (E-1A, k = 20: 60 ms a run);
 *   full and symmetric A: about 1 + 0.0045 (k d^2 + k^2 d) microseconds per step (E-1B, d = 50, k = 20: 4.8 s);
 *   a fresh batch of N sequences per step adds about 0.075 N k (the draws and the S e products);
 *   gradient flow (the implicit solver on diagonal students) about 0.0004 p^3 per step, p the parameter count;
 *   a GRU student (E-2 scaled) about 0.027 N k d^2 per step (d = 32, N = 100, k = 4: 11 ms on a loaded machine), plus
 *   the GRU error on 100 test sequences of length H at each record (about 0.06 H d^2 per record, spread over it);
 *   data that are all zero (w_j = 0 for j < k: E-1B at k <= 9, E-3B at k <= 4) about 3x: the student decays towards
 *   0 and its numbers become subnormal, which the processor computes slowly;
 * and every run to its step limit (presets run all their steps; flow usually stops well before). Measured on an idle
 * machine: a busy one is slower, so the page calls these estimates "about".
 */
const BROWSER = 1.3;
/** A message round trip and the chunk's bookkeeping, per run (ms); and a sweep's start (the pool's workers load), ms. */
const PER_RUN_MS = 8;
const PER_SWEEP_MS = 400;

/** Microseconds per optimiser step (or solver step, for gradient flow). */
export function stepMicros(spec: ExtrapolationSpec): number {
  const { d, param } = spec.student;
  const { k, loss, empirical } = spec.training;
  if (param === 'gru') return 0.027 * (empirical?.N ?? 100) * k * d * d + (60 * spec.eval.H * d * d) / 1000 / spec.record.every;
  let us = isMatrixStudent(param) ? 1 + 0.0045 * (k * d * d + k * k * d) : 1.3 + 0.0035 * k * d;
  if ((loss === 'empirical' || loss === 'empirical-acc') && empirical?.fresh) us += 0.075 * empirical.N * k;
  if (spec.optim.kind === 'flow') {
    const p = param === 'diag-tied' ? 2 * d : param === 'diag' ? 3 * d : param === 'sym' ? (d * (d + 1)) / 2 + 2 * d : d * d + 2 * d;
    us += 0.0004 * p * p * p;
  }
  return zeroData(spec) ? 3 * us : us;
}

/** Whether the teacher's w_0 .. w_(k-1) are all zero (the student only ever sees zeros). */
function zeroData(spec: ExtrapolationSpec): boolean {
  if (spec.teacher.kind === 'gru') return false;
  const w = teacherImpulse(spec);
  for (let j = 0; j < spec.training.k; j++) if (w[j] !== 0) return false;
  return true;
}

/** Estimated wall time of one run to its step limit, in ms. */
export function estimateRunMs(spec: ExtrapolationSpec): number {
  return (BROWSER * stepMicros(spec) * spec.stop.maxSteps) / 1000 + PER_RUN_MS;
}

/** Estimated wall time of many runs spread over `workers` workers (longest first, each to the least loaded). */
export function estimateManyMs(specs: readonly ExtrapolationSpec[], workers: number): number {
  const costs = specs.map(estimateRunMs).sort((a, b) => b - a);
  const load = new Array<number>(Math.max(1, workers)).fill(0);
  for (const c of costs) {
    let i = 0;
    for (let j = 1; j < load.length; j++) if (load[j] < load[i]) i = j;
    load[i] += c;
  }
  return PER_SWEEP_MS + Math.max(...load);
}

/** "0.4 s", "12 s", "3 min", "1.2 h": a duration to about two significant digits. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = ms / 1000;
  if (s < 10) return `${s < 1 ? s.toFixed(1) : s.toFixed(1).replace(/\.0$/, '')} s`;
  if (s < 90) return `${Math.round(s)} s`;
  const min = s / 60;
  if (min < 90) return `${min < 10 ? min.toFixed(1).replace(/\.0$/, '') : Math.round(min)} min`;
  return `${(min / 60).toFixed(1).replace(/\.0$/, '')} h`;
}

/**
 * Time left of runs in progress: the estimates of the runs not finished, spread over the workers, scaled by how the
 * finished runs' estimates compared with the time they took (between 0.5x and 4x; the estimate itself until a run
 * is in). Runs of a sweep grow dearer with k, so the finished runs' share of the count would undercount the rest.
 */
export function remainingMs(doneEstimateMs: number, leftEstimateMs: number, elapsedMs: number, workers: number): number {
  const w = Math.max(1, workers);
  if (!(doneEstimateMs > 0)) return leftEstimateMs / w;
  const scale = Math.min(4, Math.max(0.5, elapsedMs / (doneEstimateMs / w)));
  return (leftEstimateMs / w) * scale;
}
