/**
 * Dense LU factorisation with partial pivoting, in place on a row-major Float64Array.
 *
 * Hand-written (rather than using a matrix library) because the stiff stepper's hot loop must not
 * allocate; the tests check it against ml-matrix's LuDecomposition.
 */

/**
 * Factors the n x n row-major matrix a in place into L (unit lower, below the diagonal) and U, so that
 * P a = L U. piv[k] receives the row swapped with row k at elimination step k.
 *
 * Returns false, leaving a partially eliminated, when a pivot is exactly zero or not finite (singular
 * or poisoned matrix); no tolerance is applied, as in LAPACK's getrf.
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    let pmax = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > pmax) {
        pmax = v;
        p = i;
      }
    }
    piv[k] = p;
    if (pmax === 0 || !Number.isFinite(pmax)) return false;
    if (p !== k) {
      const rk = k * n;
      const rp = p * n;
      for (let j = 0; j < n; j++) {
        const tmp = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = tmp;
      }
    }
    const rk = k * n;
    const pivot = a[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      // Divide rather than multiply by 1/pivot: exact when a row repeats the pivot row.
      const l = a[ri + k] / pivot;
      a[ri + k] = l;
      if (l !== 0) for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
    }
  }
  return true;
}

/** Solves (P^T L U) x = b in place (b becomes x), using the output of a successful luFactor. */
export function luSolve(lu: Float64Array, n: number, piv: Int32Array, b: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= lu[ri + j] * b[j];
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= lu[ri + j] * b[j];
    b[i] = s / lu[ri + i];
  }
}
