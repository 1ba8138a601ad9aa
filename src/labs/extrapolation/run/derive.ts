import type { RunStatus, StopState } from '../../../engine/core/run';
import { zeroSolutionError } from '../../../engine/linear-rnn/metrics';
import type { SeriesBuffers } from '../../../state/series';
import type { ExtrapolationSpec } from '../schema';
import { FITTED_FRACTION } from '../sweeps';

/**
 * What the Run page derives from an arm's streamed run (pure; no React): the status in words, the x-axis of the time
 * plots, the entries drawn as trajectories, the symlog transform of the impulse plot and the moments.
 */

/** The time plots' axis: the step for GD and Adam; flow time t once either arm is gradient flow (GD's t = sum of its steps). */
export type TimeAxis = 'step' | 't';

export function timeAxisOf(specs: (ExtrapolationSpec | null | undefined)[]): TimeAxis {
  return specs.some((s) => s?.optim.kind === 'flow') ? 't' : 'step';
}

/** The value of a metric at the last recorded row where it is finite (a diverged run's last finite state), and that row. */
export function lastFinite(b: SeriesBuffers, name: string): { value: number; row: number } | null {
  if (!b.metricNames.includes(name)) return null;
  const col = b.metric(name);
  for (let r = b.count - 1; r >= 0; r--) if (Number.isFinite(col[r])) return { value: col[r], row: r };
  return null;
}

/** An arm's standing, as the status line says it. */
export interface ArmSummary {
  steps: number;
  /** Current (or final) training loss, and the loss at the start. */
  loss: number;
  loss0: number;
  /** Final loss <= 1e-2 L(0) (Sec. 2.5); null while the run goes on. */
  fitted: boolean | null;
  /** E(k, H) at the final state, or at the latest record (the last finite one once the run has diverged). */
  E: number;
  /** The step E was read at (it lags the live step by up to record.every). */
  eStep: number;
  /** E of the all-zero response: a run above it does not extrapolate. */
  zeroLine: number;
  done: boolean;
  stop: StopState | null;
}

export function armSummary(spec: ExtrapolationSpec, b: SeriesBuffers | null, status: RunStatus | null, finalE: number | null, w: Float64Array | undefined): ArmSummary | null {
  if (!status) return null;
  const loss0 = b && b.count > 0 ? b.loss[0] : NaN;
  const last = b ? lastFinite(b, 'E') : null;
  const finite = finalE !== null && Number.isFinite(finalE);
  const E = finite ? finalE : (last?.value ?? NaN);
  const eStep = finite ? status.steps : last && b ? b.step[last.row] : 0;
  return {
    steps: status.steps,
    loss: status.loss,
    loss0,
    fitted: status.done ? status.loss <= FITTED_FRACTION * loss0 : null,
    E,
    eStep,
    zeroLine: w ? zeroSolutionError(w, spec.training.k, spec.eval.H) : NaN,
    done: status.done,
    stop: status.stop,
  };
}

/**
 * Indices into theta of the entries drawn as trajectories, with their names: a_i (diagonal students) or the diagonal
 * A_ii of a full or symmetric A (its upper triangle, row-major, for sym).
 */
export function entryIndices(spec: ExtrapolationSpec): { index: number; name: string }[] {
  const { param, d } = spec.student;
  return Array.from({ length: d }, (_, i) => {
    if (param === 'full') return { index: i * d + i, name: `A${sub(i)},${sub(i)}` };
    if (param === 'sym') return { index: i * d - (i * (i - 1)) / 2, name: `A${sub(i)},${sub(i)}` };
    return { index: i, name: `a${sub(i)}` };
  });
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** i written as subscript digits (a₁₂). */
export const sub = (i: number) => String(i).replace(/\d/g, (c) => SUBSCRIPTS[Number(c)]);

/** The entries with the largest weight at the end (|p_i| for diagonal students, |A_ii| otherwise): drawn in colour. */
export function leadingEntries(spec: ExtrapolationSpec, b: SeriesBuffers, count: number): number[] {
  const entries = entryIndices(spec);
  const last = b.count - 1;
  if (last < 0) return [];
  const { param, d } = spec.student;
  const at = (k: number) => b.params[k]?.[last] ?? 0;
  const weight = (i: number) => {
    if (param === 'diag-tied') return at(d + i) ** 2;
    if (param === 'diag') return Math.abs(at(d + i) * at(2 * d + i));
    return Math.abs(at(entries[i].index));
  };
  const w = entries.map((_, i) => ({ i, v: weight(i) }));
  w.sort((p, q) => (Number.isFinite(q.v) ? q.v : -1) - (Number.isFinite(p.v) ? p.v : -1));
  return w.slice(0, count).map((x) => x.i);
}

/**
 * Points per entry of the grey background lines: 400 for a few entries, fewer for many, about 6,000 in all. Stroking
 * 44 entries x 400 points took 50-100 ms a frame on a software canvas (E-1B); these thin lines need no more.
 */
export const entryPoints = (entries: number) => Math.max(60, Math.min(400, Math.floor(6000 / Math.max(1, entries))));

/**
 * The other entries as one polyline broken by NaN (one legend entry for them all), each thinned to at most `perEntry`
 * points (the last row always kept), each entry followed by a NaN break.
 */
export function joinedTrajectories(x: Float64Array, cols: Float64Array[], count: number, perEntry = entryPoints(cols.length)): { x: Float64Array; y: Float64Array } {
  const stride = Math.max(1, Math.ceil(count / perEntry));
  const room = cols.length * (Math.ceil(count / stride) + 2);
  const X = new Float64Array(room);
  const Y = new Float64Array(room);
  let o = 0;
  for (const col of cols) {
    for (let r = 0; r < count; r += stride) {
      X[o] = x[r];
      Y[o++] = col[r];
    }
    if ((count - 1) % stride !== 0) {
      X[o] = x[count - 1];
      Y[o++] = col[count - 1];
    }
    X[o] = NaN;
    Y[o++] = NaN;
  }
  return { x: X.subarray(0, o), y: Y.subarray(0, o) };
}

/**
 * The symlog axis of the impulse plot: linear within (-c, c), logarithmic beyond, one unit per decade, so that the
 * integer ticks sit at 0, c, 10c, 100c, ... (c a power of ten). y' = y / c inside, sign(y) (1 + log10(|y| / c)) outside.
 */
export function symlog(c: number) {
  const fwd = (y: number) => {
    const a = Math.abs(y);
    if (!Number.isFinite(y)) return y;
    return a < c ? y / c : Math.sign(y) * (1 + Math.log10(a / c));
  };
  const inv = (v: number) => {
    const a = Math.abs(v);
    return a < 1 ? v * c : Math.sign(v) * c * 10 ** (a - 1);
  };
  return { fwd, inv };
}

/** The linear threshold c of the symlog axis: a power of ten 4 decades below the teacher's largest |w_j|. */
export function symlogThreshold(w: ArrayLike<number>): number {
  let m = 0;
  for (let j = 0; j < w.length; j++) if (Number.isFinite(w[j])) m = Math.max(m, Math.abs(w[j]));
  return m > 0 ? Number(`1e${Math.floor(Math.log10(m)) - 4}`) : 1e-4;
}

/** m_j = h_j / h_0 (j < H): the moments of the measure sum_i p_i delta(a_i) / h_0 of a balanced diagonal student; null when h_0 = 0. */
export function momentsOf(h: ArrayLike<number>): Float64Array | null {
  const h0 = h[0];
  if (!(Math.abs(h0) > 0) || !Number.isFinite(h0)) return null;
  return Float64Array.from({ length: h.length }, (_, j) => h[j] / h0);
}

/** 0, 1, ..., n - 1 as an x-axis. */
export const indexAxis = (n: number, from = 0) => Float64Array.from({ length: n }, (_, i) => i + from);

/** The steps (or flow times) at which MultiStepLR multiplies Adam's learning rate by gamma, within the run's horizon. */
export function lrDrops(spec: ExtrapolationSpec, axis: TimeAxis): { at: number; label: string }[] {
  const o = spec.optim;
  if (o.kind !== 'adam' || !o.milestones || o.gamma === undefined) return [];
  let lr = o.lr;
  const out: { at: number; label: string }[] = [];
  let t = 0;
  let prev = 0;
  for (const m of o.milestones) {
    if (m > spec.stop.maxSteps) break;
    t += (m - prev) * lr;
    prev = m;
    lr *= o.gamma;
    out.push({ at: axis === 'step' ? m : t, label: `lr × ${o.gamma}` });
  }
  return out;
}

/** The teacher's name in words (the status line and captions). */
export function teacherWords(spec: ExtrapolationSpec): string {
  const t = spec.teacher;
  switch (t.kind) {
    case 'bal':
      return `bal(s = ${spec.seed}, d̂ = ${t.dHat})`;
    case 'delay':
      return `delay line d̂ = ${t.dHat}`;
    case 'bidiag':
      return `bidiagonal d̂ = ${t.dHat}`;
    case 'atoms':
      return `${t.lambda.length} atom${t.lambda.length === 1 ? '' : 's'}`;
    case 'twin':
      return `twin ${t.which}`;
    case 'gru':
      return `GRU teacher (${t.hidden} hidden units)`;
  }
}
