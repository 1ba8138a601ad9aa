import { symmetrize } from '../core/symmetrize';
import { symmetricEigenvalues } from '../linear-rnn/jacobi';
import type { Objective } from './objective';
import { tridiagonalEigenvalues } from './tridiagonal';

/**
 * Exact Hessian spectra for the curvature plots (docs/labs/flow-vs-descent.md Sec. 2.3, Sec. 4 "Eigenvalues"):
 * H is assembled from n exact HVPs and symmetrised; cyclic Jacobi (accurate to a few ulps of ||H||) for n <= 64,
 * Householder + implicit QL above (fast enough for n ~ 300-400).
 */

/** Size up to which the cyclic Jacobi of linear-rnn is used. */
export const JACOBI_MAX_N = 64;

/** Preallocated buffers for one parameter count n (reuse across stamps). */
export class HessianScratch {
  readonly H: Float64Array;
  readonly work: Float64Array;
  readonly unit: Float64Array;
  readonly col: Float64Array;
  readonly eig: Float64Array;
  constructor(readonly n: number) {
    this.H = new Float64Array(n * n);
    this.work = new Float64Array(n * n + n);
    this.unit = new Float64Array(n);
    this.col = new Float64Array(n);
    this.eig = new Float64Array(n);
  }
}

/** H(theta) row-major from n HVPs against unit vectors, column j = H e_j as it comes (the tests check its symmetry). */
export function hvpColumns(obj: Objective, theta: Float64Array, scratch: HessianScratch = new HessianScratch(obj.n)): Float64Array {
  const n = obj.n;
  const { H, unit, col } = scratch;
  unit.fill(0);
  for (let j = 0; j < n; j++) {
    unit[j] = 1;
    obj.hvp(theta, unit, col);
    unit[j] = 0;
    for (let i = 0; i < n; i++) H[i * n + j] = col[i];
  }
  return H;
}

/** H(theta) row-major from n HVPs against unit vectors, symmetrised as (H + H^T)/2. */
export function assembleHessian(obj: Objective, theta: Float64Array, scratch: HessianScratch = new HessianScratch(obj.n)): Float64Array {
  return symmetrize(hvpColumns(obj, theta, scratch), obj.n);
}

/** All eigenvalues of a symmetric row-major matrix, ascending. work: at least n * n + n numbers. */
export function symmetricSpectrum(M: ArrayLike<number>, n: number, out: Float64Array = new Float64Array(n), work: Float64Array = new Float64Array(n * n + n)): Float64Array {
  if (n <= JACOBI_MAX_N) symmetricEigenvalues(M, n, out, work);
  else tridiagonalEigenvalues(M, n, out, work);
  return out.sort();
}

/** Extreme eigenvalues of the exact Hessian at theta. */
export function extremeEigenvalues(obj: Objective, theta: Float64Array, scratch: HessianScratch = new HessianScratch(obj.n)): { lmin: number; lmax: number } {
  const H = assembleHessian(obj, theta, scratch);
  const ev = symmetricSpectrum(H, obj.n, scratch.eig, scratch.work);
  return { lmin: ev[0], lmax: ev[obj.n - 1] };
}
