import { exp, pow } from '../core/det-math';
import type { Objective } from './objective';

/**
 * The Q1/Q2 sandboxes (docs/labs/flow-vs-descent.md Sec. 2.1) as one diagonal quadratic f = 1/2 sum lam_i q_i^2.
 * lam_i < 0 is allowed (concave Q1, saddle Q2); f is then unbounded below, and minLoss stays 0 so plots show f
 * itself (f - 0) rather than a meaningless shift.
 */
export class DiagonalQuadratic implements Objective {
  readonly n: number;
  readonly minLoss = 0;
  readonly lam: Float64Array;

  constructor(lam: ArrayLike<number>) {
    this.lam = Float64Array.from(lam);
    this.n = this.lam.length;
  }

  loss(theta: Float64Array): number {
    let f = 0;
    for (let i = 0; i < this.n; i++) f += this.lam[i] * theta[i] * theta[i];
    return 0.5 * f;
  }

  grad(theta: Float64Array, g: Float64Array): number {
    for (let i = 0; i < this.n; i++) g[i] = this.lam[i] * theta[i];
    return this.loss(theta);
  }

  hvp(_theta: Float64Array, v: Float64Array, out: Float64Array): void {
    for (let i = 0; i < this.n; i++) out[i] = this.lam[i] * v[i];
  }
}

/** Exact GF of one coordinate: q(t) = q0 e^{-lam t} (Sec. 6.1). */
export function quadraticFlow(q0: number, lam: number, t: number): number {
  return q0 * exp(-lam * t);
}

/** Exact GD iterate of one coordinate: q_k = q0 (1 - eta lam)^k (Sec. 6.1). */
export function quadraticGd(q0: number, lam: number, eta: number, k: number): number {
  return q0 * pow(1 - eta * lam, k);
}

/** Exact GF of every coordinate at time t into out. */
export function quadraticFlowPoint(q0: ArrayLike<number>, lam: ArrayLike<number>, t: number, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = quadraticFlow(q0[i], lam[i], t);
  return out;
}

/** Exact GD iterate k of every coordinate into out. */
export function quadraticGdPoint(q0: ArrayLike<number>, lam: ArrayLike<number>, eta: number, k: number, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = quadraticGd(q0[i], lam[i], eta, k);
  return out;
}
