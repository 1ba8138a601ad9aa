import { pow } from '../core/det-math';
import type { Rng } from '../core/rng';
import { thinSvd } from './svd';

/**
 * Initialisations of docs/labs/flow-vs-descent.md Sec. 2.2. theta layout as in DeepLinearNet / FcNet: W_1 first,
 * each W_j (d_j x d_{j-1}) row-major.
 */

function paramCount(widths: readonly number[]): number {
  let n = 0;
  for (let j = 1; j < widths.length; j++) n += widths[j] * widths[j - 1];
  return n;
}

/**
 * Procedure 13: A = U S V^T (thin SVD), W_n = U S^(1/n), W_j = S^(1/n) (1 < j < n), W_1 = S^(1/n) V^T, zero-padded;
 * then W_{n:1} = A and Eq. 19 (W_{j+1}^T W_{j+1} = W_j W_j^T) hold. A is d_n x d_0 row-major; its rank must not
 * exceed min_j d_j. For d_n = 1 this is the rank-1 formula of balancedRank1 with sign +1 (up to rounding).
 */
export function balancedInit(widths: readonly number[], A: ArrayLike<number>): Float64Array {
  const depth = widths.length - 1;
  const d0 = widths[0];
  const dn = widths[depth];
  if (A.length !== dn * d0) throw new RangeError(`A must be d_n x d_0 = ${dn} x ${d0}`);
  const theta = new Float64Array(paramCount(widths));
  if (depth === 1) {
    theta.set(Array.from(A));
    return theta;
  }
  const { k, U, s, V } = thinSvd(A, dn, d0);
  const kk = Math.min(...widths);
  for (let i = kk; i < k; i++) {
    if (s[i] > 1e-14 * s[0]) throw new RangeError(`rank(A) exceeds the narrowest width ${kk}`);
  }
  const m = Math.min(k, kk);
  const root = new Float64Array(m);
  for (let i = 0; i < m; i++) root[i] = s[i] > 0 ? pow(s[i], 1 / depth) : 0;
  let off = 0;
  for (let j = 1; j <= depth; j++) {
    const rows = widths[j];
    const cols = widths[j - 1];
    for (let i = 0; i < m; i++) {
      if (j === 1) for (let b = 0; b < cols; b++) theta[off + i * cols + b] = root[i] * V[b * k + i];
      else if (j === depth) for (let a = 0; a < rows; a++) theta[off + a * cols + i] = U[a * k + i] * root[i];
      else theta[off + i * cols + i] = root[i];
    }
    off += rows * cols;
  }
  return theta;
}

/**
 * Rank-1 balanced point for d_n = 1 with end-to-end W_{n:1} = w (a row of length d_0), r = ||w||, rho = r^(1/n):
 * W_1 = sign rho e1 (w/r)^T, W_j = rho e1 e1^T, W_n = sign rho e1^T (the sign ambiguity of the SVD: it flips W_1 and W_n
 * together, so W_{n:1} stays w).
 * This is also the map from the (r, nu) reduction back to full weights (Sec. 3.1).
 */
export function balancedRank1(widths: readonly number[], w: ArrayLike<number>, sign: 1 | -1 = 1, out: Float64Array = new Float64Array(paramCount(widths))): Float64Array {
  const depth = widths.length - 1;
  const d0 = widths[0];
  if (widths[depth] !== 1 || w.length !== d0) throw new RangeError('balancedRank1 needs d_n = 1 and w of length d_0');
  out.fill(0);
  let r2 = 0;
  for (let i = 0; i < d0; i++) r2 += w[i] * w[i];
  const r = Math.sqrt(r2);
  if (r === 0) return out;
  if (depth === 1) {
    for (let i = 0; i < d0; i++) out[i] = w[i];
    return out;
  }
  const rho = pow(r, 1 / depth);
  let off = 0;
  for (let j = 1; j <= depth; j++) {
    const cols = widths[j - 1];
    if (j === 1) for (let b = 0; b < cols; b++) out[off + b] = (sign * rho * w[b]) / r;
    else if (j === depth) out[off] = sign * rho;
    else out[off] = rho;
    off += widths[j] * cols;
  }
  return out;
}

/**
 * End-to-end start A (1 x d_0) with ||A|| = r0 at angle nu0 = cos(A, Lam): A = r0 (nu0 l + sqrt(1 - nu0^2) u), l = Lam/||Lam||,
 * u the unit Gram-Schmidt residual of the first canonical vector least aligned with Lam (Lam = e1 gives u = e2, so the
 * DLN-3 preset's A = (0, 0.1, 0) is r0 = 0.1, nu0 = 0).
 */
export function endToEndAtAngle(lam: ArrayLike<number>, r0: number, nu0: number): Float64Array {
  const d0 = lam.length;
  let ln = 0;
  for (let i = 0; i < d0; i++) ln += lam[i] * lam[i];
  ln = Math.sqrt(ln);
  const l = Float64Array.from(lam, (x) => x / ln);
  let best = -1;
  let bi = 0;
  for (let i = 0; i < d0; i++) {
    const res = 1 - l[i] * l[i];
    if (res > best + 1e-12) {
      best = res;
      bi = i;
    }
  }
  const u = Float64Array.from(l, (x) => -l[bi] * x);
  u[bi] += 1;
  const un = Math.sqrt(best);
  const sn = Math.sqrt(Math.max(0, 1 - nu0 * nu0));
  return Float64Array.from(l, (x, i) => r0 * (nu0 * x + (un > 0 ? (sn * u[i]) / un : 0)));
}

/** Near-zero Gaussian init: every weight N(0, s^2), drawn layer by layer, row-major (unbalanced). */
export function gaussianInit(widths: readonly number[], s: number, rng: Rng): Float64Array {
  const theta = new Float64Array(paramCount(widths));
  for (let i = 0; i < theta.length; i++) theta[i] = s * rng.gauss();
  return theta;
}

/** Xavier-uniform: W_j entries U(-c, c), c = mult sqrt(6/(d_{j-1} + d_j)), drawn layer by layer, row-major. */
export function xavierInit(widths: readonly number[], mult: number, rng: Rng): Float64Array {
  const theta = new Float64Array(paramCount(widths));
  let off = 0;
  for (let j = 1; j < widths.length; j++) {
    const c = mult * Math.sqrt(6 / (widths[j - 1] + widths[j]));
    const len = widths[j] * widths[j - 1];
    for (let i = 0; i < len; i++) theta[off + i] = c * (2 * rng.rand() - 1);
    off += len;
  }
  return theta;
}
