import { exp } from '../core/det-math';
import type { Objective } from './objective';

/**
 * App. B's worst-case objective f(q) = phi(q1) + phibar(q2) + 6 a q3^2 (Eqs. 25-27; docs/labs/flow-vs-descent.md
 * Sec. 2.1) with the paper's constants exposed as (a, zc, zb, rho): the paper takes zc = b e^30 + 1, zb = b + 1,
 * rho = min{e^-12/2, eps/(2b)}, which no screen can show. Piecewise polynomial and C^2; the Hessian is diagonal.
 *
 * Compensated evaluation: on the quadratic and quartic pieces the values are differences of numbers ~ a zc^2/2
 * (1e12 for zc = 1e6); rewritten in the distance to the nearest breakpoint they are sums of same-sign terms:
 *   c - a z^2/2 = a (zc/2 + 1/12 + w (zc - w/2)),  w = zc - z in [0, zc]   (c = a(zc+1)^2/2 - 5a/12 - a zc/2)
 *   quartic tail on [zc, zc+1] = a s^3 (zc + 1/3 - (1/4 + zc/2) s),  s = zc + 1 - z in [0, 1]
 * (the tail vanishes to third order at zc + 1, where the function joins 0).
 */

export interface AbParams {
  /** Curvature scale a > 0: inf lmin = -a. */
  a: number;
  /** Cut point of phi (paper: b e^30 + 1). */
  zc: number;
  /** Cut point of phibar (paper: b + 1); needs zb > 1. */
  zb: number;
  /** Transition width (paper: min{e^-12/2, eps/(2b)}); 0 < rho < 1. */
  rho: number;
}

/** The paper's constants for given a, b >= 3 and eps in (0, 1) (App. B); only for display, e^30 is not plottable. */
export function abPaperParams(a: number, b: number, eps: number): AbParams {
  return { a, zc: b * exp(30) + 1, zb: b + 1, rho: Math.min(exp(-12) / 2, eps / (2 * b)) };
}

/** z0 = rho/2 - 1, the mirror point (and minimiser of the anisotropic piece's gradient) of phibar. */
export function abZ0(rho: number): number {
  return rho / 2 - 1;
}

/** Value, first and second derivative at one point. */
export interface Jet {
  f: number;
  d1: number;
  d2: number;
}

/**
 * The shared piece "c - a z^2/2 on [lo, cut), quartic tail on [cut, cut+1], 0 beyond" for z >= lo, with
 * c = a(cut+1)^2/2 - 5a/12 - a cut/2. phi is this with cut = zc (lo = 0); phibar on [1, inf) is this with cut = zb.
 */
function cutQuadratic(z: number, a: number, cut: number, out: Jet): Jet {
  if (z < cut) {
    const w = cut - z;
    out.f = a * (cut / 2 + 1 / 12 + w * (cut - w / 2));
    out.d1 = -a * z;
    out.d2 = -a;
  } else if (z <= cut + 1) {
    const s = cut + 1 - z;
    out.f = a * s * s * s * (cut + 1 / 3 - (0.25 + cut / 2) * s);
    out.d1 = -a * s * s * (3 * cut + 1 - (1 + 2 * cut) * s);
    out.d2 = a * s * (6 * cut + 2 - (3 + 6 * cut) * s);
  } else {
    out.f = 0;
    out.d1 = 0;
    out.d2 = 0;
  }
  return out;
}

/** phi(z) of Eq. 25 with value, phi' and phi'' (even in z). */
export function phiJet(z: number, a: number, zc: number, out: Jet = { f: 0, d1: 0, d2: 0 }): Jet {
  if (z >= 0) return cutQuadratic(z, a, zc, out);
  cutQuadratic(-z, a, zc, out);
  out.d1 = -out.d1;
  return out;
}

/** phibar(z) of Eq. 26 with value, phibar' and phibar'' (mirror-symmetric about z0 = rho/2 - 1). */
export function phibarJet(z: number, a: number, zb: number, rho: number, out: Jet = { f: 0, d1: 0, d2: 0 }): Jet {
  const z0 = rho / 2 - 1;
  const mirrored = z < z0;
  const x = mirrored ? 2 * z0 - z : z;
  if (x >= 1) cutQuadratic(x, a, zb, out);
  else if (x >= 1 - rho) {
    // K - a x^2/2 - (a/(12 rho))(x - 1)^3 with K - a x^2/2 written compensated about zb.
    cutQuadratic(x, a, zb, out);
    const u = x - 1;
    out.f -= (a / (12 * rho)) * u * u * u;
    out.d1 -= (a / (4 * rho)) * u * u;
    out.d2 -= (a / (2 * rho)) * u;
  } else {
    // P - (a/4)(x - z0)^2, P = K + a/2 - a(rho/2 - 7 rho^2/48), K = a(zb+1)^2/2 - 5a/12 - a zb/2.
    const v = x - z0;
    out.f = a * ((zb * zb) / 2 + zb / 2 + 1 / 12 + 0.5 - rho / 2 + (7 * rho * rho) / 48) - (a / 4) * v * v;
    out.d1 = -(a / 2) * v;
    out.d2 = -a / 2;
  }
  if (mirrored) out.d1 = -out.d1;
  return out;
}

export function phi(z: number, a: number, zc: number): number {
  return phiJet(z, a, zc).f;
}

export function phibar(z: number, a: number, zb: number, rho: number): number {
  return phibarJet(z, a, zb, rho).f;
}

/** f(q) = phi(q1) + phibar(q2) + 6 a q3^2 on R^dim (dim >= 3; further coordinates do not enter f). */
export class AbObjective implements Objective {
  readonly n: number;
  /** f >= 0 and f = 0 for q1 > zc + 1, q2 > zb + 1, q3 = 0. */
  readonly minLoss = 0;
  readonly params: Readonly<AbParams>;
  private readonly j1: Jet = { f: 0, d1: 0, d2: 0 };
  private readonly j2: Jet = { f: 0, d1: 0, d2: 0 };

  constructor(params: AbParams, dim = 3) {
    const { a, zc, zb, rho } = params;
    if (!(a > 0) || !(zc > 0) || !(zb > 1) || !(rho > 0 && rho < 1)) throw new RangeError('AB needs a > 0, zc > 0, zb > 1, 0 < rho < 1');
    if (dim < 3) throw new RangeError('AB lives in R^d, d >= 3');
    this.params = { a, zc, zb, rho };
    this.n = dim;
  }

  private jets(theta: Float64Array): void {
    const { a, zc, zb, rho } = this.params;
    phiJet(theta[0], a, zc, this.j1);
    phibarJet(theta[1], a, zb, rho, this.j2);
  }

  loss(theta: Float64Array): number {
    this.jets(theta);
    return this.j1.f + this.j2.f + 6 * this.params.a * theta[2] * theta[2];
  }

  grad(theta: Float64Array, g: Float64Array): number {
    this.jets(theta);
    const a = this.params.a;
    g.fill(0);
    g[0] = this.j1.d1;
    g[1] = this.j2.d1;
    g[2] = 12 * a * theta[2];
    return this.j1.f + this.j2.f + 6 * a * theta[2] * theta[2];
  }

  /** H = diag(phi''(q1), phibar''(q2), 12a, 0, ...). */
  hvp(theta: Float64Array, v: Float64Array, out: Float64Array): void {
    this.jets(theta);
    out.fill(0);
    out[0] = this.j1.d2 * v[0];
    out[1] = this.j2.d2 * v[1];
    out[2] = 12 * this.params.a * v[2];
  }
}
