import { exp, log, pow } from '../core/det-math';
import { balancedRank1 } from './init';

/**
 * Exact GF reference for deep linear nets with d_n = 1 and ||Lam|| = 1 from a Procedure-13 (balanced rank-1) start
 * (docs/labs/flow-vs-descent.md Sec. 3.1, Sec. 5 proof sketch): the end-to-end row w = W_{n:1} stays in the plane
 * span(Lam, w(0)) and is described by r = ||w|| and nu = cos(w, Lam):
 *   dr/dt = n r^(2-2/n) (nu - r),  dnu/dt = r^(1-2/n) (1 - nu^2),  f - min f = (r^2 - 2 r nu + 1)/2,
 * with the n = 2 closed form below; the full weights follow from (r, nu) by the rank-1 map. Near convergence pass
 * sin = sqrt(1 - nu^2) explicitly (or use the plane coordinates (q, p)): 1 - nu falls below double resolution.
 */

/** Right-hand side of the (r, nu) ODE; writes (dr/dt, dnu/dt) into out. */
export function rNuRhs(n: number, r: number, nu: number, out: Float64Array): Float64Array {
  out[0] = n * pow(r, 2 - 2 / n) * (nu - r);
  out[1] = pow(r, 1 - 2 / n) * (1 - nu * nu);
  return out;
}

/** f - min f = 1/2 ||w - Lam||^2 = (r^2 - 2 r nu + 1)/2 for ||Lam|| = 1, as ((r-1)^2 + 2 r (1 - nu))/2 (no cancellation near r = nu = 1). */
export function rNuLoss(r: number, nu: number): number {
  return ((r - 1) * (r - 1) + 2 * r * (1 - nu)) / 2;
}

/**
 * The same flow in plane coordinates w = q l + p u (q = r nu, p = r sqrt(1 - nu^2) >= 0), which stay accurate when
 * 1 - nu drops below the resolution of doubles near 1 (f - min f ~ 1e-16 at t = 20 on DLN-3):
 * with r^2 = q^2 + p^2 and w^T (w - l) = r^2 - q,
 *   dq/dt = -(r^(2-2/n) (q - 1) + (n-1) r^(-2/n) q (r^2 - q)),  dp/dt = -(r^(2-2/n) + (n-1) r^(-2/n) (r^2 - q)) p.
 */
export function planeRhs(n: number, q: number, p: number, out: Float64Array): Float64Array {
  const r2 = q * q + p * p;
  const a = pow(r2, 1 - 1 / n);
  const b = (n - 1) * pow(r2, -1 / n) * (r2 - q);
  out[0] = -(a * (q - 1) + b * q);
  out[1] = -(a + b) * p;
  return out;
}

/** f - min f = ((q - 1)^2 + p^2)/2 in plane coordinates. */
export function planeLoss(q: number, p: number): number {
  return ((q - 1) * (q - 1) + p * p) / 2;
}

/**
 * n = 2 in closed form: nu(t) = tanh(t + c), c = artanh(nu0), and 1/r solves the linear ODE (1/r)' = 2 - 2 nu/r, so
 * r(t) = cosh^2(t+c) / (cosh^2(c)/r0 + t + (sinh(2t+2c) - sinh(2c))/2). Written with sech^2 and tanh so nothing
 * overflows for large t: 1/r = (cosh^2(c)/r0 + t - sinh(2c)/2) sech^2(t+c) + tanh(t+c). nu0 = 1 is the logistic
 * limit r = 1/((1/r0 - 1) e^{-2t} + 1). Needs r0 > 0 and nu0 > -1.
 */
export function rNuClosedFormN2(r0: number, nu0: number, t: number): { r: number; nu: number; sin: number } {
  if (nu0 >= 1) return { r: 1 / ((1 / r0 - 1) * exp(-2 * t) + 1), nu: 1, sin: 0 };
  const c = 0.5 * log((1 + nu0) / (1 - nu0));
  const x = t + c;
  const ex = exp(-2 * Math.abs(x));
  // tanh and sech^2 of x from e^{-2|x|} (no overflow); cosh^2 c and sinh 2c are finite for |nu0| < 1.
  const th = (x >= 0 ? 1 : -1) * ((1 - ex) / (1 + ex));
  const sech2 = (4 * ex) / ((1 + ex) * (1 + ex));
  const cosh2c = 1 / (1 - nu0 * nu0);
  const sinh2c = (2 * nu0) / (1 - nu0 * nu0);
  // sin = sqrt(1 - nu^2) = sech(x), accurate where 1 - nu is below double resolution.
  return { r: 1 / ((cosh2c / r0 + t - sinh2c / 2) * sech2 + th), nu: th, sin: Math.sqrt(sech2) };
}

/** The GF plane: l = Lam/||Lam||, u = unit part of w0 orthogonal to l (zero if w0 is parallel), r0 = ||w0||, nu0. */
export interface RankOnePlane {
  l: Float64Array;
  u: Float64Array;
  r0: number;
  nu0: number;
}

export function rankOnePlane(lam: ArrayLike<number>, w0: ArrayLike<number>): RankOnePlane {
  const d = lam.length;
  let ll = 0;
  let r2 = 0;
  for (let i = 0; i < d; i++) {
    ll += lam[i] * lam[i];
    r2 += w0[i] * w0[i];
  }
  const l = Float64Array.from(lam, (x) => x / Math.sqrt(ll));
  const r0 = Math.sqrt(r2);
  let ip = 0;
  for (let i = 0; i < d; i++) ip += w0[i] * l[i];
  const u = Float64Array.from(w0, (x, i) => x - ip * l[i]);
  let un = 0;
  for (let i = 0; i < d; i++) un += u[i] * u[i];
  un = Math.sqrt(un);
  // Below rounding of r0 the orthogonal part is noise: treat w0 as parallel.
  for (let i = 0; i < d; i++) u[i] = un > 1e-15 * r0 ? u[i] / un : 0;
  return { l, u, r0, nu0: r0 > 0 ? ip / r0 : 0 };
}

/** End-to-end row at (r, nu) in the plane: w = r (nu l + sin u), sin = sqrt(1 - nu^2) unless given. */
export function rankOneEndToEnd(
  plane: RankOnePlane,
  r: number,
  nu: number,
  sin = Math.sqrt(Math.max(0, 1 - nu * nu)),
  out: Float64Array = new Float64Array(plane.l.length),
): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = r * (nu * plane.l[i] + sin * plane.u[i]);
  return out;
}

/** End-to-end row at plane coordinates (q, p): w = q l + p u. */
export function planeEndToEnd(plane: RankOnePlane, q: number, p: number, out: Float64Array = new Float64Array(plane.l.length)): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = q * plane.l[i] + p * plane.u[i];
  return out;
}

/**
 * Full balanced weights at (r, nu): W_1 = rho e1 (w/r)^T, W_j = rho e1 e1^T, W_n = sign rho e1^T, rho = r^(1/n)
 * (the map of Sec. 3.1; widths d_0 .. d_n with d_n = 1).
 */
export function rankOneWeights(widths: readonly number[], plane: RankOnePlane, r: number, nu: number, sign: 1 | -1 = 1, out?: Float64Array): Float64Array {
  return balancedRank1(widths, rankOneEndToEnd(plane, r, nu), sign, out);
}

/** Full balanced weights at plane coordinates (q, p) (the same map). */
export function planeWeights(widths: readonly number[], plane: RankOnePlane, q: number, p: number, sign: 1 | -1 = 1, out?: Float64Array): Float64Array {
  return balancedRank1(widths, planeEndToEnd(plane, q, p), sign, out);
}
