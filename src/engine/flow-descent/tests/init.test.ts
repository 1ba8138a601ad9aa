import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { DeepLinearNet } from '../dln';
import { balancedInit, balancedRank1, endToEndAtAngle, gaussianInit, xavierInit } from '../init';
import { thinSvd } from '../svd';
import { relError } from '../../core/finite-diff';
import { hvpColumns } from '../hessian';
import { norm, randVec, refEigenvalues } from './fd';

function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

describe('thin SVD (one-sided Jacobi)', () => {
  it('reconstructs A, has orthonormal U, V and the singular values of ml-matrix', () => {
    const rng = new Rng(3);
    for (const [m, p] of [
      [1, 3],
      [3, 1],
      [4, 4],
      [5, 3],
      [2, 6],
      [7, 7],
    ]) {
      const A = randVec(m * p, () => rng.rand());
      const { k, U, s, V } = thinSvd(A, m, p);
      expect(k).toBe(Math.min(m, p));
      const R = new Float64Array(m * p);
      for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) for (let c = 0; c < k; c++) R[i * p + j] += U[i * k + c] * s[c] * V[j * k + c];
      expect(relError(R, A)).toBeLessThan(1e-14);
      for (const [Q, rows] of [
        [U, m],
        [V, p],
      ] as const)
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++) {
            let d = 0;
            for (let r = 0; r < rows; r++) d += Q[r * k + a] * Q[r * k + b];
            expect(Math.abs(d - (a === b ? 1 : 0))).toBeLessThan(1e-14);
          }
      const ref = new SingularValueDecomposition(new Matrix(Array.from({ length: m }, (_, i) => Array.from(A.slice(i * p, i * p + p))))).diagonal;
      expect(relError(s, ref.slice(0, k))).toBeLessThan(1e-13);
    }
  });
});

describe('Procedure 13 balanced init (Sec. 6.7)', () => {
  it('general A (d_n > 1): W_{n:1} = A to 1e-15 and Eq. 19 residual below 1e-15', () => {
    const rng = new Rng(11);
    for (const widths of [
      [3, 4, 3, 2],
      [2, 3, 3, 3, 2],
      [4, 4, 3],
      [3, 3, 3, 1],
    ]) {
      const d0 = widths[0];
      const dn = widths[widths.length - 1];
      const A = randVec(dn * d0, () => rng.rand(), 0.15);
      const theta = balancedInit(widths, A);
      const net = new DeepLinearNet(widths, new Float64Array(dn * d0));
      expect(maxAbs(net.endToEnd(theta).map((x, i) => x - A[i]))).toBeLessThan(1e-15);
      for (const D of net.imbalance(theta)) expect(maxAbs(D)).toBeLessThan(1e-15);
    }
  });

  it('rank(A) above the narrowest width is refused', () => {
    expect(() => balancedInit([3, 1, 3], Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]))).toThrow(RangeError);
  });

  it('d_n = 1: ||W_j|| = ||W_{n:1}||^(1/n) and ||theta||^2 = n ||W_{n:1}||^(2/n); the rank-1 formula agrees with the SVD path', () => {
    const rng = new Rng(5);
    for (const widths of [
      [3, 3, 3, 1],
      [4, 2, 1],
      [3, 3, 3, 3, 3, 1],
    ]) {
      const n = widths.length - 1;
      const A = randVec(widths[0], () => rng.rand(), 0.1);
      const theta = balancedInit(widths, A);
      const net = new DeepLinearNet(widths, new Float64Array(widths[0]));
      const r = norm(net.endToEnd(theta));
      expect(r / norm(A)).toBeCloseTo(1, 14);
      for (let j = 1; j <= n; j++) expect(norm(net.layer(theta, j)) / r ** (1 / n)).toBeCloseTo(1, 14);
      expect(norm(theta) ** 2 / (n * r ** (2 / n))).toBeCloseTo(1, 14);
      expect(relError(balancedRank1(widths, A), theta)).toBeLessThan(1e-15);
      const flipped = balancedRank1(widths, A, -1);
      expect(relError(net.endToEnd(flipped), A)).toBeLessThan(1e-15);
    }
  });

  it('endToEndAtAngle: ||A|| = r0, cos(A, Lam) = nu0; Lam = e1, nu0 = 0 gives the preset A = (0, 0.1, 0)', () => {
    expect(Array.from(endToEndAtAngle([1, 0, 0], 0.1, 0))).toEqual([0, 0.1, 0]);
    const lam = [0.3, -0.5, 0.8, 0.1];
    const A = endToEndAtAngle(lam, 0.2, -0.35);
    expect(norm(A)).toBeCloseTo(0.2, 15);
    expect(A.reduce((s, x, i) => s + x * lam[i], 0) / (0.2 * norm(lam))).toBeCloseTo(-0.35, 14);
  });

  it('DLN-3 base at t = 0: f - min f = 0.505, lmin = -0.57819, lmax = 0.76386, ||grad|| = 0.2187 (Sec. 5.2 table)', () => {
    const widths = [3, 3, 3, 1];
    const net = new DeepLinearNet(widths, [1, 0, 0]);
    const theta = balancedInit(widths, [0, 0.1, 0]);
    expect(net.n).toBe(21);
    const g = new Float64Array(net.n);
    expect(net.grad(theta, g)).toBeCloseTo(0.505, 14);
    expect(norm(g)).toBeCloseTo(0.2187, 4);
    const ev = refEigenvalues(hvpColumns(net, theta), net.n);
    expect(ev[0]).toBeCloseTo(-0.57819, 5);
    expect(ev[ev.length - 1]).toBeCloseTo(0.76386, 5);
  });
});

describe('random inits', () => {
  it('Gaussian N(0, s^2) and Xavier-uniform U(-c, c) are seeded and have the right scale / support', () => {
    const widths = [30, 40, 20];
    const a = gaussianInit(widths, 0.025, new Rng(1));
    expect(Array.from(gaussianInit(widths, 0.025, new Rng(1)))).toEqual(Array.from(a));
    expect(a.length).toBe(30 * 40 + 40 * 20);
    const sd = Math.sqrt(a.reduce((s, x) => s + x * x, 0) / a.length);
    expect(Math.abs(sd / 0.025 - 1)).toBeLessThan(0.05);
    const x = xavierInit(widths, 0.3, new Rng(2));
    const c1 = 0.3 * Math.sqrt(6 / 70);
    const c2 = 0.3 * Math.sqrt(6 / 60);
    const l1 = x.slice(0, 1200);
    const l2 = x.slice(1200);
    expect(maxAbs(l1)).toBeLessThanOrEqual(c1);
    expect(maxAbs(l1)).toBeGreaterThan(0.99 * c1);
    expect(maxAbs(l2)).toBeLessThanOrEqual(c2);
    expect(maxAbs(l2)).toBeGreaterThan(0.98 * c2);
  });
});
