import { describe, expect, it } from 'vitest';
import { SQ2_TINY_W0 } from '../schema';
import { GradientFlow } from '../../../engine/core/integrators/flow';
import { GradientDescent } from '../../../engine/core/integrators/gd';
import { Rng } from '../../../engine/core/rng';
import { fdGradient, relError } from '../../../engine/core/finite-diff';
import { circle8, spherePoints } from '../../../engine/homogeneous/data';
import { FeedForward } from '../../../engine/homogeneous/ff';
import { SaddlesProblem } from '../../../engine/homogeneous/problem';
import { Toy } from '../../../engine/homogeneous/toy';
import type { HomogeneousModel } from '../../../engine/homogeneous/types';
import { analyseSaddles } from '../build';

const rand = (rng: Rng, n: number, scale = 1) => Float64Array.from({ length: n }, () => scale * rng.gauss());
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

function net(dims: number[], p: number, alpha: number, loss: 'sq-sum' | 'mse-mean' = 'sq-sum', seed = 1): FeedForward {
  const rng = new Rng(seed);
  const n = 7;
  const X = spherePoints(rng, n, dims[0]);
  const y = rand(rng, n);
  return new FeedForward({ dims, p, alpha, X, y, loss });
}

/** Every model family of the lab with its degree of homogeneity, written out by hand (docs/labs/saddles.md Sec. 2.2). */
const MODELS: [string, HomogeneousModel, number][] = [
  ['2-layer square', net([3, 4, 1], 2, 1), 3],
  ['3-layer square', net([3, 4, 3, 1], 2, 1), 7],
  ['4-layer square', net([3, 3, 3, 2, 1], 2, 1, 'mse-mean'), 15],
  ['2-layer squared ReLU', net([3, 5, 1], 2, 0), 3],
  ['2-layer polynomial ReLU p = 3, alpha 0.3', net([3, 4, 1], 3, 0.3), 4],
  ['2-layer ReLU', net([3, 6, 1], 1, 0), 2],
  ['3-layer ReLU', net([3, 5, 4, 1], 1, 0, 'mse-mean'), 3],
  ['2-layer linear', net([3, 4, 1], 1, 1), 2],
  ['Example 1', new Toy(2, [4, 1], 'sq-sum'), 2],
  ['toy Lh = 3', new Toy(3, [4, 1], 'mse-mean'), 3],
  ['toy Lh = 4', new Toy(4, [4, 1], 'sq-sum'), 4],
];

describe('homogeneous models (paper 003)', () => {
  it.each(MODELS)('%s: H(c w) = c^Lh H(w) and <w, grad H> = Lh H, also for the NCF', (_name, model, Lh) => {
    expect(model.Lh).toBe(Lh);
    const rng = new Rng(7);
    const w = rand(rng, model.n);
    const H = new Float64Array(model.nPoints);
    const Hc = new Float64Array(model.nPoints);
    const g = new Float64Array(model.n);
    model.outputs(w, H);
    const c = 1.7;
    model.outputs(
      Float64Array.from(w, (v) => c * v),
      Hc,
    );
    expect(
      relError(
        Hc,
        Float64Array.from(H, (h) => c ** Lh * h),
      ),
    ).toBeLessThan(1e-12);
    for (let i = 0; i < model.nPoints; i++) {
      const hi = model.outputGrad(w, i, g);
      expect(Math.abs(dot(w, g) - Lh * hi)).toBeLessThan(1e-12 * Math.max(1, Math.abs(Lh * hi)) * 10);
    }
    const N = model.ncfGrad(w, g);
    expect(Math.abs(dot(w, g) - Lh * N) / Math.abs(Lh * N)).toBeLessThan(1e-12);
  });

  it.each(MODELS)('%s: the loss gradient agrees with central differences', (name, model) => {
    const rng = new Rng(11);
    // entries of order 1 (the outputs are then O(1) even for Lh = 15, so differences of the loss are not all cancellation)
    const w = rand(rng, model.n, 0.7);
    const problem = { n: model.n, loss: (t: Float64Array) => model.loss(t) } as never;
    const g = new Float64Array(model.n);
    model.grad(w, g);
    const tol = name.includes('ReLU') || name.includes('p = 3') ? 1e-6 : 1e-7;
    expect(relError(g, fdGradient(problem, w, 1e-5))).toBeLessThan(tol);
  });

  it('NCF gradient agrees with central differences of N', () => {
    const model = net([3, 4, 3, 1], 2, 1);
    const w = rand(new Rng(3), model.n, 0.4);
    const g = new Float64Array(model.n);
    model.ncfGrad(w, g);
    const scratch = new Float64Array(model.n);
    const problem = { n: model.n, loss: (t: Float64Array) => model.ncfGrad(t, scratch) } as never;
    expect(relError(g, fdGradient(problem, w, 1e-5))).toBeLessThan(1e-7);
  });

  it('Example 1: the exact Hessian is diag(-16, -4) at 0 and diag(32, 8) at the minimum (2, 1)', () => {
    const toy = new Toy(2, [4, 1], 'sq-sum');
    const d = new Float64Array(2);
    toy.hessDiag(new Float64Array(2), d);
    expect(Array.from(d)).toEqual([-16, -4]);
    toy.hessDiag(Float64Array.of(2, 1), d);
    expect(Array.from(d)).toEqual([32, 8]);
    toy.hessDiag(Float64Array.of(2, 0), d);
    expect(Array.from(d)).toEqual([32, -4]);
  });

  it('origin: grad L(0) = 0 and L(delta u) = L(0) - delta^Lh N(u) + delta^(2Lh) ||H(X; u)||^2 (sq-sum)', () => {
    const model = net([3, 4, 1], 2, 1);
    const g = new Float64Array(model.n);
    const L0 = model.grad(new Float64Array(model.n), g);
    expect(g.every((v) => v === 0)).toBe(true);
    expect(L0).toBeCloseTo(dot(model.y, model.y), 14);
    const u = rand(new Rng(5), model.n);
    const H = new Float64Array(model.nPoints);
    model.outputs(u, H);
    const N = model.ncfGrad(u, g);
    expect(N).toBeCloseTo(2 * dot(model.y, H), 12);
    for (const delta of [0.3, 0.05]) {
      const L = model.loss(Float64Array.from(u, (v) => delta * v));
      const expected = L0 - delta ** 3 * N + delta ** 6 * dot(H, H);
      expect(Math.abs(L - expected) / expected).toBeLessThan(1e-12);
    }
  });
});

/** SD-sq2-tiny (docs/labs/saddles.md Sec. 5.2): width 4 square net on the 8 circle points, sq-sum. */
function sq2Tiny(): FeedForward {
  const { X, y } = circle8();
  return new FeedForward({ dims: [2, 4, 1], p: 2, alpha: 1, X, y, loss: 'sq-sum' });
}

/** c_j = ||a_j||^2 - 2 v_j^2 and the neuron's energy, from the parameters (layout: W rows, then v). */
function conservedOf(w: Float64Array, j: number): [number, number] {
  const a2 = w[2 * j] ** 2 + w[2 * j + 1] ** 2;
  const v2 = w[8 + j] ** 2;
  return [a2 - 2 * v2, a2 + 2 * v2];
}

describe('conservation and zero preservation (docs/labs/saddles.md Sec. 3.4)', () => {
  it('the data of 5.2 give L(0) = 5.25', () => {
    const m = sq2Tiny();
    expect(m.loss(new Float64Array(m.n))).toBeCloseTo(5.25, 13);
  });

  it('gradient flow (DOPRI5, rtol 1e-10) keeps ||a_j||^2 - 2 v_j^2 to 1e-9 of the neuron energy, through escape', () => {
    const model = sq2Tiny();
    const w0 = Float64Array.from(SQ2_TINY_W0, (v) => (0.05 * v) / Math.hypot(...SQ2_TINY_W0));
    const analysis = analyseSaddlesFor(model, w0);
    const problem = new SaddlesProblem(analysis, w0);
    const flow = new GradientFlow(problem, w0, 'dopri5', 1e-10, 1e-14 * 0.05);
    const T = 12;
    while (flow.t < T) expect(flow.step(T).ok).toBe(true);
    expect(flow.loss).toBeLessThan(0.5); // escaped
    for (let j = 0; j < 4; j++) {
      const [c0] = conservedOf(w0, j);
      const [c, e] = conservedOf(flow.theta, j);
      expect(Math.abs(c - c0) / e).toBeLessThan(1e-9);
    }
  });

  it('one GD step changes c_j by exactly eta^2 (||G_in||^2 - p ||G_out||^2)', () => {
    const model = sq2Tiny();
    const w = rand(new Rng(9), model.n, 0.5);
    const g = new Float64Array(model.n);
    model.grad(w, g);
    const eta = 0.03;
    const w1 = Float64Array.from(w, (v, i) => v - eta * g[i]);
    for (let j = 0; j < 4; j++) {
      const dc = conservedOf(w1, j)[0] - conservedOf(w, j)[0];
      const predicted = eta ** 2 * (g[2 * j] ** 2 + g[2 * j + 1] ** 2 - 2 * g[8 + j] ** 2);
      expect(Math.abs(dc - predicted) / Math.abs(predicted)).toBeLessThan(1e-9);
    }
  });

  it('neurons whose in and out weights are all zero stay exactly 0.0 under GD (1e4 steps) and gradient flow', () => {
    const model = sq2Tiny();
    const w0 = Float64Array.from(SQ2_TINY_W0, (v) => 0.05 * v);
    for (const j of [0, 2]) w0[2 * j] = w0[2 * j + 1] = w0[8 + j] = 0;
    const zeroIdx = [0, 1, 8, 4, 5, 10];
    const analysis = analyseSaddlesFor(model, w0);
    const problem = new SaddlesProblem(analysis, w0);
    const gd = new GradientDescent(problem, w0, 0.01);
    for (let k = 0; k < 10_000; k++) gd.step();
    expect(gd.loss).toBeLessThan(1); // it trained
    for (const k of zeroIdx) expect(Object.is(gd.theta[k], 0) || gd.theta[k] === 0).toBe(true);
    const flow = new GradientFlow(problem, w0, 'dopri5', 1e-10, 1e-16);
    while (flow.t < 40) flow.step(40);
    expect(flow.loss).toBeLessThan(1);
    for (const k of zeroIdx) expect(flow.theta[k]).toBe(0);
  });
});

/** The analysis for a hand-built model and initial point (explicit direction). */
function analyseSaddlesFor(model: FeedForward, w0: Float64Array) {
  const delta = Math.hypot(...w0);
  return analyseSaddles(
    {
      v: 1,
      lab: 'saddles',
      seed: 0,
      model: { kind: 'ff', d: 2, widths: [4], p: 2, alpha: 1 },
      data: { kind: 'circle8' },
      loss: 'sq-sum',
      init: { delta, dir: { kind: 'explicit', w0: Array.from(w0) } },
      optim: { kind: 'gd', lr: 0.01 },
      stop: { lossBelow: 0, maxSteps: 1, maxTime: 1, extraSteps: 0 },
      record: { every: 1, perDecade: 1 },
    },
    model,
  );
}

/**
 * The fast path's loss and gradient against plain backprop (relative error below tolGrad), then its NCF value and
 * gradient (below tolNcf); returns the fast path's loss.
 */
function expectBackpropMatch(model: FeedForward, w: Float64Array, tolGrad: number, tolNcf: number): number {
  const g1 = new Float64Array(model.n);
  const g2 = new Float64Array(model.n);
  const L1 = model.grad(w, g1);
  const L2 = model.gradBackprop(w, g2);
  expect(Math.abs(L1 - L2) / L2).toBeLessThan(tolGrad);
  expect(relError(g1, g2)).toBeLessThan(tolGrad);
  const N1 = model.ncfGrad(w, g1);
  const N2 = model.ncfGradBackprop(w, g2);
  expect(Math.abs(N1 - N2) / Math.abs(N2)).toBeLessThan(tolNcf);
  expect(relError(g1, g2)).toBeLessThan(tolNcf);
  return L1;
}

describe('two-layer square nets: the quadratic-form fast path', () => {
  it('gives the same loss, gradient and NCF gradient as plain backprop', () => {
    const model = net([5, 6, 1], 2, 1, 'mse-mean', 4);
    const w = rand(new Rng(8), model.n, 0.6);
    expectBackpropMatch(model, w, 1e-13, 1e-12);
  });

  // the kernels work four or two at a time: widths, input dimensions and point counts that leave every remainder
  it.each([
    [1, 1, 1],
    [2, 3, 5],
    [3, 9, 8],
    [4, 7, 13],
    [20, 50, 100],
  ])('d = %i, width %i, %i points: same gradient as backprop (both losses)', (d, k, nPts) => {
    for (const loss of ['sq-sum', 'mse-mean'] as const) {
      const rng = new Rng(d * 100 + k);
      const X = spherePoints(rng, nPts, d);
      const model = new FeedForward({ dims: [d, k, 1], p: 2, alpha: 1, X, y: rand(rng, nPts), loss });
      const w = rand(rng, model.n, 0.5);
      const L1 = expectBackpropMatch(model, w, 1e-12, 1e-11);
      expect(Math.abs(model.loss(w) - L1) / L1).toBeLessThan(1e-14);
    }
  });
});
