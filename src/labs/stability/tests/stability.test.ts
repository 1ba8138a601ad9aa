import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow } from '../schema';
import { createStepper } from '../../../engine/core/integrators/ode';
import { gradientFlowSystem } from '../../../engine/core/integrators/flow';
import { Rng } from '../../../engine/core/rng';
import { buildRun } from '../../../experiment/build-run';
import { fdGradient, fdHessian, relError } from '../../../engine/core/finite-diff';
import {
  balancedTwoCycle,
  closedFormFlow,
  embed,
  gdStepVec,
  oneStepThresholds,
  reduceToScalar,
  runGdScalar,
  sharpness,
  sharpnessOf,
  StabilityModel,
} from '../../../engine/stability/stability';
import { drawOracle7Start, gaussians } from '../../../engine/stability/tests/oracle7-draw';

const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);
const dot = (x: ArrayLike<number>, y: ArrayLike<number>) => Array.from(x).reduce((s, v, i) => s + v * y[i], 0);
const sq = (x: ArrayLike<number>) => dot(x, x);
/** Significant-digit check: |x - y| <= 0.5e-(digits-1) |y|. */
const sig = (x: number, y: number, digits = 9) => expect(Math.abs(x - y)).toBeLessThanOrEqual(0.6 * 10 ** -(digits - 1) * Math.abs(y));

function run(a0: number, b0: number, eta: number, tol = 1e-12, maxSteps = 100000, extra: Partial<Parameters<typeof runGdScalar>[2]> = {}) {
  return runGdScalar(a0, b0, { phi: 1, eta, lossBelow: (tol * tol) / 2, maxSteps, ...extra });
}

describe('stability model: gradient and Hessian', () => {
  it('matches finite differences for d = 1..4', () => {
    const rng = new Rng(7);
    for (let d = 1; d <= 4; d++) {
      for (let rep = 0; rep < 5; rep++) {
        const theta = Float64Array.from({ length: 2 * d }, () => rng.gauss());
        const model = new StabilityModel(d, 0.5 + rng.rand(), theta);
        const g = new Float64Array(2 * d);
        model.grad(theta, g);
        expect(relError(g, fdGradient(model, theta))).toBeLessThan(1e-8);
        const H = new Float64Array(4 * d * d);
        model.hess(theta, H);
        expect(relError(H, fdHessian(model, theta))).toBeLessThan(1e-8);
      }
    }
  });

  it('sharpness formula equals the top eigenvalue of the Hessian (2000 points, d = 1..5)', () => {
    const rng = new Rng(11);
    let worst = 0;
    for (let k = 0; k < 2000; k++) {
      const d = 1 + (k % 5);
      const theta = Float64Array.from({ length: 2 * d }, () => rng.gauss() * 10 ** (rng.rand() - 0.5));
      const phi = 0.2 + 2 * rng.rand();
      const model = new StabilityModel(d, phi, theta);
      const H = new Float64Array(4 * d * d);
      model.hess(theta, H);
      const n = 2 * d;
      const eig = new EigenvalueDecomposition(new Matrix(Array.from({ length: n }, (_, i) => Array.from(H.subarray(i * n, i * n + n)))), { assumeSymmetric: true });
      const top = Math.max(...eig.realEigenvalues);
      worst = Math.max(worst, rel(sharpnessOf(theta.subarray(0, d), theta.subarray(d), phi), top));
    }
    // The eigensolver itself is accurate to a few ulps of ||H||; 1e-13 leaves room for that.
    expect(worst).toBeLessThan(1e-13);
  });
});

describe('exact one-step identities of GD (Eqs. 6-8 and extensions)', () => {
  it('eps, lam, Q_i, p, q and alpha obey their updates to 1e-12 relative, d = 1..8', () => {
    const rng = new Rng(3);
    for (let k = 0; k < 400; k++) {
      const d = 1 + (k % 8);
      const a = Float64Array.from(gaussians(rng, d));
      const b = Float64Array.from(gaussians(rng, d));
      const phi = 0.1 + 2 * rng.rand();
      const eta = 0.01 + 0.6 * rng.rand();
      const eps = dot(a, b) - phi;
      const lam = sq(a) + sq(b);
      const Q = Array.from(a, (ai, i) => ai * ai - b[i] * b[i]);
      const p = Array.from(a, (ai, i) => ai + b[i]);
      const q = Array.from(a, (ai, i) => ai - b[i]);
      const K2 = sq(p) * sq(q);
      const alpha = lam * lam - 8 * eps * (eps + phi) + 4 * eps * eps;
      const a1 = Float64Array.from(a);
      const b1 = Float64Array.from(b);
      gdStepVec(a1, b1, phi, eta);
      const eps1 = dot(a1, b1) - phi;
      const lam1 = sq(a1) + sq(b1);
      const f = 1 - eta * eta * eps * eps;
      // Compare against the predictions with the scale of the terms involved (cancellation-aware).
      expect(Math.abs(eps1 - eps * (1 - eta * lam + eta * eta * eps * (eps + phi)))).toBeLessThan(1e-12 * Math.max(Math.abs(eps1), lam * (1 + Math.abs(eps)) * 1e-2, 1));
      expect(rel(lam1, (1 + eta * eta * eps * eps) * lam - 4 * eta * eps * (eps + phi))).toBeLessThan(1e-12);
      for (let i = 0; i < d; i++) {
        expect(Math.abs(a1[i] ** 2 - b1[i] ** 2 - f * Q[i])).toBeLessThan(1e-12 * Math.max(Math.abs(f * Q[i]), lam));
        // p_i, q_i are differences of a_i, b_i: their rounding scales with |a1_i| + |b1_i|, not with |p_i| or |q_i|.
        const scale = Math.abs(a1[i]) + Math.abs(b1[i]);
        expect(Math.abs(a1[i] + b1[i] - (1 - eta * eps) * p[i])).toBeLessThan(1e-12 * scale);
        expect(Math.abs(a1[i] - b1[i] - (1 + eta * eps) * q[i])).toBeLessThan(1e-12 * scale);
      }
      const alpha1 = lam1 * lam1 - 8 * eps1 * (eps1 + phi) + 4 * eps1 * eps1;
      expect(Math.abs(alpha1 - (alpha - eta * eta * eps * eps * (2 - eta * eta * eps * eps) * K2))).toBeLessThan(1e-12 * Math.max(alpha, 1) * 10);
    }
  });

  it('alpha update at (2, 0.3), eta 0.3 is -0.437127139584 (the paper’s formula gives -0.433957)', () => {
    const a = Float64Array.of(2);
    const b = Float64Array.of(0.3);
    const alpha = (x: number, y: number) => (x * x + y * y) ** 2 - 8 * (x * y - 1) * x * y + 4 * (x * y - 1) ** 2;
    const al0 = alpha(2, 0.3);
    gdStepVec(a, b, 1, 0.3);
    expect(alpha(a[0], b[0]) - al0).toBeCloseTo(-0.437127139584, 11);
  });

  it("one-step thresholds eta_1, eta_2 give eps' = 0 and eps' = -eps", () => {
    const { eta1, eta2 } = oneStepThresholds(1.7 * 0.4 - 1, 1.7 ** 2 + 0.4 ** 2, 1);
    sig(eta1, 0.320538587);
    sig(eta2, 0.627633501);
    const rng = new Rng(5);
    for (let k = 0; k < 200; k++) {
      const a = rng.gauss() * 2;
      const b = rng.gauss() * 2;
      const eps = a * b - 1;
      const lam = a * a + b * b;
      const th = oneStepThresholds(eps, lam, 1);
      for (const [eta, target] of [
        [th.eta1, 0],
        [th.eta2, -eps],
      ] as const) {
        if (!Number.isFinite(eta)) continue;
        const x = Float64Array.of(a);
        const y = Float64Array.of(b);
        gdStepVec(x, y, 1, eta);
        expect(Math.abs(x[0] * y[0] - 1 - target)).toBeLessThan(1e-12 * Math.max(1, lam * Math.abs(eps)));
      }
    }
  });
});

describe('reference GD trajectories and presets (Sec. 5, 6)', () => {
  it('S-ref: first steps and final values', () => {
    const r = run(2, 0.3, 0.1, 1e-12, 100000, { record: true });
    const t = r.trace!;
    expect(t.eps[0]).toBeCloseTo(-0.4, 14);
    sig(t.S[0], 4.010203551798, 12);
    sig(t.a[1], 2.012, 13);
    sig(t.b[1], 0.38, 13);
    sig(t.eps[1], -0.23544, 12);
    sig(t.lam[1], 4.192544, 12);
    sig(t.S[1], 4.118590540385, 12);
    sig(t.a[2], 2.02094672, 12);
    sig(t.b[2], 0.427370528, 12);
    sig(t.eps[2], -0.1363069332137, 12);
    sig(t.lam[2], 4.266871213282, 12);
    expect(r.outcome).toBe('converged');
    expect(r.steps).toBe(47);
    sig(r.lam, 4.383371354);
    sig(r.qRatio, 0.997571781);
    sig(r.a, 2.035175302);
    sig(r.b, 0.491358164);
    // The product of factors equals the measured imbalance ratio (oracle 6).
    expect(rel((r.a * r.a - r.b * r.b) / 3.91, r.qRatio)).toBeLessThan(1e-12);
    // Observed contraction of eps near the end: 1 - eta lam_inf.
    const n = t.n;
    expect(t.eps[n - 1] / t.eps[n - 2]).toBeCloseTo(1 - 0.1 * 4.383371, 3);
  });

  const table: [string, number, number, number, number?][] = [
    // id, steps, lam, Q ratio, digits
    ['S-gdgf', 392, 4.391141, NaN, 7],
    ['S-beyond', 76, 3.367431271, 0.692881941],
    ['S-flip', 68, 2.20019, -0.23452, 6],
    ['S-regC', 34, 2.053432029, 0.620513187],
    ['S-eos-slow', 1608, 2.010197, -0.269625, 6],
    ['S-saddle', 83, 2.0000000003, 0.347338883],
    ['S-catapult', 22, 2.707415056, 0.202987224],
    ['S-osc', 52, 4.898602132, 0.715761918],
    ['S-unstable-min', 334, 8.250428461, 0.899881509],
  ];
  it.each(table)('%s converges as tabulated', (id, steps, lam, qr, digits = 9) => {
    const row = STABILITY_PRESET_ROWS.find((r) => r.id === id)!;
    const r = run(row.a[0], row.b[0], row.eta, row.tol ?? 1e-12);
    expect(r.outcome).toBe('converged');
    expect(r.steps).toBe(steps);
    sig(r.lam, lam, digits);
    if (!Number.isNaN(qr)) sig(r.qRatio, qr, digits);
    expect(r.lam).toBeLessThanOrEqual((2 / row.eta) * (1 + 1e-9));
  });

  it('S-div1 and S-div2 diverge at steps 12 and 6', () => {
    const d1 = run(2, 0.3, 0.9);
    expect(d1.outcome).toBe('diverged');
    expect(d1.steps).toBe(12);
    const d2 = run(3, 0.1, 0.5);
    expect(d2.outcome).toBe('diverged');
    expect(d2.steps).toBe(6);
  });

  it('S-d2 (d = 2) through the shared run loop: 26 steps, lam 2.716819074, K ratio 0.919389183', () => {
    const spec = stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === 'S-d2')!);
    const f = buildRun({ ...spec, record: { every: 1000, perDecade: 40 } }).runToEnd();
    expect(f.stop.reason).toBe('converged');
    expect(f.step).toBe(26);
    sig(f.metrics.lam, 2.716819074);
    sig(f.metrics.K / 2, 0.919389183);
    sig(f.metrics.Q / 2, 0.919389183);
  });

  it('S-trap: from (3, 2) at eta 0.2 one step lands on (1, -1) exactly, then a = -b to the saddle', () => {
    const r = run(3, 2, 0.2, 1e-12, 2000, { record: true });
    const t = r.trace!;
    expect([t.a[1], t.b[1]]).toEqual([1, -1]);
    expect([t.a[2], t.b[2]]).toEqual([0.6, -0.6]);
    expect(t.a[3]).toBeCloseTo(0.4368, 14);
    for (let k = 1; k < t.n; k++) expect(t.a[k]).toBe(-t.b[k]);
    expect(r.outcome).not.toBe('converged');
    expect(Math.abs(r.a)).toBeLessThan(1e-100);
    expect(0.5 * r.eps * r.eps).toBeCloseTo(0.5, 14);
    expect(t.eps[t.n - 1] * 0 + (t.a[t.n - 1] + 1e-300) / (t.a[t.n - 2] + 1e-300)).toBeCloseTo(0.8, 6);
  });

  it('S-balanced-hit: from (4, -1) at eta 0.2 GD steps to (3, 3) and reaches (-1, -1)', () => {
    const r = run(4, -1, 0.2, 1e-12, 100000, { record: true });
    const t = r.trace!;
    expect([t.a[1], t.b[1]]).toEqual([3, 3]);
    expect(t.a[2]).toBeCloseTo(-1.8, 14);
    expect(t.a[3]).toBeCloseTo(-0.9936, 14);
    for (let k = 1; k < t.n; k++) expect(t.a[k]).toBe(t.b[k]);
    expect(r.outcome).toBe('converged');
    expect(r.a).toBeCloseTo(-1, 12);
    expect(r.b).toBeCloseTo(-1, 12);
    expect(r.lam).toBeCloseTo(2, 11);
  });
});

describe('gradient flow: closed form vs the ODE solution', () => {
  const odeAt = (a0: number[], b0: number[], phi: number, times: number[]) => {
    const d = a0.length;
    const theta0 = Float64Array.from([...a0, ...b0]);
    const model = new StabilityModel(d, phi, theta0);
    const st = createStepper('dopri5', gradientFlowSystem(model), 0, theta0, { rtol: 1e-12, atol: 1e-14 });
    const out: Float64Array[] = [];
    const invariants: { Q: number[]; K: number; alpha: number }[] = [];
    for (const t of times) {
      while (st.t < t) expect(st.step(t).ok).toBe(true);
      const y = Float64Array.from(st.y);
      out.push(y);
      const a = y.subarray(0, d);
      const b = y.subarray(d);
      const eps = dot(a, b) - phi;
      const lam = sq(a) + sq(b);
      invariants.push({
        Q: Array.from(a, (ai, i) => ai * ai - b[i] * b[i]),
        K: Math.sqrt(sq(Array.from(a, (ai, i) => ai + b[i])) * sq(Array.from(a, (ai, i) => ai - b[i]))),
        alpha: lam * lam - 8 * eps * (eps + phi) + 4 * eps * eps,
      });
    }
    return { out, invariants };
  };

  it('agrees with DOPRI5 (rtol 1e-12) to 1e-9 and with the reference values for (2, 0.3)', () => {
    const times = [0.5, 1, 2, 5];
    const cf = closedFormFlow([2], [0.3], 1);
    const { out } = odeAt([2], [0.3], 1, times);
    times.forEach((t, i) => {
      const p = cf.at(t);
      expect(Math.abs(p.a[0] - out[i][0])).toBeLessThan(1e-9);
      expect(Math.abs(p.b[0] - out[i][1])).toBeLessThan(1e-9);
    });
    const p05 = cf.at(0.5);
    sig(p05.a[0], 2.032144393615, 12);
    sig(p05.b[0], 0.468626542677, 12);
    sig(p05.eps, -4.768319859887e-2, 11);
    sig(p05.lam, 4.349221673004, 12);
    const p1 = cf.at(1);
    sig(p1.eps, -5.351631199198e-3, 11);
    sig(p1.lam, 4.386958115851, 12);
    sig(cf.at(2).eps, -6.631593796302e-5, 10);
    sig(cf.at(5).eps, -1.257742627e-10, 9);
    // The stable form of eps keeps its digits far past 1e-16.
    sig(cf.at(10).eps, -3.6549e-20, 4);
    sig(cf.R, 4.391822, 7);
    const lim = cf.limit();
    sig(lim.a[0], 2.0373784559, 10);
    sig(lim.b[0], 0.4908268256, 10);
    // Path identity sinh(2 u_inf) = 2 Phi / Q0 with a = sqrt(Q0) cosh u, b = sqrt(Q0) sinh u.
    const u = Math.asinh(lim.b[0] / Math.sqrt(3.91));
    expect(rel(Math.sinh(2 * u), 2 / 3.91)).toBeLessThan(1e-12);
  });

  it('d = 2 (S-d2): closed form agrees with DOPRI5 and the reference values', () => {
    const cf = closedFormFlow([1, 0], [0, 1], 1);
    const { out } = odeAt([1, 0], [0, 1], 1, [0.5, 1]);
    const p = cf.at(0.5);
    expect(relError(Float64Array.from([...p.a, ...p.b]), out[0])).toBeLessThan(1e-9);
    sig(p.a[0], 1.04861649061, 11);
    sig(p.a[1], 0.315589201938, 11);
    sig(p.eps, -0.338135917179, 11);
    sig(cf.at(1).eps, -0.09341171112273, 11);
    expect(relError(Float64Array.from([...cf.at(1).a, ...cf.at(1).b]), out[1])).toBeLessThan(1e-9);
  });

  it('Q_i, K and alpha stay constant along the ODE solution to 1e-9 relative', () => {
    const rng = new Rng(19);
    for (let rep = 0; rep < 6; rep++) {
      const d = 1 + (rep % 3);
      const a0 = gaussians(rng, d);
      const b0 = gaussians(rng, d);
      const { invariants } = odeAt(a0, b0, 1, [0, 0.3, 1, 3, 8]);
      const first = invariants[0];
      for (const inv of invariants) {
        inv.Q.forEach((qi, i) => expect(Math.abs(qi - first.Q[i])).toBeLessThan(1e-9 * Math.max(first.K, 1e-3)));
        expect(rel(inv.K, first.K)).toBeLessThan(1e-9);
        expect(rel(inv.alpha, first.alpha)).toBeLessThan(1e-9);
      }
    }
  });

  it('I_GF in closed form matches quadrature and the tabulated values', () => {
    for (const [a0, b0, want] of [
      [2, 0.3, 0.0191451],
      [1, -0.5, 1.181512],
      [0.1, 0.05, 2.09339],
      [0.01, 0.001, 4.703032],
    ] as const) {
      const cf = closedFormFlow([a0], [b0], 1);
      sig(cf.integralEps2, want, 6);
      // Composite Simpson on a fine grid up to t = 60.
      const N = 60000;
      const h = 60 / N;
      let s = 0;
      for (let i = 0; i <= N; i++) s += (i === 0 || i === N ? 1 : i % 2 ? 4 : 2) * cf.at(i * h).eps ** 2;
      expect(rel((s * h) / 3, cf.integralEps2)).toBeLessThan(1e-9);
    }
  });
});

describe('balanced 2-cycle (Sec. 3.6)', () => {
  it('matches the tabulated lam+- and sqrt(lam+ lam-) = 2/eta', () => {
    const c1 = balancedTwoCycle(1.01, 1)!;
    sig(c1.lamPlus, 2.188366, 7);
    sig(c1.lamMinus, 1.791832, 7);
    const c2 = balancedTwoCycle(1.2, 1)!;
    sig(c2.lamPlus, 2.597096, 7);
    sig(c2.lamMinus, 1.069571, 7);
    for (const eta of [1.05, 1.1, 1.2, 1.23]) {
      const c = balancedTwoCycle(eta, 1)!;
      expect(rel(Math.sqrt(c.lamPlus * c.lamMinus), 2 / eta)).toBeLessThan(1e-14);
      // The cycle points map into each other under one GD step on a = b (x = a^2).
      const r = Math.sqrt(c.xPlus);
      const a = Float64Array.of(r);
      const b = Float64Array.of(r);
      gdStepVec(a, b, 1, eta);
      expect(rel(a[0] * a[0], c.xMinus)).toBeLessThan(1e-13);
    }
  });

  it('S-cycle: GD from (1.2, 0.8) at eta 1.1 settles on the 2-cycle with a - b -> 0', () => {
    const r = run(1.2, 0.8, 1.1, 1e-12, 20000, { periodicAfter: Infinity });
    expect(r.outcome).toBe('max-steps');
    const c = balancedTwoCycle(1.1, 1)!;
    const lams = [r.lam, (r.a - 1.1 * r.eps * r.b) ** 2 * 2];
    expect(Math.min(...lams.map((l) => Math.min(rel(l, c.lamPlus), rel(l, c.lamMinus))))).toBeLessThan(1e-9);
    sig(Math.max(r.lam, c.lamPlus), 2.491193112);
    expect(Math.abs(r.a - r.b)).toBeLessThan(1e-14);
    const p = run(1.2, 0.8, 1.1);
    expect(p.outcome).toBe('periodic');
    expect(p.period).toBe(2);
  });
});

describe('the 2/eta bound and strict flattening over a random batch (oracle 7)', () => {
  it('every converged run of 2000 ends with lam <= 2/eta; flatter than GF when max eta|eps| < sqrt2', () => {
    const rng = new Rng(2024);
    let converged = 0;
    let flatter = 0;
    for (let k = 0; k < 2000; k++) {
      const { a0, b0, eta } = drawOracle7Start(rng);
      const r = runGdScalar(a0, b0, { phi: 1, eta, lossBelow: 0.5e-24, maxSteps: 20000 });
      if (r.outcome !== 'converged') continue;
      converged++;
      expect(r.S).toBeLessThanOrEqual((2 / eta) * (1 + 1e-9));
      const R = closedFormFlow([a0], [b0], 1).R;
      const Q0 = a0 * a0 - b0 * b0;
      if (r.maxEtaEps < Math.SQRT2 && Q0 !== 0 && r.steps > 0) {
        flatter++;
        // Strictly less imbalance than at the start, and a limit no sharper than gradient flow's.
        expect(Math.abs(r.qRatio)).toBeLessThan(1);
        const lamInf = Math.sqrt((Q0 * r.qRatio) ** 2 + 4);
        expect(lamInf).toBeLessThanOrEqual(R);
        if (Math.abs(Q0) > 1e-3) expect(lamInf).toBeLessThan(R);
      }
      // lam_inf from the product of factors (Sec. 3.5).
      expect(rel(r.lam, Math.sqrt((Q0 * r.qRatio) ** 2 + 4))).toBeLessThan(1e-9);
    }
    expect(converged).toBeGreaterThan(1000);
    expect(flatter).toBeGreaterThan(800);
  });
});

describe('exact reduction of any d to d = 1 (Sec. 2.3)', () => {
  it('d = 7: identical eps(t), lam(t) for 300 steps, and the embedding is exact', () => {
    const rng = new Rng(77);
    const a = Float64Array.from({ length: 7 }, () => rng.gauss() * 0.6);
    const b = Float64Array.from({ length: 7 }, () => rng.gauss() * 0.6);
    const red = reduceToScalar(a, b);
    const x = Float64Array.of(red.a);
    const y = Float64Array.of(red.b);
    for (let t = 0; t < 300; t++) {
      const eps = dot(a, b) - 1;
      const lam = sq(a) + sq(b);
      expect(Math.abs(x[0] * y[0] - 1 - eps)).toBeLessThan(1e-12 * Math.max(1, lam));
      expect(rel(x[0] ** 2 + y[0] ** 2, lam)).toBeLessThan(1e-12);
      const [ea, eb] = embed(a, b, red);
      expect(rel(ea * eb, dot(a, b))).toBeLessThan(1e-11);
      gdStepVec(a, b, 1, 0.3);
      gdStepVec(x, y, 1, 0.3);
    }
  });
});

describe('paper claims checked numerically (Sec. 8)', () => {
  it('Theorem 1 upper bound holds; its lower bound fails for (0.01, 0.001)', () => {
    for (const eta of [0.1, 0.4]) {
      const r = run(0.01, 0.001, eta, 1e-8);
      expect(r.maxEtaEps).toBeLessThan(1);
      expect(Math.abs(r.qRatio)).toBeLessThanOrEqual(Math.exp(-eta * eta * r.sumEps2) * (1 + 1e-12));
      const lower = Math.exp((-Math.sqrt(eta) * 1 ** 2) / 1);
      expect(Math.abs(r.qRatio)).toBeLessThan(lower);
    }
    sig(run(0.01, 0.001, 0.1, 1e-8).qRatio, 0.60828, 5);
  });

  it('Lemma 1 counterexample: |eps| decreasing yet lam(1) > lam_bar', () => {
    const r = run(-0.26904, -1.44695, 0.67118, 1e-12, 100000, { record: true });
    const t = r.trace!;
    for (let k = 1; k < t.n; k++) expect(Math.abs(t.eps[k])).toBeLessThanOrEqual(Math.abs(t.eps[k - 1]));
    const lamBar = Math.sqrt(t.lam[0] ** 2 + 4);
    sig(t.lam[1], 3.168251, 7);
    sig(lamBar, 2.948179, 7);
    expect(t.lam[1]).toBeGreaterThan(lamBar);
  });

  it('S-flip-boundary decays like t^(-1/2), not 1/t', () => {
    const r = run(0.7, 0.69, 1, 1e-12, 10000, { record: true, periodicAfter: Infinity });
    const t = r.trace!;
    expect(Math.abs(t.eps[100]) * Math.sqrt(100)).toBeCloseTo(0.469, 3);
    expect(Math.abs(t.eps[1000]) * Math.sqrt(1000)).toBeCloseTo(0.5, 3);
    expect(Math.abs(t.eps[10000]) * Math.sqrt(10000)).toBeCloseTo(0.504, 3);
  });

  it('sharpness(eps, lam, Phi) agrees with the vector form', () => {
    expect(rel(sharpness(-0.4, 4.09, 1), 4.010203551798)).toBeLessThan(1e-12);
  });
});
