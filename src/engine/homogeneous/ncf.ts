/**
 * The Neural Correlation Function of paper 003 (Eqs. 3-5): N(u) = ytilde^T H(X; u), its KKT points on the unit
 * sphere, the direction its flow converges to from w0, the blow-up time of that flow, and the escape-time
 * predictions built on them (docs/labs/saddles.md Sec. 4.3).
 */
import { Dopri5 } from '../core/integrators/ode';
import type { HomogeneousModel } from './types';
import { exp, log, pow } from '../core/det-math';

function norm(w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * w[i];
  return Math.sqrt(s);
}

function unit(w: ArrayLike<number>): Float64Array {
  const u = Float64Array.from(w);
  const r = norm(u);
  if (r > 0) for (let i = 0; i < u.length; i++) u[i] /= r;
  return u;
}

export function ncfValue(model: HomogeneousModel, u: Float64Array): number {
  return model.ncfGrad(u, new Float64Array(model.n));
}

/** ||grad N(u) - Lh N(u) u|| at the unit vector along w (zero exactly at KKT points). */
export function kktResidual(model: HomogeneousModel, w: Float64Array, scratch: Float64Array = new Float64Array(model.n)): { N: number; residual: number } {
  const u = unit(w);
  const N = model.ncfGrad(u, scratch);
  let s = 0;
  for (let i = 0; i < u.length; i++) {
    const e = scratch[i] - model.Lh * N * u[i];
    s += e * e;
  }
  return { N, residual: Math.sqrt(s) };
}

export interface PgaResult {
  u: Float64Array;
  N: number;
  residual: number;
  steps: number;
  converged: boolean;
}

/** Projected gradient ascent on the sphere, u <- normalise(u + step grad N(u)) (the authors' warm start). */
export function projectedGradientAscent(model: HomogeneousModel, u0: Float64Array, step: number, maxSteps: number, tol = 1e-10): PgaResult {
  const u = unit(u0);
  const g = new Float64Array(model.n);
  let k = 0;
  let res = kktResidual(model, u, g);
  for (; k < maxSteps && res.residual >= tol; k++) {
    model.ncfGrad(u, g);
    for (let i = 0; i < u.length; i++) u[i] += step * g[i];
    const r = norm(u);
    for (let i = 0; i < u.length; i++) u[i] /= r;
    if ((k & 15) === 15 || k === maxSteps - 1) res = kktResidual(model, u, g);
  }
  res = kktResidual(model, u, g);
  return { u, N: res.N, residual: res.residual, steps: k, converged: res.residual < tol };
}

export interface NcfLimit {
  /** Unit KKT direction the NCF flow from u0 converges to (w*). */
  u: Float64Array;
  /** N(w*). */
  N: number;
  residual: number;
  converged: boolean;
  /** Lh > 2: blow-up time of the NCF flow from the unit u0; NaN for Lh = 2. */
  Tblow: number;
  /** Lh = 2: c(u0) = lim exp(2 int (N(uh) - N*)); NaN for Lh > 2. */
  c: number;
  steps: number;
}

/**
 * The direction-only NCF flow in the time tau of docs/labs/saddles.md Sec. 4.3,
 *   duh/dtau = grad N(uh) - Lh N(uh) uh,  drho/dtau = -Lh(Lh-2) N(uh) rho,  dt/dtau = rho,
 * integrated by DOPRI5 until the KKT residual is below tol (and rho < 1e-14 when Lh > 2). For Lh = 2, rho = 1
 * and t = tau; the extra state I = int N(uh) dtau gives c(u0).
 */
export function ncfFlowLimit(model: HomogeneousModel, u0: Float64Array, opts: { tol?: number; maxSteps?: number; rtol?: number; patience?: number } = {}): NcfLimit {
  const n = model.n;
  const Lh = model.Lh;
  const tol = opts.tol ?? 1e-10;
  const maxSteps = opts.maxSteps ?? 50_000;
  const uh = new Float64Array(n);
  const g = new Float64Array(n);
  const sys = {
    n: n + 3,
    f(_t: number, y: Float64Array, dy: Float64Array) {
      let s = 0;
      for (let i = 0; i < n; i++) s += y[i] * y[i];
      const r = Math.sqrt(s);
      for (let i = 0; i < n; i++) uh[i] = y[i] / r;
      const N = model.ncfGrad(uh, g);
      for (let i = 0; i < n; i++) dy[i] = g[i] - Lh * N * uh[i];
      const rho = y[n];
      dy[n] = -Lh * (Lh - 2) * N * rho;
      dy[n + 1] = rho;
      dy[n + 2] = N;
    },
  };
  const y0 = new Float64Array(n + 3);
  y0.set(unit(u0));
  y0[n] = 1;
  const stepper = new Dopri5(sys, 0, y0, { rtol: opts.rtol ?? 1e-11, atol: 1e-15 });
  let steps = 0;
  let res = kktResidual(model, stepper.y.subarray(0, n), g);
  const done = () => res.residual < tol && (Lh === 2 || stepper.y[n] < 1e-14 || res.N <= 0);
  // Optionally give up when the residual stalls: it has not fallen by 10 % in `patience` steps. Not for smooth
  // models (their residual can plateau while neurons race, then fall); for ReLU-type activations (outside the theorems) the flow crosses kinks, the residual stays
  // O(1e-2) and DOPRI5 crawls, which without this would hold up a run's start for minutes.
  const patience = opts.patience ?? Infinity;
  let best = res.residual;
  let bestAt = 0;
  while (steps < maxSteps && !done()) {
    const out = stepper.step(Infinity);
    if (!out.ok) break;
    steps++;
    res = kktResidual(model, stepper.y.subarray(0, n), g);
    if (res.residual < 0.9 * best) {
      best = res.residual;
      bestAt = steps;
    } else if (res.residual >= tol && steps - bestAt > patience) break;
  }
  const y = stepper.y;
  const u = unit(y.subarray(0, n));
  const N = res.N;
  let Tblow = NaN;
  let c = NaN;
  if (Lh > 2 && N > 0) Tblow = y[n + 1] + y[n] / (Lh * (Lh - 2) * N);
  if (Lh === 2) c = exp(2 * (y[n + 2] - N * stepper.t));
  return { u, N, residual: res.residual, converged: done(), Tblow, c, steps };
}

/**
 * Which units (hidden neurons or coordinates) are active in a unit vector u: in + out energy at least
 * thr of the total (docs/labs/saddles.md Sec. 2.5).
 */
export function activeUnits(model: HomogeneousModel, u: Float64Array, thr = 1e-8): boolean[] {
  const total = pow(norm(u), 2);
  return model.units.map((un) => {
    let e = 0;
    for (const k of un.inIdx) e += u[k] * u[k];
    for (const k of un.outIdx) e += u[k] * u[k];
    return e >= thr * total;
  });
}

export interface EscapePrediction {
  /** From delta w*: ln(1/delta)/(2N*) (Lh = 2) or 1/(Lh(Lh-2) N* delta^(Lh-2)). */
  fromWstar: number;
  /** From delta w0: ln(1/(c delta))/(2N*) (Lh = 2) or T_blow(w0)/delta^(Lh-2). */
  fromW0: number;
}

/** Escape-time predictors of docs/labs/saddles.md Sec. 4.3 (flow time; GD iterations = t/eta). NaN when N* <= 0. */
export function predictEscape(Lh: number, Nstar: number, delta: number, Tblow: number, c: number): EscapePrediction {
  if (!(Nstar > 0)) return { fromWstar: NaN, fromW0: NaN };
  if (Lh === 2) return { fromWstar: log(1 / delta) / (2 * Nstar), fromW0: log(1 / (c * delta)) / (2 * Nstar) };
  return { fromWstar: 1 / (Lh * (Lh - 2) * Nstar * pow(delta, Lh - 2)), fromW0: Tblow / pow(delta, Lh - 2) };
}

/** The theoretical escape law drawn in the sweep: t(delta) from w* (docs/labs/saddles.md Sec. 4.3). */
export function escapeLaw(Lh: number, Nstar: number, delta: number): number {
  return predictEscape(Lh, Nstar, delta, NaN, NaN).fromWstar;
}
