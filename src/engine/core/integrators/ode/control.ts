/**
 * Pieces shared by the adaptive steppers: the error norm, the smallest allowed step, Hairer's starting
 * step heuristic, argument checks and the (preallocated) step outcomes.
 */
import type { OdeOptions, OdeSystem, StepOutcome } from './types';
import { pow } from '../../det-math';

// Outcomes are shared frozen objects so that step() never allocates.
export const OK: StepOutcome = Object.freeze({ ok: true });
export const TOO_SMALL: StepOutcome = Object.freeze({ ok: false, reason: 'step-too-small' });
export const NON_FINITE: StepOutcome = Object.freeze({ ok: false, reason: 'non-finite' });

/** Consecutive NaN/Inf attempts (each halving h) before a step gives up with 'non-finite'. */
export const MAX_NON_FINITE_RETRIES = 20;

/**
 * Steps shorter than this are refused ('step-too-small'): 4 ulps of t, below which t + h cannot resolve the
 * step. (Flows that blow up at t ~ 1e12 legitimately take O(0.01) steps there, so a looser bound is wrong.)
 * The 1e-300 floor only guarantees termination near t = 0.
 */
export function minStep(t: number): number {
  return Math.max(4 * Number.EPSILON * Math.abs(t), 1e-300);
}

/**
 * Hairer's weighted RMS norm: sqrt(mean((err_i / (atol + rtol * max(|y0_i|, |y1_i|)))^2)).
 * Returns NaN when err or y1 holds NaN/Inf, so the caller can tell "blew up" from "too inaccurate".
 */
export function errorNorm(err: Float64Array, y0: Float64Array, y1: Float64Array, rtol: number, atol: number): number {
  const n = err.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = err[i];
    const yi = y1[i];
    if (!Number.isFinite(e) || !Number.isFinite(yi)) return NaN;
    const sk = atol + rtol * Math.max(Math.abs(y0[i]), Math.abs(yi));
    const r = e / sk;
    sum += r * r;
  }
  return Math.sqrt(sum / n);
}

/** True when every entry is finite. */
export function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/**
 * Hairer's starting step (HINIT in DOPRI5), with RMS instead of plain sums: a first guess from |y|/|f|,
 * then one explicit Euler probe to estimate the second derivative, h ~ (0.01 / max(|f'|, |f|))^(1/order).
 * Costs one evaluation of f (the caller counts it). y1 and f1 are scratch arrays of length n.
 */
export function initialStep(sys: OdeSystem, t0: number, y0: Float64Array, f0: Float64Array, order: number, opts: OdeOptions, y1: Float64Array, f1: Float64Array): number {
  const n = y0.length;
  const hmax = opts.hmax ?? Infinity;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = opts.atol + opts.rtol * Math.abs(y0[i]);
    dnf += pow(f0[i] / sk, 2);
    dny += pow(y0[i] / sk, 2);
  }
  dnf /= n;
  dny /= n;
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, hmax);
  for (let i = 0; i < n; i++) y1[i] = y0[i] + h * f0[i];
  sys.f(t0 + h, y1, f1);
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = opts.atol + opts.rtol * Math.abs(y0[i]);
    der2 += pow((f1[i] - f0[i]) / sk, 2);
  }
  der2 = Math.sqrt(der2 / n) / h;
  // A probe that lands in NaN territory says nothing about curvature: keep the first guess and let the
  // stepper's own NaN handling shrink it.
  if (!Number.isFinite(der2)) return h;
  const der12 = Math.max(der2, Math.sqrt(dnf));
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : pow(0.01 / der12, 1 / order);
  return Math.min(100 * h, h1, hmax);
}

/** Argument checks shared by the constructors; throws on misuse rather than failing mid-run. */
export function checkSetup(sys: OdeSystem, t0: number, y0: ArrayLike<number>, opts: OdeOptions): void {
  if (!Number.isInteger(sys.n) || sys.n < 1) throw new RangeError(`ODE dimension must be a positive integer, got ${sys.n}`);
  if (y0.length !== sys.n) throw new RangeError(`y0 has length ${y0.length}, expected ${sys.n}`);
  if (!Number.isFinite(t0)) throw new RangeError(`t0 must be finite, got ${t0}`);
  if (!(opts.rtol > 0) || !(opts.atol >= 0)) {
    throw new RangeError(`need rtol > 0 and atol >= 0, got rtol=${opts.rtol}, atol=${opts.atol}`);
  }
  if (opts.h0 !== undefined && !(opts.h0 > 0)) throw new RangeError(`h0 must be > 0, got ${opts.h0}`);
  if (opts.hmax !== undefined && !(opts.hmax > 0)) throw new RangeError(`hmax must be > 0, got ${opts.hmax}`);
}

/** The step() contract is forward-only; asking for a target at or before t is a caller bug. */
export function checkTarget(t: number, tMax: number): void {
  if (!(tMax > t)) throw new RangeError(`step(tMax) needs tMax > t (t=${t}, tMax=${tMax})`);
}
