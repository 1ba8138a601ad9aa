/**
 * Replaces a square row-major matrix by (H + H^T)/2 in place: Hessians assembled column by column (central
 * differences, HVPs) are symmetric only up to rounding, and the symmetric eigen-solvers want them exactly so.
 */
export function symmetrize(H: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = 0.5 * (H[i * n + j] + H[j * n + i]);
      H[i * n + j] = s;
      H[j * n + i] = s;
    }
  return H;
}
