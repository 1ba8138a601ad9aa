/**
 * Eigenvalues of a small symmetric matrix by the cyclic Jacobi method, written by hand for two reasons: the
 * engine imports no npm packages (ml-matrix is for tests only), and its numbers must be the same double in every
 * JavaScript engine. This uses only +, -, *, / and Math.sqrt in a fixed rotation order (row by row over p < q, sweep
 * after sweep), so a worker and Node agree bit for bit; and Jacobi is accurate to a few ulps of ||M|| for every
 * eigenvalue, which is what the Hankel spectra (n ~ 20) and the PSD check of lab spec Sec. 7 need.
 */
export function symmetricEigenvalues(M: ArrayLike<number>, n: number, out: Float64Array = new Float64Array(n), work: Float64Array = new Float64Array(n * n)): Float64Array {
  const a = work;
  let total = 0;
  for (let i = 0; i < n * n; i++) {
    a[i] = M[i];
    total += a[i] * a[i];
  }
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    // Done once the off-diagonal part is below 1e-17 ||M||_F: by Weyl's inequality it then moves no eigenvalue by
    // more than ~sqrt(2) 1e-17 ||M||_F, under the rounding of the largest ones (quadratic convergence gets here in ~6 sweeps).
    if (off <= 1e-34 * total) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        // An entry below the last bit of both diagonal entries is dropped (Numerical Recipes' rule, after 4 sweeps).
        const small = 100 * Math.abs(apq);
        if (sweep > 3 && Math.abs(app) + small === Math.abs(app) && Math.abs(aqq) + small === Math.abs(aqq)) {
          a[p * n + q] = 0;
          a[q * n + p] = 0;
          continue;
        }
        const theta = (aqq - app) / (2 * apq);
        const at = Math.abs(theta);
        // t = tan of the rotation angle, the smaller root of t^2 + 2 theta t - 1 = 0.
        let t = at > 1e150 ? 1 / (2 * at) : 1 / (at + Math.sqrt(at * at + 1));
        if (theta < 0) t = -t;
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const arp = a[r * n + p];
          const arq = a[r * n + q];
          const np = c * arp - s * arq;
          const nq = s * arp + c * arq;
          a[r * n + p] = np;
          a[p * n + r] = np;
          a[r * n + q] = nq;
          a[q * n + r] = nq;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) out[i] = a[i * n + i];
  return out;
}
