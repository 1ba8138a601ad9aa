/**
 * Kernels of diagonal linear recurrences, h_j = sum_i b_i c_i a_i^j, shared by the diagonal students of the
 * Extrapolation lab (linear-rnn/, paper 002) and the SSM of the Poisoning lab (ssm/, paper 000), and by their
 * teachers. Powers are running products in a fixed order (no pow), so a student that embeds a teacher reproduces
 * the teacher's impulse to the last bit, and every caller gets the same doubles.
 */

/** out[j] += coef a^j for j < len, by the running product coef, coef a, coef a a, ... */
export function addPowers(out: Float64Array, len: number, coef: number, a: number): void {
  let pw = coef;
  for (let j = 0; j < len; j++) {
    out[j] += pw;
    pw *= a;
  }
}

/**
 * Parameter layouts of a diagonal student with d units, block by block: [a] (B = C = 1 fixed), [a, b] (c tied to
 * b) or [a, b, c].
 */
export type DiagonalLayout = 'a' | 'ab-tied' | 'abc';

/** out[j] += h_j = sum_i b_i c_i a_i^j for j < len (units in order). */
export function addDiagonalImpulse(theta: ArrayLike<number>, d: number, layout: DiagonalLayout, len: number, out: Float64Array): void {
  const offC = layout === 'abc' ? 2 * d : d;
  for (let i = 0; i < d; i++) addPowers(out, len, layout === 'a' ? 1 : theta[d + i] * theta[offC + i], theta[i]);
}

/**
 * g = d/dtheta sum_{j < len} rho_j h_j: with X_i = sum_j rho_j a_i^j and Y_i = sum_{j>=1} j rho_j a_i^(j-1),
 * da_i = b_i c_i Y_i, db_i = c_i X_i, dc_i = b_i X_i (tied: db_i = 2 b_i X_i; layout 'a': da_i = Y_i).
 */
export function diagonalGrad(theta: ArrayLike<number>, d: number, layout: DiagonalLayout, rho: Float64Array, len: number, g: Float64Array): void {
  for (let i = 0; i < d; i++) {
    const a = theta[i];
    let X = rho[0];
    let Y = 0;
    let pw = 1; // a^(j-1)
    for (let j = 1; j < len; j++) {
      Y += j * rho[j] * pw;
      pw *= a;
      X += rho[j] * pw;
    }
    if (layout === 'a') {
      g[i] = Y;
      continue;
    }
    const b = theta[d + i];
    if (layout === 'ab-tied') {
      g[i] = b * b * Y;
      g[d + i] = 2 * b * X;
      continue;
    }
    const c = theta[2 * d + i];
    g[i] = b * c * Y;
    g[d + i] = c * X;
    g[2 * d + i] = b * X;
  }
}

/**
 * Adds sum_j rho_j Hess(b c a^j) of one untied unit, whose (a, b, c) sit at indices (ia, ib, ic), to the n x n
 * Hessian out, given sAA = sum_j rho_j j (j-1) a^(j-2), sA = sum_j rho_j j a^(j-1) and sH = sum_j rho_j a^j.
 */
export function addUnitCurvature(out: Float64Array, n: number, ia: number, ib: number, ic: number, b: number, c: number, sAA: number, sA: number, sH: number): void {
  out[ia * n + ia] += b * c * sAA;
  out[ia * n + ib] += c * sA;
  out[ib * n + ia] += c * sA;
  out[ia * n + ic] += b * sA;
  out[ic * n + ia] += b * sA;
  out[ib * n + ic] += sH;
  out[ic * n + ib] += sH;
}

/** WJ = W J for a k x k matrix W and a k x n matrix J (row-major), skipping the zero entries of W. */
export function weightRows(W: Float64Array, k: number, J: Float64Array, n: number, WJ: Float64Array): void {
  WJ.fill(0);
  for (let j = 0; j < k; j++)
    for (let m = 0; m < k; m++) {
      const w = W[j * k + m];
      if (w === 0) continue;
      for (let p = 0; p < n; p++) WJ[j * n + p] += w * J[m * n + p];
    }
}

/** out = 2 J^T WJ (n x n, symmetric) for k x n matrices J and WJ = W J: the Gauss-Newton part of the Hessian of e^T W e. */
export function gaussNewton(J: Float64Array, WJ: Float64Array, k: number, n: number, out: Float64Array): void {
  for (let p = 0; p < n; p++)
    for (let q = p; q < n; q++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += J[j * n + p] * WJ[j * n + q];
      out[p * n + q] = 2 * s;
      out[q * n + p] = 2 * s;
    }
}
