import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import {
  cor4EtaMax,
  eq21TBar,
  eq22IntegralBound,
  eq22LogTerm,
  eq23EtaMax,
  eq24Iterations,
  lemma7Bound,
  lemma11Bound,
  maxProductOf,
  prop8Bound,
  prop12Bound,
  thm3TrajectoryEtaMax,
} from '../bounds';
import { DeepLinearNet } from '../dln';
import { type Activation, FcNet } from '../fc';
import { balancedInit } from '../init';
import { frobenius, spectralNorm } from '../norms';
import { hvpColumns } from '../hessian';
import { norm, randVec, refEigenvalues } from './fd';

describe('Eqs. 21-24 (Sec. 6.4 table, erratum 8.3)', () => {
  // Each value as printed, with the absolute half-unit of its last printed digit.
  const rows = [
    { n: 3, r0: 0.1, nu: 0, tBar: [2170, 0.5], eta: [1.4e-25, 0.05e-25], k: [1.5e28, 0.05e28] },
    { n: 3, r0: 0.2, nu: 1, tBar: [300.6, 0.05], eta: [5.3e-24, 0.05e-24], k: [5.7e25, 0.05e25] },
    { n: 2, r0: 0.1, nu: 0, tBar: [927.8, 0.05], eta: [5.4e-21, 0.05e-21], k: [1.7e23, 0.05e23] },
    { n: 5, r0: 0.1, nu: 0, tBar: [8524, 0.5], eta: [1.4e-33, 0.05e-33], k: [6.0e36, 0.05e36] },
  ];
  const logTerms = [16.8, 15.4, 11.0, 27.8];
  it.each(rows.map((r, i) => ({ ...r, log: logTerms[i] })))('n = $n, r0 = $r0, nu = $nu (eps~ = 0.01)', ({ n, r0, nu, tBar, log, eta, k }) => {
    const epsT = 0.01;
    expect(Math.abs(eq21TBar(n, r0, nu, epsT / 2) - tBar[0])).toBeLessThanOrEqual(tBar[1]);
    expect(Math.abs(eq22LogTerm(n, r0, nu) - log)).toBeLessThanOrEqual(0.05);
    const e = eq23EtaMax(n, r0, nu, epsT);
    expect(Math.abs(e - eta[0])).toBeLessThanOrEqual(eta[1]);
    expect(Math.abs(eq24Iterations(n, r0, nu, epsT, e) - k[0])).toBeLessThanOrEqual(k[1]);
  });

  it('DLN-3: t_bar(eps_bar = 1e-3) = 2495.6; Eq. 22 adds 15 n^3 max{..}^n t eps / r0 to the log term', () => {
    expect(eq21TBar(3, 0.1, 0, 1e-3)).toBeCloseTo(2495.6, 1);
    expect(eq22IntegralBound(3, 0.1, 0, 2, 0.01) - eq22LogTerm(3, 0.1, 0)).toBeCloseTo((15 * 27 * 3.375 * 2 * 0.01) / 0.1, 10);
  });

  it('erratum 8.3: nu = 0 uses 3/2 (the printed max{1, 3/2, (1-nu)/(1+nu)} would give the same), nu = -0.5 uses (3/2) 3 = 4.5, not 3', () => {
    const t = eq21TBar(2, 0.1, -0.5, 0.005);
    expect(t).toBeCloseTo(((4 * 4.5 ** 2) / 0.1) * Math.log((15 * 2 * 3) / (0.1 * 0.01)), 8);
  });
});

describe('Cor. 4 and the Thm 3 trajectory heuristic', () => {
  const base = { beta: 2, f0: 0.5, eps: 0.1, d0: 0.01, tTilde: 5 };
  it('Cor. 4 closed forms for m < 0, = 0, > 0', () => {
    const c = 1 / (Math.sqrt(2 * 8 * 0.5) + 4 * 0.1);
    expect(cor4EtaMax({ ...base, m: -0.5 })).toBeCloseTo(c * 0.09 * 0.5, 15);
    expect(cor4EtaMax({ ...base, m: 0 })).toBeCloseTo((c * 0.09) / 5, 15);
    expect(cor4EtaMax({ ...base, m: 0.5 })).toBeCloseTo((c * (0.1 - 0.01 * Math.exp(2.5)) * 0.5) / (Math.exp(2.5) - 1), 15);
  });

  it('with constant m the heuristic equals Cor. 4 for m >= 0 and is no smaller for m < 0', () => {
    const N = 20001;
    const t = Float64Array.from({ length: N }, (_, i) => (5 * i) / (N - 1));
    const gamma = Math.sqrt(2 * base.beta * base.f0) + base.beta * base.eps;
    for (const m of [-0.5, 0, 0.5]) {
      const eta = thm3TrajectoryEtaMax(t, new Float64Array(N).fill(m), base.beta, gamma, base.eps, base.d0);
      const cor = cor4EtaMax({ ...base, m });
      if (m >= 0) expect(eta[N - 1] / cor).toBeCloseTo(1, 7);
      else expect(eta[N - 1]).toBeGreaterThanOrEqual(cor);
      // Running infimum: non-increasing in t~.
      for (let i = 2; i < N; i++) expect(eta[i]).toBeLessThanOrEqual(eta[i - 1]);
    }
  });
});

describe('Lemma 7 / Lemma 11 hold at random points (Sec. 6.5, 200 samples each, widths <= 5)', () => {
  it('Lemma 7 (DLN)', () => {
    const rng = new Rng(77);
    for (let s = 0; s < 200; s++) {
      const depth = 2 + Math.floor(rng.rand() * 3);
      const widths = Array.from({ length: depth + 1 }, () => 1 + Math.floor(rng.rand() * 5));
      const d0 = widths[0];
      const dn = widths[depth];
      const net = new DeepLinearNet(
        widths,
        randVec(d0 * dn, () => rng.rand()),
      );
      const theta = randVec(net.n, () => rng.rand(), 0.2 + 1.5 * rng.rand());
      const lmin = refEigenvalues(hvpColumns(net, theta), net.n)[0];
      const sn = Array.from({ length: depth }, (_, j) => spectralNorm(net.layer(theta, j + 1), widths[j + 1], widths[j]));
      const G = net.endToEnd(theta).map((x, i) => x - net.lam[i]);
      const bound = lemma7Bound(sn, d0, dn, norm(G));
      expect(lmin).toBeGreaterThanOrEqual(bound - 1e-12 * Math.abs(bound));
    }
  });

  it('Lemma 7 is tight for n = 2 at the DLN-2 start: lmin(0) = -1.005 = the bound', () => {
    const widths = [3, 3, 1];
    const net = new DeepLinearNet(widths, [1, 0, 0]);
    const theta = balancedInit(widths, [0, 0.1, 0]);
    const lmin = refEigenvalues(hvpColumns(net, theta), net.n)[0];
    const sn = [1, 2].map((j) => spectralNorm(net.layer(theta, j), widths[j], widths[j - 1]));
    const bound = lemma7Bound(sn, 3, 1, Math.sqrt(1.01));
    expect(lmin).toBeCloseTo(-1.005, 3);
    expect(lmin / bound).toBeCloseTo(1, 12);
  });

  it('Lemma 11 (ReLU / leaky / identity nets, square and cross-entropy; points away from kinks)', () => {
    const rng = new Rng(78);
    const acts: Activation[] = ['relu', 'leaky', 'identity'];
    let tested = 0;
    for (let s = 0; tested < 200; s++) {
      const depth = 2 + Math.floor(rng.rand() * 3);
      const widths = Array.from({ length: depth + 1 }, () => 1 + Math.floor(rng.rand() * 5));
      const act = acts[s % 3];
      const ce = s % 2 === 1 && widths[depth] > 1;
      const N = 1 + Math.floor(rng.rand() * 6);
      const X = randVec(N * widths[0], () => rng.rand());
      const Y = ce ? Float64Array.from({ length: N }, () => Math.floor(rng.rand() * widths[depth])) : randVec(N * widths[depth], () => rng.rand());
      const net = new FcNet({ widths, activation: act, leakySlope: 0.3, loss: ce ? 'ce' : 'square', X, Y });
      // A draw on a kink (e.g. a dead layer feeding exact zeros forward) is outside every open region: redraw a few
      // times, then move on to another architecture.
      let theta = randVec(net.n, () => rng.rand(), 0.3 + 1.5 * rng.rand());
      for (let tries = 0; act !== 'identity' && net.kinkMargin(theta) < 1e-6 && tries < 20; tries++) theta = randVec(net.n, () => rng.rand(), 0.3 + 1.5 * rng.rand());
      if (act !== 'identity' && net.kinkMargin(theta) < 1e-6) continue;
      tested++;
      const lmin = refEigenvalues(hvpColumns(net, theta), net.n)[0];
      const fro = Array.from({ length: depth }, (_, j) => frobenius(net.layer(theta, j + 1)));
      const xn = Array.from({ length: N }, (_, i) => norm(X.slice(i * widths[0], (i + 1) * widths[0])));
      const bound = lemma11Bound(fro, 1, net.outputGradNorms(theta), xn);
      expect(lmin).toBeGreaterThanOrEqual(bound - 1e-12 * Math.max(1, Math.abs(bound)));
    }
  });
});

describe('bound formulas by hand', () => {
  it('maxProductOf, Prop. 8 and Prop. 12', () => {
    expect(maxProductOf([0.5, 3, 2, 1], 2)).toBe(6);
    expect(maxProductOf([0.5], 0)).toBe(1);
    // n = 3, d0 = 4, dn = 1: -(2)(1)(0.7) 0.2^(1/3) - c eps^(1/3), c = 24/12^(2/3) 0.7 max(1, 1.5)^2.
    const c = (24 / 12 ** (2 / 3)) * 0.7 * 1.5 ** 2;
    expect(prop8Bound([1.5, 0.4, 0.3], 4, 1, 0.7, 0.2, 0.05)).toBeCloseTo(-2 * 0.7 * 0.2 ** (1 / 3) - c * 0.05 ** (1 / 3), 13);
    expect(prop8Bound([1.5, 0.4, 0.3], 4, 1, 0.7, 0.2, 0)).toBeCloseTo(-2 * 0.7 * 0.2 ** (1 / 3), 14);
    // n = 4: -(0.2^3)(3/2)(1 * 2 + 3 * 0.5)(0.3 + 0.1)^2.
    expect(prop12Bound([0.3, 0.9, 2, 1], 0.2, [1, 3], [2, 0.5], 0.1)).toBeCloseTo(-(0.2 ** 3) * 1.5 * 3.5 * 0.16, 15);
  });
});
