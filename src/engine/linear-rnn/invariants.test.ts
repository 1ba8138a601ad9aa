import { describe, expect, it } from 'vitest';
import { pow } from '../core/det-math';
import { Adam } from '../core/integrators/adam';
import { GradientFlow } from '../core/integrators/flow';
import { GradientDescent } from '../core/integrators/gd';
import type { Integrator } from '../core/integrators/types';
import { Rng } from '../core/rng';
import { studentInit } from './init';
import { LinearRnnProblem } from './problem';
import { balTeacher } from './teachers';
import { rk4 } from './tests/rk4';

const maxAbsDiff = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < y.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
};

const teacherW = balTeacher(0, 3, 'linspace').impulse(60);

describe('GF invariants (oracle 5)', () => {
  it('RK4, dt = 1e-3, 2000 steps from the full tiny case: max |Q(t) - Q(0)| < 1e-11', () => {
    const w = new Float64Array(60);
    w.set([1, 0, 0.5]);
    const p = new LinearRnnProblem({ param: 'full', d: 2, k: 3, w, loss: 'population', H: 10, hankelN: 3, tau: 1e-3 });
    const th0 = Float64Array.from([0.5, 0.2, -0.1, 0.3, 1, 0.5, 0.4, -0.2]);
    const Q0 = p.invariants(th0);
    let worst = 0;
    const th = rk4(p, th0, 1e-3, 2000, (x) => {
      worst = Math.max(worst, maxAbsDiff(p.invariants(x), Q0));
    });
    expect(worst).toBeLessThan(1e-11);
    // The flow did move (the loss fell) and Q is not trivially zero.
    expect(p.loss(th)).toBeLessThan(0.5 * p.loss(th0));
    expect(Math.max(...Array.from(Q0, Math.abs))).toBeGreaterThan(0.1);
    // ... and the metric invDrift reports the same drift.
    const q = new LinearRnnProblem({ param: 'full', d: 2, k: 3, w, loss: 'population', H: 10, hankelN: 3, tau: 1e-3, theta0: th0 });
    const m = new Float64Array(8);
    q.metrics(th, m);
    expect(m[4]).toBeLessThan(1e-11);
    expect(m[3]).toBeCloseTo(Q0[0] + Q0[3], 11); // trace Q = ||B||^2 - ||C||^2 (A A^T - A^T A is traceless)
  });

  it.each(['population', 'accumulating'] as const)('diagonal GF (the app GradientFlow, auto): every b_i^2 - c_i^2 is constant (%s)', (loss) => {
    const d = 4;
    const p = new LinearRnnProblem({ param: 'diag', d, k: 8, w: teacherW, loss, H: 20, hankelN: 5, tau: 1e-3 });
    const rng = new Rng(3);
    const th0 = Float64Array.from({ length: 3 * d }, (_, i) => (i < d ? 0.8 * rng.rand() - 0.4 : 0.6 * rng.gauss()));
    const q0 = p.invariants(th0);
    const flow = new GradientFlow(p, th0, 'auto', 1e-11, 1e-13);
    const L0 = flow.loss;
    let worst = 0;
    while (flow.t < 30) {
      expect(flow.step(30).ok).toBe(true);
      worst = Math.max(worst, maxAbsDiff(p.invariants(flow.theta), q0));
    }
    expect(flow.loss).toBeLessThan(1e-3 * L0);
    expect(worst).toBeLessThan(1e-9);
  });

  it('diagonal GD, exactly: (b_i^2 - c_i^2) <- (b_i^2 - c_i^2)(1 - eta^2 X_i^2)', () => {
    const d = 5;
    const k = 7;
    const eta = 0.05;
    const p = new LinearRnnProblem({ param: 'diag', d, k, w: teacherW, loss: 'accumulating', H: 20, hankelN: 5, tau: 1e-3 });
    const rng = new Rng(4);
    const th = Float64Array.from({ length: 3 * d }, (_, i) => (i < d ? 0.8 * rng.rand() - 0.4 : 0.7 * rng.gauss()));
    // X_i = sum_j g_j a_i^j with g = dL/dh = 2 (k - j) e_j, from the impulse written out here.
    const X = Array.from({ length: d }, (_, i) => {
      let s = 0;
      for (let j = 0; j < k; j++) {
        let h = 0;
        for (let m = 0; m < d; m++) h += th[d + m] * th[2 * d + m] * th[m] ** j;
        s += 2 * (k - j) * (h - teacherW[j]) * th[i] ** j;
      }
      return s;
    });
    const q0 = p.invariants(th);
    const gd = new GradientDescent(p, th, eta);
    gd.step();
    const q1 = p.invariants(gd.theta);
    let worst = 0;
    for (let i = 0; i < d; i++) worst = Math.max(worst, Math.abs(q1[i] - q0[i] * (1 - eta * eta * X[i] * X[i])) / Math.abs(q0[i]));
    expect(worst).toBeLessThan(1e-12);
    // The factor is a real change (not 1 to rounding).
    expect(Math.max(...X.map((x) => eta * eta * x * x))).toBeGreaterThan(1e-4);
  });
});

describe('balanced and symmetric starts stay exactly so under GD, Adam and GF (oracle 5)', () => {
  const runners: [string, (p: LinearRnnProblem, th: Float64Array) => Integrator][] = [
    ['GD', (p, th) => new GradientDescent(p, th, 0.01)],
    ['Adam', (p, th) => new Adam(p, th, 1e-2, 0.9, 0.999, 1e-8)],
    ['Adam (torch eps, MultiStepLR)', (p, th) => new Adam(p, th, 1e-2, 0.9, 0.999, 1e-8, [20, 50], 0.1, 'torch')],
    ['GF (dopri5)', (p, th) => new GradientFlow(p, th, 'dopri5', 1e-8, 1e-10)],
    ['GF (auto)', (p, th) => new GradientFlow(p, th, 'auto', 1e-8, 1e-10)],
  ];
  const steps = 200;

  it.each(runners)('diag with b = c: b = c bit for bit, %s', (_name, make) => {
    const d = 6;
    const p = new LinearRnnProblem({ param: 'diag', d, k: 10, w: teacherW, loss: 'population', H: 20, hankelN: 5, tau: 1e-3 });
    const th = studentInit(0, 'diag', d, 0.3, true, 'entrywise');
    const it = make(p, th);
    for (let s = 0; s < steps; s++) expect(it.step(1e9).ok).toBe(true);
    expect(Array.from(it.theta.slice(2 * d))).toEqual(Array.from(it.theta.slice(d, 2 * d)));
    expect(maxAbsDiff(it.theta, th)).toBeGreaterThan(1e-3);
  });

  it.each(runners)('sym with B = C^T: B = C bit for bit, %s', (_name, make) => {
    const d = 5;
    const m = (d * (d + 1)) / 2;
    const p = new LinearRnnProblem({ param: 'sym', d, k: 8, w: teacherW, loss: 'population', H: 20, hankelN: 5, tau: 1e-3 });
    const th = studentInit(1, 'sym', d, 0.3, true, 'entrywise');
    const it = make(p, th);
    for (let s = 0; s < steps; s++) expect(it.step(1e9).ok).toBe(true);
    expect(Array.from(it.theta.slice(m + d))).toEqual(Array.from(it.theta.slice(m, m + d)));
    expect(maxAbsDiff(it.theta, th)).toBeGreaterThan(1e-3);
  });

  it.each(runners)('full with A = A^T and B = C^T: A = A^T and B = C bit for bit, %s', (_name, make) => {
    const d = 5;
    const p = new LinearRnnProblem({ param: 'full', d, k: 8, w: teacherW, loss: 'accumulating', H: 20, hankelN: 5, tau: 1e-3 });
    const th = studentInit(2, 'full', d, 0.3, true, 'entrywise');
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) th[i * d + j] = th[j * d + i];
    const it = make(p, th);
    for (let s = 0; s < steps; s++) expect(it.step(1e9).ok).toBe(true);
    const x = it.theta;
    let asym = 0;
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) asym = Math.max(asym, Math.abs(x[i * d + j] - x[j * d + i]));
    expect(asym).toBe(0);
    expect(Array.from(x.slice(d * d + d))).toEqual(Array.from(x.slice(d * d, d * d + d)));
    expect(maxAbsDiff(x, th)).toBeGreaterThan(1e-3);
    // Under Adam from a non-symmetric start the asymmetry is not preserved (the check is not vacuous).
    const th2 = studentInit(2, 'full', d, 0.3, true, 'entrywise');
    const a2 = new Adam(p, th2, 1e-2, 0.9, 0.999, 1e-8);
    a2.step();
    expect(maxAbsDiff(a2.theta, th2)).toBeGreaterThan(0);
  });
});

describe('the stiff GF solver keeps balance and symmetry to rounding, not bit for bit', () => {
  // RODAS4 solves (I / (h gamma) - J) k = f by LU with partial pivoting, which does not commute with the b <-> c
  // (or A <-> A^T) swap; the drift stays at the rounding level (measured ~1e-16 and ~3e-15 here).
  it('diag (closed-form Hessian) and full (difference Hessian), 200 RODAS4 steps', () => {
    const d = 6;
    const p = new LinearRnnProblem({ param: 'diag', d, k: 10, w: teacherW, loss: 'population', H: 20, hankelN: 5, tau: 1e-3 });
    const th = studentInit(0, 'diag', d, 0.3, true, 'entrywise');
    const f = new GradientFlow(p, th, 'rodas4', 1e-8, 1e-10);
    for (let s = 0; s < 200; s++) expect(f.step(1e9).ok).toBe(true);
    expect(maxAbsDiff(f.theta.slice(2 * d), f.theta.slice(d, 2 * d))).toBeLessThan(1e-14);
    const pf = new LinearRnnProblem({ param: 'full', d: 5, k: 8, w: teacherW, loss: 'accumulating', H: 20, hankelN: 5, tau: 1e-3 });
    const t2 = studentInit(2, 'full', 5, 0.3, true, 'entrywise');
    for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) t2[i * 5 + j] = t2[j * 5 + i];
    const f2 = new GradientFlow(pf, t2, 'rodas4', 1e-8, 1e-10);
    for (let s = 0; s < 200; s++) expect(f2.step(1e9).ok).toBe(true);
    const x = f2.theta;
    let asym = 0;
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) asym = Math.max(asym, Math.abs(x[i * 5 + j] - x[j * 5 + i]));
    expect(asym).toBeLessThan(1e-13);
    expect(maxAbsDiff(x.slice(30), x.slice(25, 30))).toBeLessThan(1e-13);
  });
});

describe('Adam with MultiStepLR (Sec. 4.1) and the torch eps placement', () => {
  const d = 4;
  const p = new LinearRnnProblem({ param: 'diag', d, k: 6, w: teacherW, loss: 'population', H: 20, hankelN: 5, tau: 1e-3 });
  const th0 = studentInit(3, 'diag', d, 0.2, false, 'entrywise');

  /** Adam written out: lr(t) = lr gamma^#{m < t}; 'hat': lr_t m / (sqrt v + eps); 'torch': lr mhat / (sqrt vhat + eps). */
  function reference(steps: number, lr: number, milestones: number[], gamma: number, form: 'hat' | 'torch') {
    const th = Float64Array.from(th0);
    const g = new Float64Array(p.n);
    const m = new Float64Array(p.n);
    const v = new Float64Array(p.n);
    const b1 = 0.9;
    const b2 = 0.999;
    const eps = 1e-8;
    p.grad(th, g);
    let lrNow = lr;
    for (let t = 1; t <= steps; t++) {
      for (const ms of milestones) if (ms === t - 1) lrNow *= gamma;
      for (let i = 0; i < p.n; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        if (form === 'hat') th[i] -= (((lrNow * Math.sqrt(1 - pow(b2, t))) / (1 - pow(b1, t))) * m[i]) / (Math.sqrt(v[i]) + eps);
        else th[i] -= ((lrNow / (1 - pow(b1, t))) * m[i]) / (Math.sqrt(v[i]) / Math.sqrt(1 - pow(b2, t)) + eps);
      }
      p.grad(th, g);
    }
    return th;
  }

  it('without a schedule: the same numbers as before, bit for bit (and as with an empty schedule)', () => {
    const a = new Adam(p, th0, 1e-2, 0.9, 0.999, 1e-8);
    const b = new Adam(p, th0, 1e-2, 0.9, 0.999, 1e-8, [], 0.1);
    for (let s = 0; s < 300; s++) {
      a.step();
      b.step();
    }
    expect(Array.from(a.theta)).toEqual(Array.from(reference(300, 1e-2, [], 0.1, 'hat')));
    expect(Array.from(b.theta)).toEqual(Array.from(a.theta));
    expect(a.t).toBeCloseTo(3, 12);
  });

  it('milestones [100, 200], gamma 0.1: updates 1..100 at lr, 101..200 at lr/10, then lr/100', () => {
    const a = new Adam(p, th0, 1e-2, 0.9, 0.999, 1e-8, [200, 100], 0.1);
    const lrs: number[] = [];
    for (let s = 0; s < 250; s++) {
      a.step();
      lrs.push(a.info().lr);
    }
    expect(lrs[99]).toBe(1e-2);
    expect(lrs[100]).toBeCloseTo(1e-3, 18);
    expect(lrs[199]).toBeCloseTo(1e-3, 18);
    expect(lrs[200]).toBeCloseTo(1e-4, 18);
    expect(Array.from(a.theta)).toEqual(Array.from(reference(250, 1e-2, [100, 200], 0.1, 'hat')));
    expect(a.t).toBeCloseTo(100 * 1e-2 + 100 * 1e-3 + 50 * 1e-4, 12);
    const t = new Adam(p, th0, 1e-2, 0.9, 0.999, 1e-8, [100, 200], 0.1, 'torch');
    for (let s = 0; s < 250; s++) t.step();
    expect(Array.from(t.theta)).toEqual(Array.from(reference(250, 1e-2, [100, 200], 0.1, 'torch')));
    expect(maxAbsDiff(t.theta, a.theta)).toBeGreaterThan(0);
  });

  it('GD with milestones: t is the sum of the step sizes; without: as before', () => {
    const a = new GradientDescent(p, th0, 1e-2);
    const b = new GradientDescent(p, th0, 1e-2, [5], 0.5);
    const c = Float64Array.from(th0);
    const g = new Float64Array(p.n);
    for (let s = 1; s <= 10; s++) {
      a.step();
      b.step();
      p.grad(c, g);
      const lr = s > 5 ? 5e-3 : 1e-2;
      for (let i = 0; i < p.n; i++) c[i] -= lr * g[i];
    }
    expect(a.t).toBe(10 * 1e-2);
    expect(b.t).toBeCloseTo(5 * 1e-2 + 5 * 5e-3, 15);
    expect(Array.from(b.theta)).toEqual(Array.from(c));
  });
});
