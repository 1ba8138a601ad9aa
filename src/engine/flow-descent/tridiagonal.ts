/**
 * Eigenvalues (only) of a larger symmetric matrix: Householder reduction to tridiagonal form, then the implicit QL
 * iteration with Wilkinson-type shifts (tred2 / tqli of Numerical Recipes, without eigenvectors). O(n^3) with a
 * small constant: n = 300 in tens of ms, where cyclic Jacobi needs seconds. Only +, -, *, /, Math.sqrt and
 * Math.abs in a fixed order, so the doubles are the same in every JS engine.
 */

const EPS = 2.220446049250313e-16;

/**
 * Writes the eigenvalues of the symmetric row-major n x n matrix M (its lower triangle is read) into out, unsorted.
 * work must hold n * n + n numbers; M is not modified.
 */
export function tridiagonalEigenvalues(M: ArrayLike<number>, n: number, out: Float64Array, work: Float64Array): Float64Array {
  const a = work;
  const e = work.subarray(n * n, n * n + n);
  const d = out;
  for (let i = 0; i < n * n; i++) a[i] = M[i];
  // Householder: row i (from the bottom) is reduced so that only a[i][i-1] survives left of the diagonal.
  for (let i = n - 1; i > 0; i--) {
    const l = i - 1;
    let h = 0;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k <= l; k++) scale += Math.abs(a[i * n + k]);
      if (scale === 0) e[i] = a[i * n + l];
      else {
        for (let k = 0; k <= l; k++) {
          a[i * n + k] /= scale;
          h += a[i * n + k] * a[i * n + k];
        }
        let f = a[i * n + l];
        let g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        a[i * n + l] = f - g;
        f = 0;
        for (let j = 0; j <= l; j++) {
          g = 0;
          for (let k = 0; k <= j; k++) g += a[j * n + k] * a[i * n + k];
          for (let k = j + 1; k <= l; k++) g += a[k * n + j] * a[i * n + k];
          e[j] = g / h;
          f += e[j] * a[i * n + j];
        }
        const hh = f / (h + h);
        for (let j = 0; j <= l; j++) {
          f = a[i * n + j];
          g = e[j] - hh * f;
          e[j] = g;
          for (let k = 0; k <= j; k++) a[j * n + k] -= f * e[k] + g * a[i * n + k];
        }
      }
    } else e[i] = a[i * n + l];
  }
  for (let i = 0; i < n; i++) d[i] = a[i * n + i];
  // Implicit QL on the tridiagonal (d, e): e[i] couples d[i] and d[i+1].
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  if (n > 0) e[n - 1] = 0;
  // Couplings below EPS ||T|| are dropped too, not only those below EPS of their neighbours: a block of (near) zero
  // eigenvalues (a deep net's Hessian at a balanced start) otherwise never splits. This moves an eigenvalue by at most
  // EPS ||T||, the size of the reduction's own rounding.
  let anorm = 0;
  for (let i = 0; i < n; i++) anorm = Math.max(anorm, Math.abs(d[i]) + Math.abs(e[i]));
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= EPS * Math.max(dd, anorm)) break;
      }
      if (m !== l) {
        if (iter++ === 60) throw new Error('tridiagonal QL did not converge');
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = Math.sqrt(g * g + 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        for (i = m - 1; i >= l; i--) {
          const f = s * e[i];
          const b = c * e[i];
          r = Math.sqrt(f * f + g * g);
          e[i + 1] = r;
          if (r === 0) {
            // Underflow: the matrix splits here; restart the sweep.
            d[i + 1] -= p;
            e[m] = 0;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
        }
        if (r === 0 && i >= l) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
  return d;
}
