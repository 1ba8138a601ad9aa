import { describe, expect, it } from 'vitest';
import { fdGradient, fdHessian, relError } from '../core/finite-diff';
import { Rng } from '../core/rng';
import { studentInit } from './init';
import { betaBC, denseA, impulseOf, paramCount, type StudentParam } from './metrics';
import { type LinearRnnConfig, LinearRnnProblem, type LossKind } from './problem';
import { balTeacher, delayTeacher, twinTeacher } from './teachers';
import { rk4 } from './tests/rk4';

const PARAMS: StudentParam[] = ['diag-tied', 'diag', 'sym', 'full'];
const LOSSES: LossKind[] = ['population', 'accumulating', 'empirical', 'empirical-acc'];

/** A teacher impulse padded to length L (the problem needs max(k, H, 2 hankelN - 1) values). */
const padded = (w: number[], L = 60) => {
  const out = new Float64Array(L);
  out.set(w);
  return out;
};

const make = (o: Partial<LinearRnnConfig> & Pick<LinearRnnConfig, 'param' | 'd' | 'k' | 'w'>) => new LinearRnnProblem({ loss: 'population', H: 20, hankelN: 5, tau: 1e-3, ...o });

/**
 * The RNN by its recursion s_0 = 0, s_{t+1} = A s_t + B x_t, y_t = C s_t (Sec. 2.1), for a dense realisation.
 * Returns y_0..y_T for T = x.length.
 */
function rnnOutputs(A: ArrayLike<number>, B: ArrayLike<number>, C: ArrayLike<number>, d: number, x: ArrayLike<number>): number[] {
  let s = new Float64Array(d);
  const y: number[] = [];
  for (let t = 0; t <= x.length; t++) {
    let yt = 0;
    for (let i = 0; i < d; i++) yt += C[i] * s[i];
    y.push(yt);
    if (t === x.length) break;
    const nx = new Float64Array(d);
    for (let p = 0; p < d; p++) {
      let v = B[p] * x[t];
      for (let q = 0; q < d; q++) v += A[p * d + q] * s[q];
      nx[p] = v;
    }
    s = nx;
  }
  return y;
}

/** Dense (A, B, C) of any student. */
function realise(param: StudentParam, d: number, theta: Float64Array) {
  const A = denseA(param, d, theta);
  const nA = paramCount(param, d) - (param === 'diag-tied' ? d : 2 * d);
  const B = theta.slice(nA, nA + d);
  const C = param === 'diag-tied' ? B : theta.slice(nA + d, nA + 2 * d);
  return { A, B, C };
}

/** A random, stable-ish student of each parameterisation. */
function randomTheta(param: StudentParam, d: number, rng: Rng, scaleA = 0.35): Float64Array {
  const th = new Float64Array(paramCount(param, d));
  const nA = param === 'diag' || param === 'diag-tied' ? d : param === 'sym' ? (d * (d + 1)) / 2 : d * d;
  for (let i = 0; i < nA; i++) th[i] = (param === 'diag' || param === 'diag-tied' ? 1.6 : (2 * scaleA) / Math.sqrt(d)) * (rng.rand() - 0.5);
  for (let i = nA; i < th.length; i++) th[i] = 0.8 * rng.gauss();
  return th;
}

describe('forward pass (oracle 1)', () => {
  it('the recursion reproduces y_t = sum_j h_(t-1-j) x_j (y_0 = 0) to 1e-12, every parameterisation', () => {
    const rng = new Rng(1);
    for (const param of PARAMS) {
      const d = 5;
      const th = randomTheta(param, d, rng, 0.9);
      const { A, B, C } = realise(param, d, th);
      const x = Array.from({ length: 12 }, () => rng.gauss());
      const y = rnnOutputs(A, B, C, d, x);
      const h = impulseOf(param, d, th, 12);
      expect(y[0]).toBe(0);
      let worst = 0;
      for (let t = 1; t <= 12; t++) {
        let conv = 0;
        for (let j = 0; j < t; j++) conv += h[t - 1 - j] * x[j];
        worst = Math.max(worst, Math.abs(y[t] - conv));
      }
      expect(worst).toBeLessThan(1e-12);
      // The impulse input (1, 0, 0, ...) gives y_t = h_(t-1): Definition 1's response is h shifted by one step.
      const yi = rnnOutputs(A, B, C, d, [1, 0, 0, 0, 0]);
      for (let t = 1; t <= 5; t++) expect(Math.abs(yi[t] - h[t - 1])).toBeLessThan(1e-15);
    }
  });

  it('Monte-Carlo mean of (RNN(x) - y)^2 over x ~ N(0, I_k) -> the population and accumulating losses (error ~ 1/sqrt(N))', () => {
    const teacher = balTeacher(0, 5, 'linspace');
    const k = 8;
    const d = 4;
    const rng = new Rng(7);
    const th = randomTheta('full', d, rng, 0.8);
    const pop = make({ param: 'full', d, k, w: teacher.impulse(60) });
    const acc = make({ param: 'full', d, k, w: teacher.impulse(60), loss: 'accumulating' });
    const { A, B, C } = realise('full', d, th);
    const N = 20000;
    let mcPop = 0;
    let mcAcc = 0;
    for (let n = 0; n < N; n++) {
      const x = Array.from({ length: k }, () => rng.gauss());
      const y = rnnOutputs(A, B, C, d, x);
      const ys = rnnOutputs(teacher.A!, teacher.B!, teacher.C!, 5, x);
      mcPop += (y[k] - ys[k]) ** 2 / N;
      for (let t = 1; t <= k; t++) mcAcc += (y[t] - ys[t]) ** 2 / N;
    }
    const Lpop = pop.loss(th);
    const Lacc = acc.loss(th);
    // (RNN - y)^2 = L chi^2_1: relative standard error sqrt(2 / N) = 0.01.
    expect(Math.abs(mcPop / Lpop - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    expect(Math.abs(mcAcc / Lacc - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    expect(Lacc).toBeGreaterThan(Lpop);
  });

  it('the empirical losses are (1/N) sum_n (RNN(x^(n)) - y^(n))^2 (and sum over t for -acc) on the drawn dataset, to 1e-12', () => {
    const teacher = twinTeacher('T2');
    const k = 6;
    const d = 3;
    const N = 50;
    const rng = new Rng(3);
    for (const param of PARAMS) {
      const th = randomTheta(param, d, rng, 0.8);
      const { A, B, C } = realise(param, d, th);
      for (const loss of ['empirical', 'empirical-acc'] as const) {
        const p = make({ param, d, k, w: teacher.impulse(60), loss, empirical: { N, seed: 2000, fresh: false } });
        const X = p.dataInputs()!;
        // The dataset is MT(seed), sequence by sequence.
        const r = new Rng(2000);
        expect(Array.from(X)).toEqual(Array.from({ length: N * k }, () => r.gauss()));
        let L = 0;
        for (let n = 0; n < N; n++) {
          const x = X.slice(n * k, n * k + k);
          const y = rnnOutputs(A, B, C, d, x);
          const ys = rnnOutputs(teacher.A!, teacher.B!, teacher.C!, 2, x);
          if (loss === 'empirical') L += (y[k] - ys[k]) ** 2;
          else for (let t = 1; t <= k; t++) L += (y[t] - ys[t]) ** 2;
        }
        L /= N;
        expect(Math.abs(p.loss(th) - L) / L).toBeLessThan(1e-12);
      }
    }
  });

  it('E[S] = I and E[S_acc] = diag(k - i): a fixed dataset of 20000 sequences is within 4/sqrt(N) per entry', () => {
    const k = 5;
    const N = 20000;
    for (const loss of ['empirical', 'empirical-acc'] as const) {
      const S = make({ param: 'diag', d: 1, k, w: padded([1]), loss, empirical: { N, seed: 5, fresh: false } }).dataMatrix()!;
      let worst = 0;
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          const expected = i === j ? (loss === 'empirical' ? 1 : k - i) : 0;
          worst = Math.max(worst, Math.abs(S[i * k + j] - expected) / (loss === 'empirical' ? 1 : k));
        }
      expect(worst).toBeLessThan(4 * Math.sqrt(2 / N));
    }
  });
});

describe('diagonal tiny case (oracle 2)', () => {
  const w = padded([1, 0.5, 0.3, 0.2]);
  const theta = Float64Array.from([0.9, -0.5, 0.2, 0.6, 0.3, -0.4, 0.5, 0.3, 0.7]);
  const p = make({ param: 'diag', d: 3, k: 4, w });

  it('h, L and L_acc', () => {
    const h = p.impulse(theta, 4);
    [0.11, 0.169, 0.2543, 0.20521].forEach((v, j) => expect(h[j]).toBeCloseTo(v, 14));
    expect(p.loss(theta)).toBeCloseTo(0.9037766341, 10);
    expect(make({ param: 'diag', d: 3, k: 4, w, loss: 'accumulating' }).loss(theta)).toBeCloseTo(3.5012871241, 10);
  });

  it('the three gradients', () => {
    const g = new Float64Array(9);
    expect(p.grad(theta, g)).toBeCloseTo(0.9037766341, 10);
    [-0.24035982, -0.05065065, 0.195246688].forEach((v, i) => expect(g[i]).toBeCloseTo(v, 9));
    [-1.22111891, -0.44194575, -1.341180848].forEach((v, i) => expect(g[3 + i]).toBeCloseTo(v, 9));
    [-1.465342692, -0.44194575, 0.766389056].forEach((v, i) => expect(g[6 + i]).toBeCloseTo(v, 9));
  });

  it('Hess[a_1][a_1] = 1.7881224 and Hess[a_1][b_1] = 0.8382413', () => {
    const H = new Float64Array(81);
    p.hess(theta, H);
    expect(H[0]).toBeCloseTo(1.7881224, 7);
    expect(H[3]).toBeCloseTo(0.8382413, 7);
    expect(H[3 * 9]).toBe(H[3]);
  });
});

describe('full tiny case (oracle 3)', () => {
  const w = padded([1, 0, 0.5]);
  const theta = Float64Array.from([0.5, 0.2, -0.1, 0.3, 1, 0.5, 0.4, -0.2]);
  const p = make({ param: 'full', d: 2, k: 3, w });

  it('h, L, dL/dA, dL/dB, dL/dC', () => {
    const h = p.impulse(theta, 3);
    [0.3, 0.23, 0.133].forEach((v, j) => expect(h[j]).toBeCloseTo(v, 14));
    const g = new Float64Array(8);
    expect(p.grad(theta, g)).toBeCloseTo(0.677589, 12);
    [-0.15364, -0.00342, -0.0186, -0.046].forEach((v, i) => expect(g[i]).toBeCloseTo(v, 12));
    [-0.538072, 0.2525].forEach((v, i) => expect(g[4 + i]).toBeCloseTo(v, 12));
    [-1.35154, -0.64397].forEach((v, i) => expect(g[6 + i]).toBeCloseTo(v, 12));
  });

  it('the sym parameterisation folds dL/dA: dtheta_ii = dA_ii, dtheta_ij = dA_ij + dA_ji', () => {
    const As = [0.5, 0.2, 0.3]; // A = [[0.5, 0.2], [0.2, 0.3]]
    const thSym = Float64Array.from([...As, 1, 0.5, 0.4, -0.2]);
    const thFull = Float64Array.from([0.5, 0.2, 0.2, 0.3, 1, 0.5, 0.4, -0.2]);
    const gs = new Float64Array(7);
    const gf = new Float64Array(8);
    const ps = make({ param: 'sym', d: 2, k: 3, w });
    expect(ps.grad(thSym, gs)).toBe(p.grad(thFull, gf));
    expect(gs[0]).toBeCloseTo(gf[0], 15);
    expect(gs[1]).toBeCloseTo(gf[1] + gf[2], 15);
    expect(gs[2]).toBeCloseTo(gf[3], 15);
    for (let i = 0; i < 4; i++) expect(gs[3 + i]).toBeCloseTo(gf[4 + i], 15);
  });
});

describe('finite differences of every gradient and Hessian with every loss (oracle 4, h = 1e-6, 1e-8 relative)', () => {
  const teacher = balTeacher(1, 3, 'linspace');
  const k = 7;
  const d = 4;
  const cases = PARAMS.flatMap((param) => LOSSES.map((loss) => [param, loss] as const));

  it.each(cases)('%s, %s: gradient', (param, loss) => {
    const rng = new Rng(11);
    const p = make({ param, d, k, w: teacher.impulse(60), loss, empirical: { N: 30, seed: 4, fresh: false } });
    for (let trial = 0; trial < 3; trial++) {
      const th = randomTheta(param, d, rng);
      const g = new Float64Array(p.n);
      const L = p.grad(th, g);
      expect(L).toBe(p.loss(th));
      expect(relError(g, fdGradient(p, th, 1e-6))).toBeLessThan(1e-8);
    }
  });

  it.each(PARAMS)('%s, empirical with a fresh batch per grad(): the gradient of the batch just drawn', (param) => {
    const rng = new Rng(12);
    const p = make({ param, d, k, w: teacher.impulse(60), loss: 'empirical', empirical: { N: 20, seed: 8, fresh: true } });
    const th = randomTheta(param, d, rng);
    const g1 = new Float64Array(p.n);
    const g2 = new Float64Array(p.n);
    const L1 = p.grad(th, g1);
    expect(relError(g1, fdGradient(p, th, 1e-6))).toBeLessThan(1e-8);
    const S1 = p.dataMatrix()!;
    const L2 = p.grad(th, g2);
    expect(L2).not.toBe(L1);
    expect(relError(g2, fdGradient(p, th, 1e-6))).toBeLessThan(1e-8);
    expect(p.dataMatrix()).not.toEqual(S1);
    // Deterministic given the seed.
    const q = make({ param, d, k, w: teacher.impulse(60), loss: 'empirical', empirical: { N: 20, seed: 8, fresh: true } });
    const g3 = new Float64Array(p.n);
    expect(q.grad(th, g3)).toBe(L1);
    expect(Array.from(g3)).toEqual(Array.from(g1));
  });

  const diagCases = cases.filter(([param]) => param === 'diag' || param === 'diag-tied');
  it.each(diagCases)('%s, %s: closed-form Hessian (Sec. 3.4)', (param, loss) => {
    const rng = new Rng(13);
    const p = make({ param, d, k, w: teacher.impulse(60), loss, empirical: { N: 30, seed: 4, fresh: false } });
    for (let trial = 0; trial < 3; trial++) {
      const th = randomTheta(param, d, rng);
      const H = new Float64Array(p.n * p.n);
      p.hess(th, H);
      expect(relError(H, fdHessian(p, th, 1e-6))).toBeLessThan(1e-8);
      for (let i = 0; i < p.n; i++) for (let j = 0; j < i; j++) expect(H[i * p.n + j]).toBe(H[j * p.n + i]);
    }
  });

  it.each(['sym', 'full'] as const)('%s: the difference Hessian matches second differences of the loss on the diagonal', (param) => {
    const rng = new Rng(14);
    const p = make({ param, d: 3, k, w: teacher.impulse(60) });
    const th = randomTheta(param, 3, rng);
    const H = new Float64Array(p.n * p.n);
    p.hess(th, H);
    const h = 1e-4;
    const x = Float64Array.from(th);
    const L0 = p.loss(th);
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < p.n; i++) {
      x[i] = th[i] + h;
      const Lp = p.loss(x);
      x[i] = th[i] - h;
      const Lm = p.loss(x);
      x[i] = th[i];
      worst = Math.max(worst, Math.abs((Lp - 2 * L0 + Lm) / (h * h) - H[i * p.n + i]));
      scale = Math.max(scale, Math.abs(H[i * p.n + i]));
    }
    expect(worst / scale).toBeLessThan(1e-6);
  });
});

describe('the saddle at 0 and the early phase (oracle 6)', () => {
  const teacher = balTeacher(0, 5, 'linspace');
  const w = teacher.impulse(60);

  it.each(PARAMS)('%s: theta = 0 has L = sum_(j<k) w_j^2 and a zero gradient', (param) => {
    const k = 9;
    const p = make({ param, d: 4, k, w });
    const g = new Float64Array(p.n).fill(1);
    const L = p.grad(new Float64Array(p.n), g);
    let s = 0;
    for (let j = 0; j < k; j++) s += w[j] * w[j];
    expect(L).toBe(s);
    expect(g.every((v) => v === 0)).toBe(true);
  });

  it('one exact GD step from A = 0: B +- C^T scale by (1 -+ eta g_0), A = -eta g_1 C^T B^T', () => {
    const d = 5;
    const k = 6;
    const eta = 0.03;
    const rng = new Rng(21);
    const p = make({ param: 'full', d, k, w });
    const th = new Float64Array(p.n);
    for (let i = d * d; i < p.n; i++) th[i] = 0.3 * rng.gauss();
    const B = th.slice(d * d, d * d + d);
    const C = th.slice(d * d + d);
    const g = new Float64Array(p.n);
    p.grad(th, g);
    const next = th.map((v, i) => v - eta * g[i]);
    const CB = C.reduce((s, c, i) => s + c * B[i], 0);
    const g0 = 2 * (CB - w[0]);
    const g1 = 2 * (0 - w[1]);
    let worst = 0;
    for (let i = 0; i < d; i++) {
      worst = Math.max(worst, Math.abs(next[d * d + i] - (B[i] - eta * g0 * C[i])));
      worst = Math.max(worst, Math.abs(next[d * d + d + i] - (C[i] - eta * g0 * B[i])));
      worst = Math.max(worst, Math.abs(next[d * d + i] + next[d * d + d + i] - (1 - eta * g0) * (B[i] + C[i])));
      worst = Math.max(worst, Math.abs(next[d * d + i] - next[d * d + d + i] - (1 + eta * g0) * (B[i] - C[i])));
      for (let j = 0; j < d; j++) worst = Math.max(worst, Math.abs(next[i * d + j] - -eta * g1 * C[i] * B[j]));
    }
    expect(worst).toBeLessThan(1e-15);
    expect(Math.abs(g1)).toBeGreaterThan(0.1);
  });

  it('GF from eps = 1e-6: beta_BC(t) / beta_BC(0) = exp(-4 w_0 t); full d = 8, bal(0, 5), k = 10, RK4 dt = 1e-3 to t = 1', () => {
    const d = 8;
    const p = make({ param: 'full', d, k: 10, w });
    let th = studentInit(0, 'full', d, 1e-6, false, 'entrywise');
    const beta = (x: Float64Array) => betaBC(x.subarray(d * d, d * d + d), x.subarray(d * d + d));
    const beta0 = beta(th);
    th = rk4(p, th, 1e-3, 1000);
    const ratio = beta(th) / beta0;
    expect(Math.abs(ratio / Math.exp(-4 * w[0]) - 1)).toBeLessThan(1e-4);
  });
});

describe('teacher embedding (oracle 7)', () => {
  const metricsOf = (p: LinearRnnProblem, th: Float64Array) => {
    const m = new Float64Array(p.metricNames.length);
    p.metrics(th, m);
    return Object.fromEntries(p.metricNames.map((nm, i) => [nm, m[i]]));
  };

  it('a = (lambda_hat, anything), b = (b_hat, 0), c = (c_hat, 0): L = 0, zero gradient, E = 0 for every H (bal(0, 5))', () => {
    const t = balTeacher(0, 5, 'linspace');
    const d = 9;
    const rng = new Rng(5);
    for (const param of ['diag-tied', 'diag'] as const) {
      const th = new Float64Array(paramCount(param, d));
      for (let i = 0; i < d; i++) th[i] = i < 5 ? t.atoms!.lambda[i] : 2 * rng.rand() - 1;
      for (let i = 0; i < 5; i++) {
        th[d + i] = t.B![i];
        if (param === 'diag') th[2 * d + i] = t.C![i];
      }
      for (const H of [10, 50, 200]) {
        const p = make({ param, d, k: 12, w: t.impulse(400), H, lambdaHat: t.roots });
        const g = new Float64Array(p.n).fill(1);
        expect(p.grad(th, g)).toBe(0);
        expect(g.every((v) => v === 0)).toBe(true);
        const m = metricsOf(p, th);
        expect(m.E).toBe(0);
        expect(Math.abs(m.phi)).toBeLessThan(1e-13);
        // The same Hankel spectrum as the teacher's (the close atoms make it numerically rank 2 at n = 5, tau = 1e-3).
        const v = p.views(th);
        expect(Array.from(v.hankel)).toEqual(Array.from(v.hankelTeacher));
        expect(m.effDim).toBe(Array.from(v.hankelTeacher).filter((x) => x > 1e-3).length);
        expect(m.betaBC).toBe(0);
      }
    }
  });

  it('the atoms and twin teachers (b_hat = sqrt(p)): L, gradient and E at rounding level', () => {
    for (const t of [twinTeacher('T1'), twinTeacher('T2')]) {
      const d = 4;
      const th = Float64Array.from([...t.atoms!.lambda, 0.3, -0.2, ...t.B!, 0, 0]);
      const p = make({ param: 'diag-tied', d, k: 6, w: t.impulse(100), H: 50 });
      const g = new Float64Array(p.n);
      expect(p.grad(th, g)).toBeLessThan(1e-30);
      expect(Math.max(...Array.from(g, Math.abs))).toBeLessThan(1e-15);
      expect(metricsOf(p, th).E).toBeLessThan(1e-15);
    }
  });

  it('full: A = blockdiag(A_hat, anything), B = (B_hat, 0), C = (C_hat, 0) for delay(4): L = 0 exactly, zero gradient, E = 0', () => {
    const t = delayTeacher(4);
    const d = 6;
    const rng = new Rng(6);
    const th = new Float64Array(d * d + 2 * d);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) th[i * d + j] = t.A![i * 4 + j];
    for (let i = 4; i < d; i++) for (let j = 4; j < d; j++) th[i * d + j] = 0.5 * rng.gauss();
    for (let i = 0; i < 4; i++) {
      th[d * d + i] = t.B![i];
      th[d * d + d + i] = t.C![i];
    }
    const p = make({ param: 'full', d, k: 9, w: t.impulse(100), H: 100 });
    const g = new Float64Array(p.n).fill(1);
    expect(p.grad(th, g)).toBe(0);
    expect(g.every((v) => v === 0)).toBe(true);
    expect(metricsOf(p, th).E).toBe(0);
  });
});

describe('problem metrics, views and the divergence guard', () => {
  it('metric values for a diagonal and a full student', () => {
    const t = balTeacher(0, 5, 'linspace');
    const w = t.impulse(60);
    const th = Float64Array.from([0.5, -0.9, 0.2, 1, 2, 3, 1, 1, 1]);
    const p = make({ param: 'diag', d: 3, k: 6, w, H: 30, lambdaHat: t.roots, theta0: th });
    const m = new Float64Array(8);
    p.metrics(th, m);
    expect(p.metricNames).toEqual(['E', 'betaBC', 'alphaA', 'invBC', 'invDrift', 'phi', 'effDim', 'specRadius']);
    const h = impulseOf('diag', 3, th, 30);
    let num = 0;
    let den = 0;
    for (let j = 0; j < 30; j++) den = Math.max(den, Math.abs(w[j]));
    for (let j = 6; j < 30; j++) num = Math.max(num, Math.abs(h[j] - w[j]));
    expect(den).toBeGreaterThan(1); // the 1.05 atom grows
    expect(m[0]).toBe(num / den);
    expect(m[1]).toBeCloseTo(Math.sqrt(0 + 1 + 4) / Math.sqrt(4 + 9 + 16), 15);
    expect(m[2]).toBe(0);
    expect(m[3]).toBe(14 - 3);
    expect(m[4]).toBe(0);
    expect(m[6]).toBe(3);
    expect(m[7]).toBe(0.9);
    const moved = Float64Array.from(th);
    moved[4] = 2.5; // b_2: b^2 - c^2 moves by 6.25 - 4
    p.metrics(moved, m);
    expect(m[4]).toBeCloseTo(2.25, 15);
    const v = p.views(th);
    expect(v.h.length).toBe(30);
    expect(Array.from(v.atomsA)).toEqual([0.5, -0.9, 0.2]);
    expect(Array.from(v.atomsP)).toEqual([1, 2, 3]);
    expect(v.hankel.length).toBe(5);
    expect(v.hankel[0]).toBe(1);
    expect(v.hankelTeacher[4]).toBeGreaterThan(0);
    // The full student: alpha_A and Q drift.
    const pf = make({ param: 'full', d: 2, k: 3, w });
    const thf = Float64Array.from([0.5, 0.2, -0.1, 0.3, 1, 0.5, 0.4, -0.2]);
    pf.metrics(thf, m);
    expect(m[2]).toBeCloseTo(Math.sqrt(2 * 0.3 * 0.3) / Math.sqrt(0.25 + 0.04 + 0.01 + 0.09), 15);
    expect(m[4]).toBe(0); // reference = the first point seen
    expect(m[7]).toBeCloseTo(Math.sqrt(0.17), 15); // eigenvalues 0.4 +- 0.1i
    const vf = pf.views(thf);
    expect(vf.eigRe[0]).toBeCloseTo(0.4, 15);
    expect(Math.abs(vf.eigIm[0])).toBeCloseTo(0.1, 15);
    expect(vf.atomsA).toBeUndefined();
    expect(p.diverged(th, 1)).toBeNull();
    expect(p.diverged(th, 2e12)).toMatch(/1e12/);
    expect(p.diverged(th, NaN)).not.toBeNull();
    expect(p.diverged(Float64Array.from([0, Infinity, 0, 0, 0, 0, 0, 0, 0]), 1)).toMatch(/non-finite/);
  });

  it('populationLoss: the expectation of the empirical losses', () => {
    const t = twinTeacher('T1');
    const th = Float64Array.from([0.3, -0.4, 0.5, 0.7]);
    const pop = make({ param: 'diag-tied', d: 2, k: 5, w: t.impulse(60) });
    const acc = make({ param: 'diag-tied', d: 2, k: 5, w: t.impulse(60), loss: 'accumulating' });
    const emp = make({ param: 'diag-tied', d: 2, k: 5, w: t.impulse(60), loss: 'empirical', empirical: { N: 10, seed: 1, fresh: false } });
    const empAcc = make({ param: 'diag-tied', d: 2, k: 5, w: t.impulse(60), loss: 'empirical-acc', empirical: { N: 10, seed: 1, fresh: false } });
    expect(emp.populationLoss(th)).toBe(pop.loss(th));
    expect(empAcc.populationLoss(th)).toBe(acc.loss(th));
    expect(emp.loss(th)).not.toBe(pop.loss(th));
  });
});

describe('Sec. 4.2: an empirical run stops on its population loss', () => {
  it('checks every 500 steps and stops below 1e-8; population runs never use it', () => {
    const w = Float64Array.from({ length: 10 }, (_, j) => 0.5 ** j);
    const base = { param: 'diag-tied' as const, d: 2, k: 6, w, H: 10, hankelN: 3, tau: 1e-3 };
    const emp = new LinearRnnProblem({ ...base, loss: 'empirical', empirical: { N: 5, seed: 1, fresh: true } });
    const pop = new LinearRnnProblem({ ...base, loss: 'population' });
    // the teacher itself (a = 0.5, b = 1, second atom off): population loss 0
    const exact = Float64Array.of(0.5, 0, 1, 0);
    expect(pop.loss(exact)).toBe(0);
    expect(emp.converged(exact, 500)).toMatch(/population loss .* < 1e-8/);
    expect(emp.converged(exact, 499)).toBeNull();
    expect(emp.converged(exact, 0)).toBeNull();
    expect(emp.converged(Float64Array.of(0.4, 0, 1, 0), 1000)).toBeNull();
    expect(pop.converged(exact, 500)).toBeNull();
  });
});
