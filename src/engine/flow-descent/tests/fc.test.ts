import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { DeepLinearNet } from '../dln';
import { type Activation, FcNet, type FcLossKind, fdReluDataset } from '../fc';
import { xavierInit } from '../init';
import { fdGradient, relError } from '../../core/finite-diff';
import { hvpColumns } from '../hessian';
import { fdHvp, norm, randVec } from './fd';

function makeNet(widths: number[], activation: Activation, loss: FcLossKind, samples: number, seed: number) {
  const rng = new Rng(seed);
  const X = randVec(samples * widths[0], () => rng.rand());
  const dn = widths[widths.length - 1];
  const Y = loss === 'square' ? randVec(samples * dn, () => rng.rand()) : Float64Array.from({ length: samples }, () => Math.floor(rng.rand() * dn));
  const net = new FcNet({ widths, activation, loss, X, Y, leakySlope: 0.2 });
  return { net, rng };
}

/** A random point whose pre-activations are all at least `margin` away from the kink (redraws until so). */
function awayFromKinks(net: FcNet, rng: Rng, margin: number): Float64Array {
  for (;;) {
    const theta = randVec(net.n, () => rng.rand(), 0.8);
    if (net.kinkMargin(theta) > margin) return theta;
  }
}

const cases: [number[], Activation, FcLossKind][] = [
  [[2, 5, 4, 1], 'relu', 'square'],
  [[3, 4, 4, 2], 'leaky', 'square'],
  [[3, 4, 3], 'identity', 'square'],
  [[4, 5, 5, 3], 'relu', 'ce'],
  [[3, 4, 4, 4], 'leaky', 'ce'],
];

describe('fully connected net', () => {
  it('loss by hand for a 2-3-1 ReLU net on two samples', () => {
    const net = new FcNet({ widths: [2, 3, 1], activation: 'relu', loss: 'square', X: [1, 2, -1, 0.5], Y: [0.3, -0.2] });
    const theta = Float64Array.from([1, 0, 0, 1, -1, -1, 0.5, -2, 3]);
    // Sample 1: z1 = (1, 2, -3) -> a1 = (1, 2, 0), yhat = 0.5 - 4 = -3.5; sample 2: z1 = (-1, 0.5, 0.5) -> (0, 0.5, 0.5), yhat = -1 + 1.5 = 0.5.
    expect(net.loss(theta)).toBeCloseTo((0.5 * (-3.8) ** 2 + 0.5 * 0.7 ** 2) / 2, 14);
    expect(Array.from(net.predict(theta))).toEqual([-3.5, 0.5]);
  });

  it('gradient matches central differences (square and cross-entropy, all activations; < 1e-8)', () => {
    cases.forEach(([widths, act, loss], i) => {
      const { net, rng } = makeNet(widths, act, loss, 7, 30 + i);
      const theta = awayFromKinks(net, rng, 1e-3);
      const g = new Float64Array(net.n);
      expect(net.grad(theta, g)).toBeCloseTo(net.loss(theta), 14);
      expect(relError(g, fdGradient(net, theta))).toBeLessThan(1e-8);
    });
  });

  it('R-operator HVP matches differences of gradients away from kinks (< 1e-7)', () => {
    cases.forEach(([widths, act, loss], i) => {
      const { net, rng } = makeNet(widths, act, loss, 6, 40 + i);
      const theta = awayFromKinks(net, rng, 1e-2);
      for (let rep = 0; rep < 3; rep++) {
        const v = randVec(net.n, () => rng.rand());
        const hv = new Float64Array(net.n);
        net.hvp(theta, v, hv);
        expect(relError(hv, fdHvp(net, theta, v))).toBeLessThan(1e-7);
      }
    });
  });

  it('identity activation on whitened inputs (x_i = e_i) is the deep linear net: N f_FC = f_DLN, same for grad and H', () => {
    const widths = [3, 4, 2, 2];
    const N = 3;
    const X = new Float64Array(N * 3);
    for (let i = 0; i < N; i++) X[i * 3 + i] = 1;
    const rng = new Rng(8);
    const Y = randVec(N * 2, () => rng.rand());
    const fc = new FcNet({ widths, activation: 'identity', loss: 'square', X, Y });
    const lam = new Float64Array(2 * 3);
    for (let i = 0; i < N; i++) for (let o = 0; o < 2; o++) lam[o * 3 + i] = Y[i * 2 + o];
    const dln = new DeepLinearNet(widths, lam);
    const theta = randVec(fc.n, () => rng.rand());
    expect((N * fc.loss(theta)) / dln.loss(theta)).toBeCloseTo(1, 14);
    const g1 = new Float64Array(fc.n);
    const g2 = new Float64Array(fc.n);
    fc.grad(theta, g1);
    dln.grad(theta, g2);
    expect(
      relError(
        g1.map((x) => N * x),
        g2,
      ),
    ).toBeLessThan(1e-14);
    const H1 = hvpColumns(fc, theta).map((x) => N * x);
    expect(relError(H1, hvpColumns(dln, theta))).toBeLessThan(1e-14);
  });

  it('one GD step changes q_{j,i} by exactly eta^2 (||G_j[i,:]||^2 - ||G_{j+1}[:,i]||^2) (Sec. 6.3, ReLU and leaky)', () => {
    for (const [widths, act, loss] of cases.filter((c) => c[1] !== 'identity')) {
      const { net, rng } = makeNet(widths, act, loss, 8, 50);
      const theta = randVec(net.n, () => rng.rand(), 0.8);
      const g = new Float64Array(net.n);
      net.grad(theta, g);
      const eta = 0.3;
      const next = theta.map((x, i) => x - eta * g[i]);
      const before = net.neuronBalance(theta);
      const after = net.neuronBalance(next);
      for (let j = 1; j < widths.length - 1; j++) {
        const Gj = net.layer(g, j);
        const Gj1 = net.layer(g, j + 1);
        const pred = Float64Array.from({ length: widths[j] }, (_, i) => {
          let s = 0;
          for (let c = 0; c < widths[j - 1]; c++) s += Gj[i * widths[j - 1] + c] ** 2;
          for (let r = 0; r < widths[j + 1]; r++) s -= Gj1[r * widths[j] + i] ** 2;
          return eta * eta * s;
        });
        const diff = after[j - 1].map((x, i) => x - before[j - 1][i]);
        expect(relError(diff, pred)).toBeLessThan(1e-12);
      }
    }
  });

  it('outputGradNorms: ||yhat_i - y_i|| (square) and ||p_i - e_{y_i}|| (cross-entropy)', () => {
    const { net, rng } = makeNet([3, 4, 2], 'relu', 'square', 5, 60);
    const theta = randVec(net.n, () => rng.rand());
    const yhat = net.predict(theta);
    const want = Array.from({ length: 5 }, (_, i) => Math.hypot(yhat[2 * i] - net.Y[2 * i], yhat[2 * i + 1] - net.Y[2 * i + 1]));
    expect(relError(net.outputGradNorms(theta), want)).toBeLessThan(1e-15);
    const ce = makeNet([3, 4, 3], 'relu', 'ce', 4, 61).net;
    const th2 = randVec(ce.n, () => rng.rand());
    const z = ce.predict(th2);
    const got = ce.outputGradNorms(th2);
    for (let i = 0; i < 4; i++) {
      const e = [0, 1, 2].map((k) => Math.exp(z[3 * i + k]));
      const s = e[0] + e[1] + e[2];
      expect(got[i]).toBeCloseTo(norm(e.map((x, k) => x / s - (k === ce.Y[i] ? 1 : 0))), 14);
    }
  });

  it('FD-relu dataset: 32 points on the unit circle with y = sin(2 phi); Xavier 0.3 start loss is near 0.25', () => {
    const { X, Y } = fdReluDataset();
    expect(X.length).toBe(64);
    for (let i = 0; i < 32; i++) {
      const phi = (2 * Math.PI * i) / 32;
      expect(X[2 * i]).toBeCloseTo(Math.cos(phi), 15);
      expect(X[2 * i + 1]).toBeCloseTo(Math.sin(phi), 15);
      expect(Y[i]).toBeCloseTo(Math.sin(2 * phi), 15);
    }
    const net = new FcNet({ widths: [2, 16, 16, 1], activation: 'relu', loss: 'square', X, Y });
    const f = net.loss(xavierInit(net.widths, 0.3, new Rng(0)));
    // mean of y^2/2 is 0.25; a small init barely moves it.
    expect(Math.abs(f - 0.25)).toBeLessThan(0.02);
  });
});
