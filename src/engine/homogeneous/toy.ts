import type { ParamBlock } from '../core/problem';
import { lossScale, type HomogeneousModel, type LossKind, type Unit } from './types';
import { pow } from '../core/det-math';

/**
 * The two-coordinate toys of paper 003: H(x; w) = w1^Lh x1 + w2^Lh x2 on the data (1, 0) -> y1, (0, 1) -> y2.
 * Lh = 2 with y = (4, 1) and the sq-sum loss is Example 1: L = (w1^2 - 4)^2 + (w2^2 - 1)^2.
 */
export class Toy implements HomogeneousModel {
  readonly n = 2;
  readonly p = 1;
  readonly nPoints = 2;
  readonly blocks: ParamBlock[] = [{ name: 'w', offset: 0, size: 2 }];
  readonly ytilde: Float64Array;
  readonly y: Float64Array;
  readonly hasConservation = false;
  readonly units: Unit[] = [0, 1].map((k) => ({ label: `w${k + 1}`, layer: 1, index: k, inIdx: Int32Array.of(k), outIdx: new Int32Array(0) }));
  private readonly scale: number;

  constructor(
    readonly Lh: number,
    y: [number, number],
    readonly lossKind: LossKind,
  ) {
    this.y = Float64Array.from(y);
    this.scale = lossScale(lossKind, 2);
    this.ytilde = Float64Array.from(y, (v) => 2 * this.scale * v);
  }

  outputs(theta: Float64Array, out: Float64Array): void {
    out[0] = pow(theta[0], this.Lh);
    out[1] = pow(theta[1], this.Lh);
  }

  loss(theta: Float64Array): number {
    let s = 0;
    for (let k = 0; k < 2; k++) s += pow(pow(theta[k], this.Lh) - this.y[k], 2);
    return this.scale * s;
  }

  grad(theta: Float64Array, g: Float64Array): number {
    const L = this.Lh;
    let s = 0;
    for (let k = 0; k < 2; k++) {
      const e = pow(theta[k], L) - this.y[k];
      s += e * e;
      g[k] = 2 * this.scale * e * L * pow(theta[k], L - 1);
    }
    return this.scale * s;
  }

  /** Exact Hessian (diagonal). */
  hessDiag(theta: Float64Array, out: Float64Array): void {
    const L = this.Lh;
    for (let k = 0; k < 2; k++) {
      const w = theta[k];
      out[k] = 2 * this.scale * L * ((L - 1) * pow(w, L - 2) * (pow(w, L) - this.y[k]) + L * pow(w, 2 * L - 2));
    }
  }

  ncfGrad(u: Float64Array, g: Float64Array): number {
    const L = this.Lh;
    let N = 0;
    for (let k = 0; k < 2; k++) {
      N += this.ytilde[k] * pow(u[k], L);
      g[k] = this.ytilde[k] * L * pow(u[k], L - 1);
    }
    return N;
  }

  outputGrad(theta: Float64Array, i: number, g: Float64Array): number {
    g.fill(0);
    g[i] = this.Lh * pow(theta[i], this.Lh - 1);
    return pow(theta[i], this.Lh);
  }
}
