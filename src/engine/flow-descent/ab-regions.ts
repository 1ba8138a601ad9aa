import { cos, exp, log, pow, sin } from '../core/det-math';
import type { AbParams } from './ab';

/**
 * Region-wise closed forms for GF and GD on App. B's objective (docs/labs/flow-vs-descent.md Sec. 6.1; Lemmas 68-75
 * of the paper), the exact references for the FD-AB preset. GF starts with q1(0) in (0, zc) and q2(0) in the
 * anisotropic piece (z0, 1 - rho), z0 = rho/2 - 1.
 */

/** Deterministic arctangent (only +, -, *, /, Math.sqrt): halve the angle until |x| <= 1/8, then Taylor. */
export function detAtan(x: number): number {
  if (x < 0) return -detAtan(-x);
  if (x > 1) return Math.PI / 2 - detAtan(1 / x);
  let k = 0;
  while (x > 0.125) {
    x = x / (1 + Math.sqrt(1 + x * x));
    k++;
  }
  // atan x = x - x^3/3 + x^5/5 - ...; |x| <= 1/8 makes the x^25 term below 1e-24.
  const x2 = x * x;
  let p = 0;
  for (let m = 23; m >= 1; m -= 2) p = 1 / m - x2 * p;
  return x * p * (1 << k);
}

/** GF in q1 on (0, zc): q1(0) e^{a t}. */
export function abFlowQ1(q10: number, a: number, t: number): number {
  return q10 * exp(a * t);
}

/** GD in q1 on (0, zc): q1_0 (1 + a eta)^k. */
export function abGdQ1(q10: number, a: number, eta: number, k: number): number {
  return q10 * pow(1 + a * eta, k);
}

/** GF in q2 on the anisotropic piece: (q2(0) - z0) e^{a t/2} + z0 (Lemma 70). */
export function abFlowQ2Anisotropic(q20: number, a: number, rho: number, t: number): number {
  const z0 = rho / 2 - 1;
  return (q20 - z0) * exp((a * t) / 2) + z0;
}

/** GD in q2 on the anisotropic piece: (q2_0 - z0)(1 + a eta/2)^k + z0 (Lemma 72). */
export function abGdQ2Anisotropic(q20: number, a: number, rho: number, eta: number, k: number): number {
  const z0 = rho / 2 - 1;
  return (q20 - z0) * pow(1 + (a * eta) / 2, k) + z0;
}

/** GF in q3: q3(0) e^{-12 a t}. */
export function abFlowQ3(q30: number, a: number, t: number): number {
  return q30 * exp(-12 * a * t);
}

/** GD in q3: (1 - 12 a eta)^k q3(0); diverges iff eta > 1/(6a). */
export function abGdQ3(q30: number, a: number, eta: number, k: number): number {
  return q30 * pow(1 - 12 * a * eta, k);
}

/** t_{1-rho} = (2/a) ln((4 - 3 rho)/(2 q2(0) + 2 - rho)): GF's exit from the anisotropic piece (Lemma 70). */
export function abExitTime(q20: number, a: number, rho: number): number {
  return (2 / a) * log((4 - 3 * rho) / (2 * q20 + 2 - rho));
}

/** k_{1-rho} = ceil((ln(2 - 3 rho/2) - ln(q2_0 + 1 - rho/2)) / ln(1 + a eta/2)): GD's exit index (Lemma 72). */
export function abExitIndex(q20: number, a: number, rho: number, eta: number): number {
  return Math.ceil((log(2 - (3 * rho) / 2) - log(q20 + 1 - rho / 2)) / log(1 + (a * eta) / 2));
}

/** Lemma 75 (i): t_{1-rho} + ln((4+rho)/(4-3rho))/a <= t1 <= t_{1-rho} + ln(1/(1-rho))/a. */
export function abT1Bracket(q20: number, a: number, rho: number): { lo: number; hi: number } {
  const t = abExitTime(q20, a, rho);
  return { lo: t + log((4 + rho) / (4 - 3 * rho)) / a, hi: t + log(1 / (1 - rho)) / a };
}

/**
 * On the transition piece [1 - rho, 1] GF solves dq2/dt = a q2 + (a/(4 rho))(q2 - 1)^2 (Eq. 80)
 * = (a/(4 rho))((q2 - c)^2 + w^2), c = 1 - 2 rho, w = 2 sqrt(rho (1 - rho)): a tangent. Its duration from
 * q2 = 1 - rho to q2 = 1 is (4 rho/(a w)) (atan(2 rho/w) - atan(rho/w)), independent of the start.
 */
export function abTransitionDuration(a: number, rho: number): number {
  const w = 2 * Math.sqrt(rho * (1 - rho));
  // atan x - atan y = atan((x - y)/(1 + x y)) for x, y > 0.
  const x = (2 * rho) / w;
  const y = rho / w;
  return ((4 * rho) / (a * w)) * detAtan((x - y) / (1 + x * y));
}

/** t1, the exact time GF's q2 reaches 1 (Def. 74). */
export function abT1(q20: number, a: number, rho: number): number {
  return abExitTime(q20, a, rho) + abTransitionDuration(a, rho);
}

/**
 * GF in q2 for all t while q2 < zb: anisotropic, then transition (tangent), then isotropic e^{a (t - t1)}.
 * NaN once q2 would pass zb (the quartic tail has no closed form).
 */
export function abFlowQ2(q20: number, p: AbParams, t: number): number {
  const { a, zb, rho } = p;
  const te = abExitTime(q20, a, rho);
  if (t <= te) return abFlowQ2Anisotropic(q20, a, rho, t);
  const t1 = te + abTransitionDuration(a, rho);
  if (t < t1) {
    const c = 1 - 2 * rho;
    const w = 2 * Math.sqrt(rho * (1 - rho));
    const ang = (a * w * (t - te)) / (4 * rho) + detAtan(rho / w);
    return c + (w * sin(ang)) / cos(ang);
  }
  const q = exp(a * (t - t1));
  return q < zb ? q : NaN;
}

/** The full GF point (q1, q2, q3) at time t, valid while q1 < zc and q2 < zb (NaN beyond). */
export function abFlowPoint(q0: ArrayLike<number>, p: AbParams, t: number, out: Float64Array = new Float64Array(3)): Float64Array {
  const q1 = abFlowQ1(q0[0], p.a, t);
  out[0] = q1 < p.zc ? q1 : NaN;
  out[1] = abFlowQ2(q0[1], p, t);
  out[2] = abFlowQ3(q0[2], p.a, t);
  return out;
}
