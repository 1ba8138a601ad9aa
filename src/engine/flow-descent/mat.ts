/**
 * Small dense kernels on row-major Float64Arrays addressed by offset, so the objectives' grad()/hvp() can work in
 * preallocated scratch without creating subarray views (no allocation in hot paths).
 */

/**
 * C[cOff..] = beta C + op(A) op(B), with op(A) m x k and op(B) k x n. tA: A is stored k x m (use A^T);
 * tB: B is stored n x k (use B^T). beta is 0 or 1 (overwrite or accumulate).
 */
export function gemm(
  C: Float64Array,
  cOff: number,
  A: Float64Array,
  aOff: number,
  tA: boolean,
  B: Float64Array,
  bOff: number,
  tB: boolean,
  m: number,
  k: number,
  n: number,
  beta: 0 | 1,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const a = tA ? A[aOff + p * m + i] : A[aOff + i * k + p];
        const b = tB ? B[bOff + j * k + p] : B[bOff + p * n + j];
        s += a * b;
      }
      const c = cOff + i * n + j;
      C[c] = beta === 0 ? s : C[c] + s;
    }
  }
}

/** Writes the m x m identity at M[off..]. */
export function setIdentity(M: Float64Array, off: number, m: number): void {
  for (let i = 0; i < m * m; i++) M[off + i] = 0;
  for (let i = 0; i < m; i++) M[off + i * m + i] = 1;
}

/** Squared Euclidean norm of x[off .. off + len). */
export function sqNorm(x: ArrayLike<number>, off = 0, len = x.length - off): number {
  let s = 0;
  for (let i = 0; i < len; i++) s += x[off + i] * x[off + i];
  return s;
}

/** Dot product of a[aOff ..] and b[bOff ..] over len entries. */
export function dot(a: ArrayLike<number>, aOff: number, b: ArrayLike<number>, bOff: number, len: number): number {
  let s = 0;
  for (let i = 0; i < len; i++) s += a[aOff + i] * b[bOff + i];
  return s;
}

/** Euclidean norm of x[0 .. n). */
export function norm(x: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** Euclidean distance between a[0 .. n) and b[0 .. n). */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
  return Math.sqrt(s);
}
