import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fdGradient, fdHessian, relError } from '../core/finite-diff';
import { Rng } from '../core/rng';
import { gramOfRows } from './ssm-data';
import { effectiveRank } from './ssm-metrics';
import { DiagonalSsm } from './ssm';
import { resolveTeacher } from './teachers';

const unit = (kappa: number, pos: number) => Array.from({ length: kappa }, (_, i) => (i + 1 === pos ? 1 : 0));

function thm1Model(d: number, kappa: number, poisoned: boolean): DiagonalSsm {
  const rows = poisoned ? [unit(kappa, 1), unit(kappa, kappa - 1)] : [unit(kappa, 1)];
  return new DiagonalSsm({ d, kappa, trainBC: false, teacher: resolveTeacher({ kind: 'thm1' }, d), gram: gramOfRows(rows, kappa), genWindow: 20 });
}

/** Lab spec Sec. 3.3: the Theorem-1 loss, gradient and Hessian written out independently of the Gram form. */
function thm1ClosedForm(a: number[], L: number, poisoned: boolean) {
  const n = poisoned ? 2 : 1;
  const P2 = 1;
  const Q2 = poisoned ? 1 : 0;
  const RL = a.reduce((s, v) => s + v ** (L - 1), 0) - 1;
  const R1 = a.reduce((s, v) => s + v, 0) - 1;
  const loss = (P2 * RL ** 2 + Q2 * R1 ** 2) / n;
  const grad = a.map((v) => (2 / n) * (P2 * (L - 1) * RL * v ** (L - 2) + Q2 * R1));
  const d = a.length;
  const hess = new Float64Array(d * d);
  for (let j = 0; j < d; j++)
    for (let m = 0; m < d; m++)
      hess[j * d + m] = (2 / n) * (P2 * ((L - 1) ** 2 * a[j] ** (L - 2) * a[m] ** (L - 2) + (j === m ? (L - 1) * (L - 2) * RL * a[j] ** (L - 3) : 0)) + Q2);
  return { loss, grad, hess };
}

describe('diagonal SSM, tiny case of the docs/labs/poisoning.md (oracle 1)', () => {
  const a = [0.5, -0.3, 0.1];
  const b = [1, 0.5, -0.2];
  const c = [0.3, -0.7, 0.9];
  const rows = [
    [1, 0.5, 0, 0],
    [0, 0, 0.7, 0.2],
  ];
  const model = new DiagonalSsm({ d: 3, kappa: 4, trainBC: true, teacher: resolveTeacher({ kind: 'one' }, 3), gram: gramOfRows(rows, 4), genWindow: 40 });
  const theta = Float64Array.from([...a, ...b, ...c]);

  it('reproduces the printed loss, gradients and gamma', () => {
    const g = new Float64Array(9);
    expect(model.grad(theta, g)).toBeCloseTo(1.3301342372, 9);
    const expected = [-0.7009635, 0.17608451, 0.131810292, -0.236145, 0.012587288, -0.197299152, -0.78715, -0.00899092, 0.043844256];
    expected.forEach((v, i) => expect(g[i]).toBeCloseTo(v, 7));
    expect(model.gamma0(theta)).toBeCloseTo(0.54607, 5);
  });

  it('agrees with the recurrence s_l = A s_(l-1) + B x_l, y = C s_kappa', () => {
    // Teacher 'one' (a* = b* = c* = 1): y = sum_l x_l.
    const teacherY = rows.map((x) => x.reduce((s, v) => s + v, 0));
    let loss = 0;
    rows.forEach((x, i) => {
      const s = [0, 0, 0];
      for (const xl of x) for (let j = 0; j < 3; j++) s[j] = a[j] * s[j] + b[j] * xl;
      const y = s.reduce((acc, sj, j) => acc + c[j] * sj, 0);
      loss += (teacherY[i] - y) ** 2 / rows.length;
    });
    expect(Math.abs(model.loss(theta) - loss)).toBeLessThan(1e-13);
  });

  it('-dl/da_j = b_j c_j sum_l gamma^(l) a_j^l (Prop. 1), gamma from the per-row residuals', () => {
    const kappa = 4;
    const h = model.impulse(theta);
    const delta = rows.map((x, i) => [1.5, 0.9][i] - x.reduce((s, xl, l) => s + h[kappa - 1 - l] * xl, 0));
    const gamma = [0, 1, 2].map((l) => ((2 * (l + 1)) / rows.length) * rows.reduce((s, x, i) => s + delta[i] * x[kappa - l - 2], 0));
    [0.54607, 1.43238, 4.29714].forEach((v, i) => expect(gamma[i]).toBeCloseTo(v, 5));
    const g = new Float64Array(9);
    model.grad(theta, g);
    for (let j = 0; j < 3; j++) {
      const rhs = b[j] * c[j] * gamma.reduce((s, gl, l) => s + gl * a[j] ** l, 0);
      expect(Math.abs(-g[j] - rhs)).toBeLessThan(1e-14);
    }
  });
});

describe('gradient and Hessian against finite differences', () => {
  const rng = new Rng(2024);
  const randomRows = (n: number, kappa: number) => Array.from({ length: n }, () => Array.from({ length: kappa }, () => rng.gauss()));

  for (const trainBC of [false, true]) {
    it(`random points, ${trainBC ? 'learned' : 'fixed'} B, C`, () => {
      for (let trial = 0; trial < 5; trial++) {
        const d = 3 + trial;
        const kappa = 4 + trial;
        const teacher = resolveTeacher({ kind: 'diag', a: [0.9, 0.5] }, d);
        const model = new DiagonalSsm({ d, kappa, trainBC, teacher, gram: gramOfRows(randomRows(6, kappa), kappa), genWindow: 20 });
        const theta = Float64Array.from({ length: model.n }, () => 0.8 * (2 * rng.rand() - 1));
        const g = new Float64Array(model.n);
        model.grad(theta, g);
        expect(relError(g, fdGradient(model, theta))).toBeLessThan(1e-6);
        const H = new Float64Array(model.n * model.n);
        model.hess(theta, H);
        expect(relError(H, fdHessian(model, theta))).toBeLessThan(1e-6);
      }
    });
  }
});

describe('Theorem-1 mode closed forms (oracle 3)', () => {
  const a = [0.5, 0.4, 0.3, 0.2, 0.1, 0, -0.1, -0.2, -0.3, -0.4];
  const theta = Float64Array.from(a);

  it('S2 and S1 loss and gradient match the printed values and Sec. 3.3', () => {
    const s2 = thm1Model(10, 7, true);
    const g = new Float64Array(10);
    expect(s2.grad(theta, g)).toBeCloseTo(0.5999177070125, 12);
    expect(g[0]).toBeCloseTo(-0.6827365625, 10);
    expect(g[5]).toBeCloseTo(-0.5, 12);
    const s1 = thm1Model(10, 7, false);
    expect(s1.grad(theta, g)).toBeCloseTo(0.949835414025, 12);
    expect(g[0]).toBeCloseTo(-0.365473125, 10);
  });

  for (const poisoned of [false, true]) {
    it(`${poisoned ? 'S2' : 'S1'}: Gram form equals the written-out loss, gradient and Hessian`, () => {
      const model = thm1Model(10, 7, poisoned);
      const cf = thm1ClosedForm(a, 7, poisoned);
      const g = new Float64Array(10);
      expect(Math.abs(model.grad(theta, g) - cf.loss)).toBeLessThan(1e-14);
      expect(relError(g, cf.grad)).toBeLessThan(1e-13);
      const H = new Float64Array(100);
      model.hess(theta, H);
      expect(relError(H, cf.hess)).toBeLessThan(1e-13);
    });
  }
});

describe('the saddle s 1 of the poisoned flow (Lemmas 7-9, oracle 4)', () => {
  const cases = [
    { d: 10, L: 7, s: 0.1000060017, lp: 9.9969993, lm: -3.0007e-3 },
    { d: 20, L: 9, s: 0.0500000003, lp: 19.9999991, lm: -8.75e-7 },
    { d: 8, L: 7, s: 0.1250229085, lp: 7.9926709, lm: -7.329e-3 },
  ];
  for (const { d, L, s, lp, lm } of cases) {
    it(`(d, kappa) = (${d}, ${L}): s, zero gradient, lambda_+ and lambda_- from the model's Hessian`, () => {
      // Bisection on (L-1)(d s^(L-1) - 1) s^(L-2) + (d s - 1) = 0 over [1/d, 3/d].
      const F = (x: number) => (L - 1) * (d * x ** (L - 1) - 1) * x ** (L - 2) + (d * x - 1);
      let lo = 1 / d;
      let hi = 3 / d;
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (Math.sign(F(mid)) === Math.sign(F(lo))) lo = mid;
        else hi = mid;
      }
      const root = (lo + hi) / 2;
      expect(root).toBeCloseTo(s, 9);
      const model = thm1Model(d, L, true);
      const theta = new Float64Array(d).fill(root);
      const g = new Float64Array(d);
      model.grad(theta, g);
      expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-13);
      const H = new Float64Array(d * d);
      model.hess(theta, H);
      const eig = new EigenvalueDecomposition(new Matrix(Array.from({ length: d }, (_, i) => Array.from(H.subarray(i * d, i * d + d))))).realEigenvalues.sort((x, y) => x - y);
      expect(eig[d - 1]).toBeCloseTo(lp, 5);
      expect(Math.abs(eig[0] - lm) / Math.abs(lm)).toBeLessThan(1e-3);
      expect(eig[d - 1]).toBeGreaterThanOrEqual(d - 1);
      expect(eig[0]).toBeGreaterThan(-1);
      expect(eig[0]).toBeLessThan(0);
    });
  }
});

describe('effective rank', () => {
  it('is 1 for a one-hot vector and d for equal entries', () => {
    expect(effectiveRank([0, 0.7, 0, 0])).toBe(1);
    expect(effectiveRank(new Array(7).fill(-0.3))).toBeCloseTo(7, 12);
  });
});
