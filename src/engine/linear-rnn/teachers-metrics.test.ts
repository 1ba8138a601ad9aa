import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import {
  betaBC,
  effectiveDimension,
  extrapolationError,
  hankelEigenvalues,
  hankelSingularValues,
  impulseOf,
  moments,
  offSupportMass,
  spectralRadiusEstimate,
  zeroSolutionError,
} from './metrics';
import { studentInit } from './init';
import { symmetricEigenvalues } from './jacobi';
import { atomImpulse, atomsTeacher, balTeacher, bidiagTeacher, completeHomogeneous, delayTeacher, type LinearTeacher, twinTeacher } from './teachers';

/** C A^j B by explicit matrix powers (j < H), independent of the teachers' closed forms. */
function matrixPowerImpulse(t: LinearTeacher, H: number): Float64Array {
  const n = t.dHat;
  const A = t.A!;
  let u = Float64Array.from(t.B!);
  const w = new Float64Array(H);
  for (let j = 0; j < H; j++) {
    w[j] = t.C!.reduce((s, c, i) => s + c * u[i], 0);
    const nx = new Float64Array(n);
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) nx[p] += A[p * n + q] * u[q];
    u = nx;
  }
  return w;
}

const maxAbsDiff = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < y.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
};

describe('closed-form teachers (oracle 10)', () => {
  it('delay(dHat): w = e_(dHat-1), and its realisation gives the same', () => {
    for (const dHat of [1, 3, 10]) {
      const t = delayTeacher(dHat);
      const w = t.impulse(30);
      w.forEach((v, j) => expect(v).toBe(j === dHat - 1 ? 1 : 0));
      expect(maxAbsDiff(matrixPowerImpulse(t, 30), w)).toBe(0);
      expect(t.roots).toEqual(new Array(dHat).fill(0));
    }
  });

  it('bidiag(s, 5): the hc closed form matches C A^j B to 1e-14 (j < 100)', () => {
    for (const s of [0, 1, 2, 7]) {
      const t = bidiagTeacher(s, 5);
      const w = t.impulse(100);
      const err = maxAbsDiff(w, matrixPowerImpulse(t, 100));
      expect(err).toBeLessThan(1e-14);
      expect(w.slice(0, 4).every((v) => v === 0)).toBe(true);
    }
    // hc_m of (1, 2) = sum_{i+j=m} 2^j = 2^(m+1) - 1; of (x) = x^m.
    expect(Array.from(completeHomogeneous([1, 2], 4))).toEqual([1, 3, 7, 15, 31]);
    expect(Array.from(completeHomogeneous([0.5], 3))).toEqual([1, 0.5, 0.25, 0.125]);
  });

  it('bidiag(s, 5): max |w| = w_4 = prod sigma = 0.226, 0.188, 0.158 for s = 0, 1, 2 (E-3B)', () => {
    const expected = [0.226, 0.188, 0.158];
    expected.forEach((m, s) => {
      const w = bidiagTeacher(s, 5).impulse(100);
      const mx = Math.max(...Array.from(w, Math.abs));
      expect(mx).toBe(Math.abs(w[4]));
      expect(mx).toBeCloseTo(m, 3);
    });
  });

  it('bal(s, 5): lambda = (0.6, 0.7125, 0.825, 0.9375, 1.05), sum p = 1 = w_0, and the realisation gives w', () => {
    for (const s of [0, 1, 2, 11]) {
      const t = balTeacher(s, 5, 'linspace');
      const lam = t.atoms!.lambda;
      [0.6, 0.7125, 0.825, 0.9375, 1.05].forEach((v, i) => expect(Math.abs(lam[i] - v)).toBeLessThan(1e-15));
      const sumP = t.atoms!.p.reduce((a, b) => a + b, 0);
      expect(Math.abs(sumP - 1)).toBeLessThan(1e-15);
      const w = t.impulse(50);
      expect(Math.abs(w[0] - 1)).toBeLessThan(1e-15);
      expect(maxAbsDiff(matrixPowerImpulse(t, 50), w)).toBeLessThan(1e-14);
    }
  });

  it('bal(s, 5) masses p of the lab reference (E-1A): the teacher stream MT(s) and its draw order', () => {
    const ref = [
      [0.241, 0.038, 0.103, 0.354, 0.264],
      [0.672, 0.002, 0.0, 0.049, 0.277],
      [0.001, 0.022, 0.293, 0.501, 0.183],
    ];
    ref.forEach((p, s) => {
      const got = balTeacher(s, 5, 'linspace').atoms!.p;
      p.forEach((v, i) => expect(Math.abs(got[i] - v)).toBeLessThan(5e-4));
    });
  });

  it('bal with uniform spacing: dHat draws in [0.6, 1.05) first, then the masses (sum 1)', () => {
    const t = balTeacher(3, 6, 'uniform');
    const rng = new Rng(3);
    const lam = Array.from({ length: 6 }, () => 0.6 + (1.05 - 0.6) * rng.rand());
    expect(t.atoms!.lambda).toEqual(lam);
    expect(Math.abs(t.atoms!.p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-15);
  });

  it('atoms teacher: b_hat = sqrt(p), negative masses refused', () => {
    const t = atomsTeacher([-0.6, 0.3, 0.85], [1 / 3, 1 / 3, 1 / 3]);
    expect(t.impulse(3)[0]).toBeCloseTo(1, 15);
    expect(maxAbsDiff(matrixPowerImpulse(t, 40), t.impulse(40))).toBeLessThan(1e-15);
    expect(() => atomsTeacher([0.5], [-1])).toThrow(RangeError);
  });
});

describe('moments and off-support mass (oracle 8)', () => {
  it('the twin teachers T1, T2 as in Sec. 2.3: equal on w_0..w_2, different at w_3', () => {
    const T1 = [1, 0, 0.5, 0, 0.25, 0, 0.125];
    const T2 = [1, 0, 0.5, 0.25, 0.375, 0.3125, 0.34375];
    expect(maxAbsDiff(twinTeacher('T1').impulse(7), T1)).toBeLessThan(1e-15);
    expect(maxAbsDiff(twinTeacher('T2').impulse(7), T2)).toBeLessThan(1e-15);
  });

  const q = 0.5 / 0.81;
  const a = [-0.9, 0, 0.9];
  const p = [q / 2, 1 - q, q / 2];
  // A balanced diag-tied student with b_i = sqrt(p_i).
  const theta = Float64Array.from([...a, ...p.map(Math.sqrt)]);
  const h = impulseOf('diag-tied', 3, theta, 12);

  it('a balanced 3-atom student on (-0.9, 0, 0.9) matches T1 on h_0..h_3 but has h_4 = 0.405 (T1: 0.25)', () => {
    const w = twinTeacher('T1').impulse(12);
    expect(maxAbsDiff(h.slice(0, 4), w.slice(0, 4))).toBeLessThan(1e-15);
    expect(h[4]).toBeCloseTo(0.405, 15);
    expect(w[4]).toBeCloseTo(0.25, 15);
    // Its moments are those of the probability vector p (h_0 = 1).
    const m = moments(h);
    expect(m[0]).toBe(1);
    expect(m[4]).toBeCloseTo(0.405, 15);
  });

  it('Phi = 0.155 against T1 roots, = sum p_i P(a_i)^2; Phi(T1) = 0', () => {
    const roots = twinTeacher('T1').roots!;
    const phi = offSupportMass(h, roots);
    expect(phi).toBeCloseTo(0.155, 12);
    const direct = a.reduce((s, ai, i) => s + p[i] * (ai * ai - 0.5) ** 2, 0);
    expect(Math.abs(phi - direct)).toBeLessThan(1e-15);
    expect(Math.abs(offSupportMass(twinTeacher('T1').impulse(12), roots))).toBeLessThan(1e-15);
    // Phi vanishes at every teacher (Cayley-Hamilton), including the non-diagonal ones.
    for (const t of [balTeacher(0, 5, 'linspace'), delayTeacher(4), bidiagTeacher(1, 5)]) expect(Math.abs(offSupportMass(t.impulse(20), t.roots!))).toBeLessThan(1e-14);
    // Too short an impulse: NaN.
    expect(offSupportMass(h.slice(0, 4), roots)).toBeNaN();
  });

  it('every Hankel matrix of a balanced diagonal student is PSD (smallest eigenvalue >= -1e-12 max|h|)', () => {
    const rng = new Rng(42);
    let worst = Infinity;
    for (let trial = 0; trial < 40; trial++) {
      const d = 1 + (trial % 12);
      const th = new Float64Array(2 * d);
      for (let i = 0; i < d; i++) th[i] = 2.1 * rng.rand() - 1.05;
      for (let i = 0; i < d; i++) th[d + i] = rng.gauss();
      const hh = impulseOf('diag-tied', d, th, 39);
      const ev = hankelEigenvalues(hh, 20);
      const hmax = Math.max(...Array.from(hh, Math.abs));
      worst = Math.min(worst, ev[19] / hmax);
      expect(ev[19]).toBeGreaterThanOrEqual(-1e-12 * hmax);
    }
    expect(worst).toBeLessThan(1e-15); // the rank-deficient cases do reach ~0
    // An unbalanced student (a negative mass) is not PSD.
    const ub = impulseOf('diag', 2, Float64Array.from([0.5, -0.5, 1, 1, 1, -1]), 39);
    expect(hankelEigenvalues(ub, 20)[19]).toBeLessThan(-0.1);
  });
});

describe('Hankel spectra (oracle 9)', () => {
  it('delay(10), n = 20: ten singular values equal to 1, then zeros', () => {
    const sv = hankelSingularValues(delayTeacher(10).impulse(39), 20);
    for (let i = 0; i < 10; i++) expect(Math.abs(sv[i] - 1)).toBeLessThan(1e-15);
    for (let i = 10; i < 20; i++) expect(sv[i]).toBeLessThan(1e-15);
    expect(effectiveDimension(sv, 1e-3)).toBe(10);
  });

  it('T1, n = 6: (1.3125, 0.65625, ~0, ...)', () => {
    const sv = hankelSingularValues(twinTeacher('T1').impulse(11), 6);
    expect(Math.abs(sv[0] - 1.3125)).toBeLessThan(1e-14);
    expect(Math.abs(sv[1] - 0.65625)).toBeLessThan(1e-14);
    for (let i = 2; i < 6; i++) expect(sv[i]).toBeLessThan(1e-14);
    expect(effectiveDimension(sv, 1e-3)).toBe(2);
  });

  it('a minimal teacher of order dHat has Hankel rank dHat (bal(s, 5), bidiag(s, 5))', () => {
    for (const t of [balTeacher(0, 5, 'linspace'), balTeacher(2, 5, 'linspace'), bidiagTeacher(0, 5)]) {
      const sv = hankelSingularValues(t.impulse(39), 20);
      expect(effectiveDimension(sv, 1e-12)).toBe(5);
    }
  });

  it('the hand-written Jacobi agrees with ml-matrix on random symmetric matrices', () => {
    const rng = new Rng(9);
    for (const n of [1, 2, 5, 13, 30]) {
      const M = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = i; j < n; j++) {
          const v = rng.gauss();
          M[i * n + j] = v;
          M[j * n + i] = v;
        }
      const ours = Array.from(symmetricEigenvalues(M, n)).sort((x, y) => x - y);
      const ref = new EigenvalueDecomposition(new Matrix(Array.from({ length: n }, (_, i) => Array.from(M.slice(i * n, i * n + n)))), {
        assumeSymmetric: true,
      }).realEigenvalues.sort((x, y) => x - y);
      const scale = Math.max(...ref.map(Math.abs));
      expect(maxAbsDiff(ours, ref) / scale).toBeLessThan(1e-13);
    }
  });
});

describe('metric functions (Sec. 2.5)', () => {
  it('E, the zero-solution reference and the normalisations', () => {
    const w = Float64Array.from([2, 1, 0.5, 0.25, 0.125]);
    const h = Float64Array.from([2, 1, 0.4, 0.35, 0.125]);
    expect(extrapolationError(h, w, 2, 5)).toBeCloseTo(0.1 / 2, 15);
    expect(extrapolationError(h, w, 2, 5, 'raw')).toBeCloseTo(0.1, 15);
    expect(extrapolationError(h, w, 5, 5)).toBe(0);
    expect(extrapolationError(Float64Array.from([3, 1, 0.5, 0.25, 0.125]), w, 2, 5, 'whole')).toBeCloseTo(0.5, 15);
    expect(extrapolationError(Float64Array.from([2, 1, NaN, 0.25, 0.125]), w, 2, 5)).toBeNaN();
    expect(zeroSolutionError(w, 2, 5)).toBeCloseTo(0.25, 15);
    // delay(10): k = 8 sees only zeros (reference 1, the all-zero response's E); k >= 10 has a zero tail -> 1.
    const wd = delayTeacher(10).impulse(100);
    expect(zeroSolutionError(wd, 8, 100)).toBe(1);
    expect(extrapolationError(new Float64Array(100), wd, 8, 100)).toBe(1);
    expect(zeroSolutionError(wd, 12, 100)).toBe(1);
    expect(extrapolationError(new Float64Array(100), wd, 12, 100)).toBe(0);
  });

  it('beta_BC, moments and the effective dimension', () => {
    expect(betaBC([1, 2], [1, 2])).toBe(0);
    expect(betaBC([1, 0], [0, 1])).toBeCloseTo(1, 15);
    expect(betaBC([3, 0], [1, 0])).toBeCloseTo(0.5, 15);
    expect(effectiveDimension([1, 0.5, 2e-3, 1e-3, 0], 1e-3)).toBe(3);
    expect(effectiveDimension([0, 0], 1e-3)).toBe(0);
  });

  it('the spectral-radius estimate agrees with ml-matrix within 0.5 % (random; 0.2 %: defective and nilpotent A)', () => {
    const rng = new Rng(4);
    for (const d of [3, 8, 20]) {
      const A = Float64Array.from({ length: d * d }, () => rng.gauss() / Math.sqrt(d));
      const ev = new EigenvalueDecomposition(new Matrix(Array.from({ length: d }, (_, i) => Array.from(A.slice(i * d, i * d + d)))));
      const rho = Math.max(...ev.realEigenvalues.map((re, i) => Math.hypot(re, ev.imaginaryEigenvalues[i])));
      expect(Math.abs(spectralRadiusEstimate(A, d) / rho - 1)).toBeLessThan(5e-3);
    }
    // A Jordan block with eigenvalue 0.9 (size 4) and the nilpotent shift.
    const J = new Float64Array(16);
    for (let i = 0; i < 4; i++) {
      J[i * 4 + i] = 0.9;
      if (i < 3) J[i * 4 + i + 1] = 1;
    }
    expect(Math.abs(spectralRadiusEstimate(J, 4) / 0.9 - 1)).toBeLessThan(2e-3);
    expect(spectralRadiusEstimate(delayTeacher(6).A!, 6)).toBe(0);
  });

  it('the impulse of every parameterisation is C A^j B of its dense realisation', () => {
    const rng = new Rng(2);
    const d = 4;
    const thSym = Float64Array.from({ length: 10 + 8 }, () => 0.4 * rng.gauss());
    const A = new Float64Array(16);
    let o = 0;
    for (let i = 0; i < d; i++)
      for (let j = i; j < d; j++) {
        A[i * d + j] = thSym[o];
        A[j * d + i] = thSym[o++];
      }
    const full = Float64Array.from([...A, ...thSym.slice(10)]);
    expect(maxAbsDiff(impulseOf('sym', d, thSym, 30), impulseOf('full', d, full, 30))).toBeLessThan(1e-15);
    const diag = Float64Array.from({ length: 12 }, () => 0.5 * rng.gauss());
    const fullDiag = new Float64Array(24);
    for (let i = 0; i < d; i++) {
      fullDiag[i * d + i] = diag[i];
      fullDiag[16 + i] = diag[4 + i];
      fullDiag[20 + i] = diag[8 + i];
    }
    expect(maxAbsDiff(impulseOf('diag', d, diag, 30), impulseOf('full', d, fullDiag, 30))).toBeLessThan(1e-15);
    expect(
      maxAbsDiff(
        atomImpulse(
          diag.slice(0, 4),
          diag.slice(4, 8).map((b, i) => b * diag[8 + i]),
          30,
        ),
        impulseOf('diag', d, diag, 30),
      ),
    ).toBe(0);
  });
});

describe('student initialisation (Sec. 5)', () => {
  it('draws from MT(1000 + s) in the order a, b, c / A, B, C, scaled by sigma (entrywise) or sigma / sqrt(n) (eps-normal)', () => {
    const d = 4;
    const g = (count: number) => {
      const r = new Rng(1003);
      return Array.from({ length: count }, () => r.gauss());
    };
    const z = g(3 * d + d * d);
    expect(Array.from(studentInit(3, 'diag', d, 0.5, false, 'entrywise'))).toEqual(z.slice(0, 3 * d).map((v) => 0.5 * v));
    expect(Array.from(studentInit(3, 'diag-tied', d, 0.5, false, 'entrywise'))).toEqual(z.slice(0, 2 * d).map((v) => 0.5 * v));
    const bal = studentInit(3, 'diag', d, 0.5, true, 'entrywise');
    expect(Array.from(bal.slice(2 * d))).toEqual(Array.from(bal.slice(d, 2 * d)));
    const full = studentInit(3, 'full', d, 0.2, false, 'eps-normal');
    expect(Array.from(full.slice(0, d * d))).toEqual(z.slice(0, d * d).map((v) => (0.2 / d) * v));
    expect(Array.from(full.slice(d * d))).toEqual(z.slice(d * d, d * d + 2 * d).map((v) => (0.2 / Math.sqrt(d)) * v));
    const sym = studentInit(3, 'sym', d, 0.2, true, 'entrywise');
    expect(sym.length).toBe(10 + 2 * d);
    expect(Array.from(sym.slice(0, 14))).toEqual(z.slice(0, 14).map((v) => 0.2 * v));
    expect(Array.from(sym.slice(14))).toEqual(Array.from(sym.slice(10, 14)));
  });

  it('E-P9: the full d = 20 student of seed 0 starts at beta_BC = 0.88 (either convention)', () => {
    for (const conv of ['entrywise', 'eps-normal'] as const) {
      const th = studentInit(0, 'full', 20, 1e-2, false, conv);
      expect(betaBC(th.slice(400, 420), th.slice(420, 440))).toBeCloseTo(0.88, 2);
    }
  });
});
