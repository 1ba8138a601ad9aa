import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { generalEigenvalues } from './hqr';
import { delayTeacher } from './teachers';

/** Largest distance from each of our eigenvalues to its nearest unused reference eigenvalue, over max(1, rho). */
function mismatch(ours: { re: Float64Array; im: Float64Array }, A: Float64Array, n: number): number {
  const ev = new EigenvalueDecomposition(new Matrix(Array.from({ length: n }, (_, i) => Array.from(A.slice(i * n, i * n + n)))));
  const ref = ev.realEigenvalues.map((re, i) => [re, ev.imaginaryEigenvalues[i]]);
  const used = new Array(n).fill(false);
  let err = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let bi = -1;
    ref.forEach((r, j) => {
      if (used[j]) return;
      const dd = Math.hypot(ours.re[i] - r[0], ours.im[i] - r[1]);
      if (dd < best) {
        best = dd;
        bi = j;
      }
    });
    used[bi] = true;
    err = Math.max(err, best);
  }
  return err / Math.max(1, ...ref.map((r) => Math.hypot(r[0], r[1])));
}

describe('general real eigenvalues (elmhes + hqr)', () => {
  it('agree with ml-matrix on 200 random, integer and triangular matrices up to n = 40 (1e-12 of rho)', () => {
    const rng = new Rng(1);
    let worst = 0;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + (trial % 40);
      const A = Float64Array.from({ length: n * n }, () => (trial % 3 === 0 ? Math.round(2 * rng.gauss()) : rng.gauss()));
      if (trial % 7 === 0) for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A[i * n + j] = 0;
      const ev = generalEigenvalues(A, n);
      expect(ev).not.toBeNull();
      worst = Math.max(worst, mismatch(ev!, A, n));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('2 x 2 with a complex pair, a rotation, the nilpotent shift and a diagonal matrix', () => {
    const c = generalEigenvalues(Float64Array.from([0.5, 0.2, -0.1, 0.3]), 2)!;
    expect(Array.from(c.re)).toEqual([0.4, 0.4].map((v) => expect.closeTo(v, 15)));
    expect(Math.abs(c.im[0])).toBeCloseTo(0.1, 15);
    expect(c.im[0]).toBe(-c.im[1]);
    const rot = generalEigenvalues(Float64Array.from([0, -1, 1, 0]), 2)!;
    expect(Math.abs(rot.im[0])).toBe(1);
    const z = generalEigenvalues(delayTeacher(7).A!, 7)!;
    expect(z.re.every((v) => v === 0) && z.im.every((v) => v === 0)).toBe(true);
    const dg = generalEigenvalues(Float64Array.from([3, 0, 0, 0, -2, 0, 0, 0, 0.5]), 3)!;
    expect(Array.from(dg.re).sort((x, y) => x - y)).toEqual([-2, 0.5, 3]);
  });
});
