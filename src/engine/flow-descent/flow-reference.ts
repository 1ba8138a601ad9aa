/**
 * The gradient flow as plain data: integrated once by Dopri5 to a horizon, with every accepted step's dense-output
 * coefficients (Hairer's CONTD5, as Dopri5.dense) kept in flat Float64Arrays, so theta(t) is available at any t
 * afterwards. Being structured-clonable, one reference is computed once and sent to every job of a step-size sweep
 * (docs/labs/flow-vs-descent.md Sec. 4 "Real GF reference", Sec. 7 item 9).
 */
import { Dopri5 } from '../core/integrators/ode/dopri5';
import type { Objective } from './objective';
import { flowSystem } from './tracking';

export interface FlowReference {
  /** Parameter count. */
  n: number;
  /** Time the flow reached: the horizon asked for, or less when the solver failed. */
  horizon: number;
  /** Number of accepted steps. */
  steps: number;
  /** Start time and length of each step (steps entries used). */
  tStart: Float64Array;
  h: Float64Array;
  /** Coefficients rcont1..rcont5 of each step, step-major: step s, coefficient c, index i at (5 s + c) n + i. */
  coef: Float64Array;
  /** The start theta(0). */
  theta0: Float64Array;
  /** Why the solver stopped before the horizon (reported, never skipped: Sec. 4), else null. */
  failure: string | null;
  nfev: number;
  rejected: number;
}

export interface FlowReferenceOptions {
  rtol: number;
  atol: number;
}

/** Integrates d theta/dt = -grad f from theta0 to the horizon, keeping every step's dense output. */
export function flowReference(obj: Objective, theta0: Float64Array, horizon: number, opts: FlowReferenceOptions): FlowReference {
  const n = obj.n;
  const solver = new Dopri5(flowSystem(obj, false), 0, theta0, { rtol: opts.rtol, atol: opts.atol });
  let cap = 256;
  let tStart = new Float64Array(cap);
  let h = new Float64Array(cap);
  let coef = new Float64Array(cap * 5 * n);
  let steps = 0;
  let failure: string | null = null;
  while (solver.t < horizon) {
    const out = solver.step(horizon);
    if (!out.ok) {
      failure = out.reason === 'non-finite' ? 'the flow produced a non-finite value' : `the ODE step size fell below 1e-14 t at t = ${solver.t}`;
      break;
    }
    if (solver.nreject > 1e5) {
      failure = `the ODE solver rejected 1e5 steps (t = ${solver.t})`;
      break;
    }
    if (steps === cap) {
      // Doubling keeps the copies O(total); the arrays are trimmed at the end.
      cap *= 2;
      tStart = grow(tStart, cap);
      h = grow(h, cap);
      coef = grow(coef, cap * 5 * n);
    }
    tStart[steps] = solver.lastStepStart;
    h[steps] = solver.hLast;
    solver.copyDense(coef, steps * 5 * n);
    steps++;
  }
  return {
    n,
    horizon: failure ? solver.t : horizon,
    steps,
    tStart: tStart.slice(0, steps),
    h: h.slice(0, steps),
    coef: coef.slice(0, steps * 5 * n),
    theta0: Float64Array.from(theta0),
    failure,
    nfev: solver.nfev,
    rejected: solver.nreject,
  };
}

function grow(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/**
 * Index of the step holding t: the last step starting at or before t (binary search). hint, a step index from an
 * earlier call with a smaller t, is checked first so a monotone sweep over t costs O(1) per call.
 */
export function referenceStep(ref: FlowReference, t: number, hint = 0): number {
  const { tStart, steps } = ref;
  if (steps === 0) return -1;
  if (hint >= 0 && hint < steps && tStart[hint] <= t) {
    if (hint + 1 === steps || tStart[hint + 1] > t) return hint;
    if (hint + 2 === steps || tStart[hint + 2] > t) return hint + 1;
  }
  let lo = 0;
  let hi = steps - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tStart[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * theta(t) into out (0 <= t <= horizon; 4th-order dense output, continuous across steps). Returns the step used, to
 * pass back as the next call's hint.
 */
export function referenceAt(ref: FlowReference, t: number, out: Float64Array, hint = 0): number {
  const s = referenceStep(ref, t, hint);
  const n = ref.n;
  if (s < 0) {
    out.set(ref.theta0);
    return 0;
  }
  if (!(t >= -1e-12 * ref.h[0] && t <= ref.tStart[s] + ref.h[s] * (1 + 1e-12))) {
    throw new RangeError(`flow reference at t = ${t} outside [0, ${ref.horizon}]`);
  }
  const th = Math.max(0, (t - ref.tStart[s]) / ref.h[s]);
  const th1 = 1 - th;
  const c = ref.coef;
  const o = s * 5 * n;
  for (let i = 0; i < n; i++) {
    const r1 = c[o + i];
    const r2 = c[o + n + i];
    const r3 = c[o + 2 * n + i];
    const r4 = c[o + 3 * n + i];
    const r5 = c[o + 4 * n + i];
    out[i] = r1 + th * (r2 + th1 * (r3 + th * (r4 + th1 * r5)));
  }
  return s;
}
