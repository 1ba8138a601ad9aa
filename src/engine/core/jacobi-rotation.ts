/**
 * The plane rotation of the Jacobi methods (two-sided for symmetric eigenvalues, one-sided for the SVD), with only
 * +, -, *, / and Math.sqrt so every JS engine gives the same doubles.
 */

/**
 * cos and sin of the rotation that zeroes the (p, q) pair, from theta = (a_qq - a_pp) / (2 a_pq): t = tan is the
 * smaller root of t^2 + 2 theta t - 1 = 0 (theta = 0 takes t = 1).
 */
export function jacobiRotation(theta: number): { c: number; s: number } {
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
  const c = 1 / Math.sqrt(1 + t * t);
  return { c, s: c * t };
}

/**
 * Rotates two strided lines of M in place: (x, y) <- (c x - s y, s x + c y) for x = M[i0 + r stride],
 * y = M[j0 + r stride], r < len. Columns i, j of a row-major m x p matrix: (m, i, j, p); rows i, j of an n x n: (n, i n, j n, 1).
 */
export function rotateLines(M: Float64Array, len: number, i0: number, j0: number, stride: number, c: number, s: number): void {
  for (let r = 0; r < len; r++) {
    const x = M[i0 + r * stride];
    const y = M[j0 + r * stride];
    M[i0 + r * stride] = c * x - s * y;
    M[j0 + r * stride] = s * x + c * y;
  }
}
