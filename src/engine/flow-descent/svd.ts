/**
 * Thin SVD of a small dense matrix by one-sided (Hestenes) Jacobi, written by hand so Procedure 13 is deterministic
 * in every JS engine (only +, -, *, /, Math.sqrt, in a fixed rotation order) and needs no npm package.
 */
import { jacobiRotation, rotateLines } from '../core/jacobi-rotation';

export interface ThinSvd {
  /** k = min(rows, cols). */
  k: number;
  /** rows x k, orthonormal columns (a column is zero where its singular value is exactly 0). */
  U: Float64Array;
  /** k singular values, descending. */
  s: Float64Array;
  /** cols x k, orthonormal columns. */
  V: Float64Array;
}

/** A = U diag(s) V^T for row-major A (rows x cols). */
export function thinSvd(A: ArrayLike<number>, rows: number, cols: number): ThinSvd {
  if (rows >= cols) return tallSvd(A, rows, cols);
  // Wide: decompose A^T = U' S V'^T, so A = V' S U'^T.
  const At = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) At[j * rows + i] = A[i * cols + j];
  const t = tallSvd(At, cols, rows);
  return { k: t.k, U: t.V, s: t.s, V: t.U };
}

/** rows >= cols: rotate column pairs of X = A V until they are orthogonal; then X = U S. */
function tallSvd(A: ArrayLike<number>, m: number, p: number): ThinSvd {
  const X = Float64Array.from(A);
  const V = new Float64Array(p * p);
  for (let i = 0; i < p; i++) V[i * p + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let i = 0; i < p - 1; i++) {
      for (let j = i + 1; j < p; j++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let r = 0; r < m; r++) {
          const xi = X[r * p + i];
          const xj = X[r * p + j];
          alpha += xi * xi;
          beta += xj * xj;
          gamma += xi * xj;
        }
        // Columns orthogonal to working precision: no rotation (this is what ends the sweeps).
        if (gamma === 0 || Math.abs(gamma) <= 1e-17 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const { c, s } = jacobiRotation((beta - alpha) / (2 * gamma));
        rotateLines(X, m, i, j, p, c, s);
        rotateLines(V, p, i, j, p, c, s);
      }
    }
    if (!rotated) break;
  }
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let r = 0; r < m; r++) s += X[r * p + j] * X[r * p + j];
    norms[j] = Math.sqrt(s);
  }
  // Descending order; ties keep column order (a stable insertion sort, deterministic).
  const order = Array.from({ length: p }, (_, j) => j);
  for (let a = 1; a < p; a++) {
    const o = order[a];
    let b = a - 1;
    while (b >= 0 && norms[order[b]] < norms[o]) {
      order[b + 1] = order[b];
      b--;
    }
    order[b + 1] = o;
  }
  const U = new Float64Array(m * p);
  const sv = new Float64Array(p);
  const Vs = new Float64Array(p * p);
  for (let c = 0; c < p; c++) {
    const j = order[c];
    sv[c] = norms[j];
    for (let r = 0; r < m; r++) U[r * p + c] = norms[j] > 0 ? X[r * p + j] / norms[j] : 0;
    for (let r = 0; r < p; r++) Vs[r * p + c] = V[r * p + j];
  }
  return { k: p, U, s: sv, V: Vs };
}
