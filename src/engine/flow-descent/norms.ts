import { symmetricEigenvalues } from '../linear-rnn/jacobi';
import { gemm } from './mat';

/**
 * Matrix norms the metrics and bounds need (docs/labs/flow-vs-descent.md Sec. 2.3, 3.3), on small row-major
 * matrices; they allocate, so they belong to per-stamp metrics, not to grad()/hvp().
 */

/** Spectral norm ||M||_s of a rows x cols matrix: sqrt of the largest eigenvalue of the smaller Gram matrix. */
export function spectralNorm(M: ArrayLike<number>, rows: number, cols: number): number {
  const A = Float64Array.from(M);
  const k = Math.min(rows, cols);
  if (k === 0) return 0;
  const gram = new Float64Array(k * k);
  // rows <= cols: M M^T (rows x rows); else M^T M (cols x cols).
  if (rows <= cols) gemm(gram, 0, A, 0, false, A, 0, true, rows, cols, rows, 0);
  else gemm(gram, 0, A, 0, true, A, 0, false, cols, rows, cols, 0);
  const ev = symmetricEigenvalues(gram, k);
  let mx = 0;
  for (let i = 0; i < k; i++) mx = Math.max(mx, ev[i]);
  return Math.sqrt(mx);
}

/** Nuclear norm of a symmetric m x m matrix: the sum of |eigenvalues|. */
export function nuclearNormSymmetric(M: ArrayLike<number>, m: number): number {
  const ev = symmetricEigenvalues(M, m);
  let s = 0;
  for (let i = 0; i < m; i++) s += Math.abs(ev[i]);
  return s;
}

/** Frobenius norm of the first len entries of x. */
export function frobenius(x: ArrayLike<number>, off = 0, len = x.length - off): number {
  let s = 0;
  for (let i = 0; i < len; i++) s += x[off + i] * x[off + i];
  return Math.sqrt(s);
}
