import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { DeepLinearNet } from '../dln';
import { balancedInit } from '../init';
import { assembleHessian, extremeEigenvalues, HessianScratch, symmetricSpectrum, hvpColumns } from '../hessian';
import { tridiagonalEigenvalues } from '../tridiagonal';
import { randVec, refEigenvalues } from './fd';

function randomSymmetric(n: number, rng: Rng): Float64Array {
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const x = 2 * rng.rand() - 1;
      M[i * n + j] = x;
      M[j * n + i] = x;
    }
  return M;
}

describe('symmetric eigenvalues', () => {
  it('match ml-matrix on random symmetric matrices (n = 5, 70, 200), both paths', () => {
    const rng = new Rng(9);
    for (const n of [5, 70, 200]) {
      const M = randomSymmetric(n, rng);
      const ref = refEigenvalues(M, n);
      const scale = Math.max(...ref.map(Math.abs));
      const ours = symmetricSpectrum(M, n);
      const tri = tridiagonalEigenvalues(M, n, new Float64Array(n), new Float64Array(n * n + n)).sort();
      for (let i = 0; i < n; i++) {
        expect(Math.abs(ours[i] - ref[i]) / scale).toBeLessThan(1e-13);
        expect(Math.abs(tri[i] - ref[i]) / scale).toBeLessThan(1e-13);
      }
    }
  });

  it('handles degenerate spectra (repeated eigenvalues, a zero matrix, a diagonal matrix, n = 1)', () => {
    const n = 80;
    // Q diag(...) Q^T with a Householder Q and eigenvalues with multiplicities.
    const rng = new Rng(4);
    const u = randVec(n, () => rng.rand());
    const uu = u.reduce((s, x) => s + x * x, 0);
    const lam = Array.from({ length: n }, (_, i) => (i % 3) - 1);
    const M = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) {
          const qik = (i === k ? 1 : 0) - (2 * u[i] * u[k]) / uu;
          const qjk = (j === k ? 1 : 0) - (2 * u[j] * u[k]) / uu;
          s += qik * lam[k] * qjk;
        }
        M[i * n + j] = s;
      }
    const ev = symmetricSpectrum(M, n);
    const want = lam.slice().sort((a, b) => a - b);
    for (let i = 0; i < n; i++) expect(Math.abs(ev[i] - want[i])).toBeLessThan(1e-13);
    expect(Array.from(symmetricSpectrum(new Float64Array(n * n), n)).every((x) => x === 0)).toBe(true);
    const D = new Float64Array(n * n);
    for (let i = 0; i < n; i++) D[i * n + i] = n - i;
    expect(Array.from(symmetricSpectrum(D, n))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(Array.from(symmetricSpectrum([3.5], 1))).toEqual([3.5]);
  });

  it('n = 300 takes well under a second', () => {
    const n = 300;
    const M = randomSymmetric(n, new Rng(1));
    const out = new Float64Array(n);
    const work = new Float64Array(n * n + n);
    const t0 = performance.now();
    symmetricSpectrum(M, n, out, work);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('Hessian of an objective', () => {
  it('assembleHessian is the symmetrised HVP matrix; extremeEigenvalues match ml-matrix (DLN, n = 21 and n = 84)', () => {
    const rng = new Rng(2);
    for (const widths of [
      [3, 3, 3, 1],
      [4, 6, 6, 2],
    ]) {
      const net = new DeepLinearNet(
        widths,
        randVec(widths[0] * widths[widths.length - 1], () => rng.rand()),
      );
      const theta = randVec(net.n, () => rng.rand(), 0.6);
      const scratch = new HessianScratch(net.n);
      const H = assembleHessian(net, theta, scratch);
      const raw = hvpColumns(net, theta);
      const n = net.n;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(H[i * n + j]).toBeCloseTo(0.5 * (raw[i * n + j] + raw[j * n + i]), 15);
      const ref = refEigenvalues(raw, n);
      const { lmin, lmax } = extremeEigenvalues(net, theta, scratch);
      expect(lmin).toBeCloseTo(ref[0], 12);
      expect(lmax).toBeCloseTo(ref[n - 1], 12);
    }
  });
});

describe('the spectrum of a deep linear net at a balanced start with many zero eigenvalues (n = 300)', () => {
  it('converges and matches ml-matrix', () => {
    const widths = [12, 12, 12, 1];
    const lam = Array.from({ length: 12 }, (_, i) => (i === 0 ? 1 : 0));
    const A = Array.from({ length: 12 }, (_, i) => (i === 1 ? 0.1 : 0));
    const net = new DeepLinearNet(widths, lam);
    const theta = balancedInit(widths, A);
    const H = assembleHessian(net, theta);
    const ours = symmetricSpectrum(H, net.n);
    const ref = refEigenvalues(H, net.n);
    for (let i = 0; i < net.n; i++) expect(Math.abs(ours[i] - ref[i])).toBeLessThan(1e-12);
  });
});
