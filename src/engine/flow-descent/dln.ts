import { gemm, setIdentity } from './mat';
import { frobenius, nuclearNormSymmetric } from './norms';
import { LayeredNet } from './layered-net';
import type { Objective } from './objective';

/**
 * Deep linear net f = 1/2 ||W_n ... W_1 - Lam||_F^2 (Eq. 20, whitened data; docs/labs/flow-vs-descent.md Sec. 2.1),
 * widths d_0 .. d_n, Lam a d_n x d_0 matrix. theta holds W_1 first, then W_2, ..., each W_j (d_j x d_{j-1})
 * row-major. Layers are numbered j = 1..depth as in the paper. Gradient and the exact HVP of Sec. 3.1 use prefix
 * products R_j = W_{j-1:1} and suffix products S_j = W_{n:j+1}, all in scratch preallocated here.
 */
export class DeepLinearNet extends LayeredNet implements Objective {
  readonly lam: Float64Array;
  private readonly rOff: Int32Array; // R_j at rOff[j], j = 1..depth+1 (R_{depth+1} = W_{n:1})
  private readonly sOff: Int32Array; // S_j at sOff[j], j = 0..depth
  private readonly R: Float64Array;
  private readonly S: Float64Array;
  private readonly dR: Float64Array;
  private readonly dS: Float64Array;
  private readonly G: Float64Array;
  private readonly T1: Float64Array;
  private readonly T2: Float64Array;

  constructor(widths: readonly number[], lam: ArrayLike<number>) {
    super(widths, 'a deep linear net');
    const depth = this.depth;
    const d0 = widths[0];
    const dn = widths[depth];
    if (lam.length !== dn * d0) throw new RangeError(`Lam must be d_n x d_0 = ${dn} x ${d0}`);
    this.lam = Float64Array.from(lam);
    this.rOff = new Int32Array(depth + 3);
    for (let j = 1; j <= depth + 1; j++) this.rOff[j + 1] = this.rOff[j] + widths[j - 1] * d0;
    this.sOff = new Int32Array(depth + 2);
    for (let j = 0; j <= depth; j++) this.sOff[j + 1] = this.sOff[j] + dn * widths[j];
    this.R = new Float64Array(this.rOff[depth + 2]);
    this.dR = new Float64Array(this.rOff[depth + 2]);
    this.S = new Float64Array(this.sOff[depth + 1]);
    this.dS = new Float64Array(this.sOff[depth + 1]);
    this.G = new Float64Array(dn * d0);
    let mx = 0;
    for (let j = 0; j <= depth; j++) mx = Math.max(mx, widths[j]);
    this.T1 = new Float64Array(mx * d0);
    this.T2 = new Float64Array(mx * d0);
  }

  /** R_j = W_{j-1:1} for j = 1..depth+1; returns the offset of W_{n:1} in this.R. */
  private prefixes(theta: Float64Array): number {
    const w = this.widths;
    const d0 = w[0];
    setIdentity(this.R, this.rOff[1], d0);
    for (let j = 1; j <= this.depth; j++) gemm(this.R, this.rOff[j + 1], theta, this.off[j], false, this.R, this.rOff[j], false, w[j], w[j - 1], d0, 0);
    return this.rOff[this.depth + 1];
  }

  /** S_j = W_{n:j+1} for j = 0..depth. */
  private suffixes(theta: Float64Array): void {
    const w = this.widths;
    const dn = w[this.depth];
    setIdentity(this.S, this.sOff[this.depth], dn);
    for (let j = this.depth; j >= 1; j--) gemm(this.S, this.sOff[j - 1], this.S, this.sOff[j], false, theta, this.off[j], false, dn, w[j], w[j - 1], 0);
  }

  /** G = W_{n:1} - Lam into this.G; returns f. */
  private residual(theta: Float64Array): number {
    const p = this.prefixes(theta);
    let f = 0;
    for (let i = 0; i < this.G.length; i++) {
      const r = this.R[p + i] - this.lam[i];
      this.G[i] = r;
      f += r * r;
    }
    return 0.5 * f;
  }

  loss(theta: Float64Array): number {
    return this.residual(theta);
  }

  /** grad_{W_j} f = S_j^T G R_j^T (Sec. 3.1). */
  grad(theta: Float64Array, g: Float64Array): number {
    const f = this.residual(theta);
    this.suffixes(theta);
    const w = this.widths;
    const d0 = w[0];
    const dn = w[this.depth];
    for (let j = 1; j <= this.depth; j++) {
      gemm(this.T1, 0, this.S, this.sOff[j], true, this.G, 0, false, w[j], dn, d0, 0);
      gemm(g, this.off[j], this.T1, 0, false, this.R, this.rOff[j], true, w[j], d0, w[j - 1], 0);
    }
    return f;
  }

  /**
   * H v (Sec. 3.1): dR_{j+1} = V_j R_j + W_j dR_j and dS_{j-1} = dS_j W_j + S_j V_j are the first-order changes of
   * the prefix/suffix products (O(n) products instead of the O(n^2) sums), D1 = dR_{n+1}, and
   * (H v)_j = (S_j^T D1 + dS_j^T G) R_j^T + (S_j^T G) dR_j^T.
   */
  hvp(theta: Float64Array, v: Float64Array, out: Float64Array): void {
    this.residual(theta);
    this.suffixes(theta);
    const w = this.widths;
    const d0 = w[0];
    const dn = w[this.depth];
    const L = this.depth;
    const dR = this.dR;
    const dS = this.dS;
    for (let i = 0; i < d0 * d0; i++) dR[this.rOff[1] + i] = 0;
    for (let j = 1; j <= L; j++) {
      gemm(dR, this.rOff[j + 1], v, this.off[j], false, this.R, this.rOff[j], false, w[j], w[j - 1], d0, 0);
      gemm(dR, this.rOff[j + 1], theta, this.off[j], false, dR, this.rOff[j], false, w[j], w[j - 1], d0, 1);
    }
    for (let i = 0; i < dn * dn; i++) dS[this.sOff[L] + i] = 0;
    for (let j = L; j >= 1; j--) {
      gemm(dS, this.sOff[j - 1], dS, this.sOff[j], false, theta, this.off[j], false, dn, w[j], w[j - 1], 0);
      gemm(dS, this.sOff[j - 1], this.S, this.sOff[j], false, v, this.off[j], false, dn, w[j], w[j - 1], 1);
    }
    const d1 = this.rOff[L + 1];
    for (let j = 1; j <= L; j++) {
      gemm(this.T1, 0, this.S, this.sOff[j], true, dR, d1, false, w[j], dn, d0, 0);
      gemm(this.T1, 0, dS, this.sOff[j], true, this.G, 0, false, w[j], dn, d0, 1);
      gemm(this.T2, 0, this.S, this.sOff[j], true, this.G, 0, false, w[j], dn, d0, 0);
      gemm(out, this.off[j], this.T1, 0, false, this.R, this.rOff[j], true, w[j], d0, w[j - 1], 0);
      gemm(out, this.off[j], this.T2, 0, false, dR, this.rOff[j], true, w[j], d0, w[j - 1], 1);
    }
  }

  /** A copy of W_j (d_j x d_{j-1}, row-major), j = 1..depth. */
  layer(theta: Float64Array, j: number): Float64Array {
    return theta.slice(this.off[j], this.off[j + 1]);
  }

  /** End-to-end matrix W_{n:1} (d_n x d_0). */
  endToEnd(theta: Float64Array): Float64Array {
    const p = this.prefixes(theta);
    return this.R.slice(p, p + this.lam.length);
  }

  /** D_j = W_{j+1}^T W_{j+1} - W_j W_j^T (d_j x d_j) for j = 1..depth-1 (Def. 30; Eq. 19 says all are 0). Index 0 holds D_1. */
  imbalance(theta: Float64Array): Float64Array[] {
    const w = this.widths;
    const out: Float64Array[] = [];
    for (let j = 1; j < this.depth; j++) {
      const D = new Float64Array(w[j] * w[j]);
      gemm(D, 0, theta, this.off[j + 1], true, theta, this.off[j + 1], false, w[j], w[j + 1], w[j], 0);
      const P = new Float64Array(w[j] * w[j]);
      gemm(P, 0, theta, this.off[j], false, theta, this.off[j], true, w[j], w[j - 1], w[j], 0);
      for (let i = 0; i < D.length; i++) D[i] -= P[i];
      out.push(D);
    }
    return out;
  }

  /** Unbalancedness U = max_j ||D_j||_* (Sec. 2.3); 0 for a single layer. */
  unbalancedness(theta: Float64Array): number {
    let u = 0;
    this.imbalance(theta).forEach((D, i) => {
      u = Math.max(u, nuclearNormSymmetric(D, this.widths[i + 1]));
    });
    return u;
  }

  /** r = ||W_{n:1}|| and nu = <W_{n:1}, Lam>/(r ||Lam||) (Sec. 2.3; the (r, nu) plane of the d_n = 1 reduction). */
  alignment(theta: Float64Array): { r: number; nu: number } {
    const P = this.endToEnd(theta);
    let ip = 0;
    for (let i = 0; i < P.length; i++) ip += P[i] * this.lam[i];
    const r = frobenius(P);
    return { r, nu: r === 0 ? 0 : ip / (r * frobenius(this.lam)) };
  }
}
