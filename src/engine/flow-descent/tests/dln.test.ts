import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { DeepLinearNet } from '../dln';
import { fdGradient, relError } from '../../core/finite-diff';
import { hvpColumns } from '../hessian';
import { fdHvp, norm, randVec, refEigenvalues } from './fd';

function randomNet(widths: number[], seed: number, scale = 0.7) {
  const rng = new Rng(seed);
  const lam = randVec(widths[0] * widths[widths.length - 1], () => rng.rand());
  const net = new DeepLinearNet(widths, lam);
  return { net, theta: randVec(net.n, () => rng.rand(), scale), rng };
}

/** Balanced rank-1 point for d_n = 1 built by hand: W_1 = rho e1 v^T, W_j = rho e1 e1^T, W_n = rho e1^T. */
function balancedRank1(widths: number[], w: number[]): Float64Array {
  const n = widths.length - 1;
  const r = Math.hypot(...w);
  const rho = r ** (1 / n);
  const parts: number[] = [];
  for (let j = 1; j <= n; j++) {
    const M = new Array(widths[j] * widths[j - 1]).fill(0);
    if (j === 1) for (let c = 0; c < widths[0]; c++) M[c] = (rho * w[c]) / r;
    else M[0] = rho;
    parts.push(...M);
  }
  return Float64Array.from(parts);
}

describe('deep linear net objective', () => {
  const shapes = [
    [3, 3, 3, 1],
    [2, 4, 3, 2],
    [3, 2, 5],
    [4, 1],
    [2, 3, 2, 3, 2, 3],
  ];

  it('loss is 1/2 ||W_n...W_1 - Lam||^2 (product by hand for widths 2-4-3-2)', () => {
    const { net, theta } = randomNet([2, 4, 3, 2], 1);
    const W = [1, 2, 3].map((j) => net.layer(theta, j));
    const w = net.widths;
    // P = W3 W2 W1 by triple loops.
    let f = 0;
    for (let a = 0; a < w[3]; a++)
      for (let b = 0; b < w[0]; b++) {
        let s = 0;
        for (let i = 0; i < w[2]; i++) for (let k = 0; k < w[1]; k++) s += W[2][a * w[2] + i] * W[1][i * w[1] + k] * W[0][k * w[0] + b];
        f += (s - net.lam[a * w[0] + b]) ** 2;
      }
    expect(net.loss(theta)).toBeCloseTo(f / 2, 13);
  });

  it('gradient matches central differences (< 1e-8 relative)', () => {
    shapes.forEach((widths, s) => {
      const { net, theta } = randomNet(widths, 10 + s);
      const g = new Float64Array(net.n);
      const f = net.grad(theta, g);
      expect(f).toBe(net.loss(theta));
      expect(relError(g, fdGradient(net, theta))).toBeLessThan(1e-8);
    });
  });

  it('HVP matches central differences of the gradient (< 1e-7 relative); assembled H symmetric to 1e-12', () => {
    shapes.forEach((widths, s) => {
      const { net, theta, rng } = randomNet(widths, 20 + s);
      for (let rep = 0; rep < 3; rep++) {
        const v = randVec(net.n, () => rng.rand());
        const hv = new Float64Array(net.n);
        net.hvp(theta, v, hv);
        expect(relError(hv, fdHvp(net, theta, v))).toBeLessThan(1e-7);
      }
      const H = hvpColumns(net, theta);
      const n = net.n;
      let asym = 0;
      let mx = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          asym = Math.max(asym, Math.abs(H[i * n + j] - H[j * n + i]));
          mx = Math.max(mx, Math.abs(H[i * n + j]));
        }
      expect(asym / mx).toBeLessThan(1e-12);
    });
  });

  it('H = 0 at the origin for n >= 3', () => {
    const net = new DeepLinearNet([3, 3, 3, 1], [1, 0, 0]);
    const H = hvpColumns(net, new Float64Array(net.n));
    expect(Math.max(...H.map(Math.abs))).toBe(0);
  });

  it('n = 2 at the origin: nonzero eigenvalues +-||Lam||, each with multiplicity d_1 (d_n = 1)', () => {
    const lam = [0.3, -1.1, 0.5];
    const ln = norm(lam);
    const d1 = 4;
    const net = new DeepLinearNet([3, d1, 1], lam);
    const ev = refEigenvalues(hvpColumns(net, new Float64Array(net.n)), net.n);
    const pos = ev.filter((e) => e > 1e-12);
    const neg = ev.filter((e) => e < -1e-12);
    expect(pos.length).toBe(d1);
    expect(neg.length).toBe(d1);
    pos.forEach((e) => expect(e / ln).toBeCloseTo(1, 12));
    neg.forEach((e) => expect(e / ln).toBeCloseTo(-1, 12));
  });

  it('balanced global minimum (d_n = 1): lmax = n ||Lam||^(2-2/n), lmin = 0, H PSD', () => {
    const lam = [0.6, 1.3, -0.4];
    const ln = norm(lam);
    for (const widths of [
      [3, 3, 3, 1],
      [3, 4, 1],
      [3, 2, 2, 2, 1],
    ]) {
      const n = widths.length - 1;
      const net = new DeepLinearNet(widths, lam);
      const theta = balancedRank1(widths, lam);
      const g = new Float64Array(net.n);
      expect(net.grad(theta, g)).toBeLessThan(1e-28);
      const ev = refEigenvalues(hvpColumns(net, theta), net.n);
      const lmax = n * ln ** (2 - 2 / n);
      expect(ev[ev.length - 1] / lmax).toBeCloseTo(1, 12);
      expect(ev[0]).toBeGreaterThan(-1e-12 * lmax);
      expect(Math.abs(ev[0])).toBeLessThan(1e-12 * lmax);
    }
  });

  it('scalar chain at w_j = rho: eigenvalues n rho^(2n-2) + (n-1)(p-y) rho^(n-2) and (y-p) rho^(n-2) (x n-1)', () => {
    for (const [n, rho, y] of [
      [3, 0.7, 1],
      [4, 1.1, 0.5],
      [5, 0.9, -0.3],
    ]) {
      const net = new DeepLinearNet(new Array(n + 1).fill(1), [y]);
      const theta = new Float64Array(n).fill(rho);
      const p = rho ** n;
      const ev = refEigenvalues(hvpColumns(net, theta), n);
      const want = [n * rho ** (2 * n - 2) + (n - 1) * (p - y) * rho ** (n - 2), ...new Array(n - 1).fill((y - p) * rho ** (n - 2))].sort((a, b) => a - b);
      expect(relError(ev, want)).toBeLessThan(1e-13);
    }
  });

  it('one GD step changes D_j by exactly eta^2 (G_{j+1}^T G_{j+1} - G_j G_j^T) (Sec. 6.3, 1e-12 relative)', () => {
    for (const widths of [
      [3, 3, 3, 1],
      [2, 4, 3, 2],
      [2, 3, 2, 3, 2, 3],
    ]) {
      const { net, theta } = randomNet(widths, 7);
      // eta large enough that D_j(k+1) - D_j(k) is not swamped by rounding of D_j itself (an eta^3 error would be ~eta).
      const eta = 0.2;
      const g = new Float64Array(net.n);
      net.grad(theta, g);
      const next = theta.map((x, i) => x - eta * g[i]);
      const before = net.imbalance(theta);
      const after = net.imbalance(next);
      // Exact prediction built from the gradient blocks as plain matrices (gradient blocks share the layers' layout).
      const gn = new DeepLinearNet(widths, net.lam);
      const w = net.widths;
      for (let j = 1; j < net.depth; j++) {
        const Gj = gn.layer(g, j);
        const Gj1 = gn.layer(g, j + 1);
        const m = w[j];
        const pred = new Float64Array(m * m);
        for (let a = 0; a < m; a++)
          for (let b = 0; b < m; b++) {
            let s = 0;
            for (let r = 0; r < w[j + 1]; r++) s += Gj1[r * m + a] * Gj1[r * m + b];
            for (let c = 0; c < w[j - 1]; c++) s -= Gj[a * w[j - 1] + c] * Gj[b * w[j - 1] + c];
            pred[a * m + b] = eta * eta * s;
          }
        const diff = after[j - 1].map((x, i) => x - before[j - 1][i]);
        expect(relError(diff, pred)).toBeLessThan(1e-12);
      }
    }
  });

  it('alignment and unbalancedness: r, nu of a known end-to-end; U = 0 for a balanced point, = sum |eig| otherwise', () => {
    const widths = [3, 3, 3, 1];
    const net = new DeepLinearNet(widths, [1, 0, 0]);
    const theta = balancedRank1(widths, [0.06, 0.08, 0]);
    const { r, nu } = net.alignment(theta);
    expect(r).toBeCloseTo(0.1, 15);
    expect(nu).toBeCloseTo(0.6, 14);
    expect(net.unbalancedness(theta)).toBeLessThan(1e-16);
    // Scalar chain (1,1,1): D_1 = w2^2 - w1^2, D_2 = w3^2 - w2^2.
    const chain = new DeepLinearNet([1, 1, 1, 1], [1]);
    expect(chain.unbalancedness(Float64Array.from([2, 1, 0.5]))).toBeCloseTo(3, 15);
  });
});
