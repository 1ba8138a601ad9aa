import { LuDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { luFactor, luSolve } from './lu';

/** Small seeded PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomMatrix(n: number, seed: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n * n }, () => 2 * r() - 1);
}

function rows(a: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)));
}

function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

describe('luFactor / luSolve', () => {
  for (const n of [7, 20]) {
    it(`agrees with ml-matrix on random ${n}x${n} systems`, () => {
      for (const seed of [1, 2, 3]) {
        const a = randomMatrix(n, seed);
        const b = Float64Array.from(randomMatrix(n, seed + 100).subarray(0, n));
        const ref = new LuDecomposition(new Matrix(rows(a, n))).solve(Matrix.columnVector(Array.from(b))).to1DArray();

        const lu = a.slice();
        const piv = new Int32Array(n);
        expect(luFactor(lu, n, piv)).toBe(true);
        const x = b.slice();
        luSolve(lu, n, piv, x);

        const diff = Array.from(x, (xi, i) => xi - ref[i]);
        expect(maxAbs(diff) / maxAbs(ref)).toBeLessThan(1e-12);
        // And independently of ml-matrix: the residual is at rounding level.
        const res = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          let s = -b[i];
          for (let j = 0; j < n; j++) s += a[i * n + j] * x[j];
          res[i] = s;
        }
        expect(maxAbs(res)).toBeLessThan(1e-12 * maxAbs(a) * maxAbs(x) * n);
      }
    });
  }

  it('pivots past a zero on the diagonal and reuses one factorisation for several right-hand sides', () => {
    const n = 3;
    const a = Float64Array.from([0, 2, 1, 1, 1, 1, 2, 0, 3]);
    const piv = new Int32Array(n);
    const lu = a.slice();
    expect(luFactor(lu, n, piv)).toBe(true);
    for (const x of [
      [1, 2, 3],
      [-1, 0, 4],
    ]) {
      const b = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += a[i * n + j] * x[j];
      luSolve(lu, n, piv, b);
      for (let i = 0; i < n; i++) expect(b[i]).toBeCloseTo(x[i], 14);
    }
  });

  it('reports singular matrices by returning false', () => {
    const n = 4;
    const dupRows = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 0, 1, 0, 1]);
    expect(luFactor(dupRows.slice(), n, new Int32Array(n))).toBe(false);
    const zeroCol = Float64Array.from([1, 0, 3, 4, 5, 0, 7, 8, 9, 0, 2, 4, 3, 0, 5, 1]);
    expect(luFactor(zeroCol.slice(), n, new Int32Array(n))).toBe(false);
    // A NaN that reaches a pivot is reported too.
    expect(luFactor(Float64Array.from([1, 2, NaN, 1]), 2, new Int32Array(2))).toBe(false);
    // ml-matrix agrees that the first two are singular.
    expect(new LuDecomposition(new Matrix(rows(dupRows, n))).isSingular()).toBe(true);
    expect(new LuDecomposition(new Matrix(rows(zeroCol, n))).isSingular()).toBe(true);
  });
});
