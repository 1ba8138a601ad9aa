// The exact toys of the Saddles docs/labs/saddles.md (docs/labs/saddles.md, 5.1) and the Example 1 / toy rows of the
// sweep SD-scaling (5.4), solved as ODEs by the engine (DOPRI5, tight tolerances). Expected numbers are the spec's
// or come from closed forms and quadratures written out here, never from the engine itself.
import { describe, expect, it } from 'vitest';
import type { SaddlesSpec } from '../schema';
import { findPreset } from '../../../experiment/presets';
import { kktResidual, ncfFlowLimit } from '../../../engine/homogeneous/ncf';
import { GradientDescent } from '../../../engine/core/integrators/gd';
import { FlowPath } from '../../../engine/core/flow-path';
import { FeedForward } from '../../../engine/homogeneous/ff';
import { SaddlesProblem } from '../../../engine/homogeneous/problem';
import { analyseSaddles, buildSaddles } from '../build';

const SQRT2 = Math.SQRT2;

/** A toy preset (docs/labs/saddles.md Sec. 5.1): Example 1's spec with degree Lh, delta and w0 = (1, 1)/sqrt2. */
function toySpec(Lh: number, delta: number, w0: number[] = [1, 1]): SaddlesSpec {
  const s = structuredClone(findPreset('sd-ex1-0.1')!.spec) as SaddlesSpec;
  return { ...s, model: { kind: 'toy', Lh, d: 2 }, init: { delta, dir: { kind: 'explicit', w0 } } };
}

/** Gradient flow of a spec from delta w0, tolerances scaled to delta (docs/labs/saddles.md Sec. 4.2). */
function toyPath(spec: SaddlesSpec, rtol = 1e-12) {
  const { problem, theta0 } = buildSaddles(spec);
  return { problem, theta0, path: new FlowPath(problem, theta0, rtol, 1e-16 * spec.init.delta) };
}

/** Composite Simpson rule over n panels (each panel uses its own midpoint). */
function simpson(f: (x: number) => number, a: number, b: number, n = 2000): number {
  const h = (b - a) / n;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const x = a + i * h;
    s += (h / 6) * (f(x) + 4 * f(x + h / 2) + f(x + h));
  }
  return s;
}

/**
 * t_half = int_{d0}^{b} du / (2 Lh u^(Lh-1) (y - u^Lh)), b = (y/2)^(1/Lh) (docs/labs/saddles.md Sec. 5.1, SD-toyL), by the partial
 * fractions 1/(u^(Lh-1)(y - u^Lh)) = (1/y)(u^(1-Lh) + u/(y - u^Lh)): the first part in closed form, the second
 * (smooth, y - u^Lh >= y/2) by Simpson.
 */
function toyHalfTime(Lh: number, y: number, d0: number): number {
  const b = (y / 2) ** (1 / Lh);
  const first = Lh === 2 ? Math.log(b / d0) : (d0 ** (2 - Lh) - b ** (2 - Lh)) / (Lh - 2);
  const second = simpson((u) => u / (y - u ** Lh), d0, b);
  return (first + second) / (2 * Lh * y);
}

/** Example 1 closed forms (docs/labs/saddles.md Sec. 3.5). */
const psi = (t: number, d: number) => [(2 * d) / Math.sqrt(d * d + (8 - d * d) * Math.exp(-32 * t)), d / Math.sqrt(d * d + (2 - d * d) * Math.exp(-8 * t))];
const pLimit = (t: number) => 2 / Math.sqrt(1 + 4 * Math.exp(-32 * t));

describe('SD-ex1 / SD-ex1-shift: the delta-independent path p(t) of Example 1 (5.1)', () => {
  it('p(t) as the ODE solution from delta w* (delta = 1e-8) shifted by ln(1/delta)/16: the values listed in SD-ex1', () => {
    // psi_1(t + ln(1/delta)/16, delta w*) = 2/sqrt(1 + (4 - delta^2) e^(-32t)) = p_1(t) to relative delta^2
    const delta = 1e-8;
    const { path } = toyPath(toySpec(2, delta, [1, 0]));
    const shift = Math.log(1 / delta) / 16;
    const listed: [number, number, number][] = [
      [-1, 1.12535e-7, 5e-6],
      [-0.5, 3.35463e-4, 2e-6],
      [0, 2 / Math.sqrt(5), 1e-9],
      [0.1, 1.854518, 3e-7],
      [0.25, 1.998659, 3e-7],
    ];
    path.advance(0.25 + shift);
    for (const [t, p, rel] of listed) {
      const w = path.at(t + shift);
      expect(w[1]).toBe(0);
      expect(Math.abs(w[0] - p) / p).toBeLessThan(rel);
      expect(Math.abs(w[0] - pLimit(t)) / pLimit(t)).toBeLessThan(1e-9);
    }
  });

  it('distance of psi(t + ln(sqrt2/delta)/16, delta w0) from p(0.05): 0.16559, 0.029771, 0.0052962 (about delta^(3/4)); from delta w*: 8.31e-4, 8.31e-6, 8.31e-8', () => {
    const t = 0.05;
    const p = pLimit(t);
    const fromW0: number[] = [];
    const fromWstar: number[] = [];
    const expected: [number, number, number, number, number][] = [
      // delta, distance (w0), psi_1 - p_1 (w*), and half a unit in the last listed digit of each
      [0.1, 0.16559, 8.31e-4, 5e-6, 5e-7],
      [0.01, 0.029771, 8.31e-6, 5e-7, 5e-9],
      [0.001, 0.0052962, 8.31e-8, 5e-8, 5e-11],
    ];
    for (const [delta, dist, distStar, tol, tolStar] of expected) {
      const a = toyPath(toySpec(2, delta)).path;
      const T = t + Math.log(SQRT2 / delta) / 16;
      a.advance(T);
      const d = Math.hypot(a.theta[0] - p, a.theta[1]);
      expect(Math.abs(d - dist)).toBeLessThan(tol);
      fromW0.push(d);
      const b = toyPath(toySpec(2, delta, [1, 0])).path;
      b.advance(t + Math.log(1 / delta) / 16);
      expect(b.theta[1]).toBe(0);
      const e = b.theta[0] - p;
      expect(Math.abs(e - distStar)).toBeLessThan(tolStar);
      fromWstar.push(e);
      // the ODE agrees with the closed form at the same times
      expect(Math.abs(a.theta[0] - psi(T, delta)[0])).toBeLessThan(1e-10);
    }
    // errata 7: the observed rate, not the theorem's bound: the w0 distance shrinks about like delta^(3/4)
    for (let i = 1; i < fromW0.length; i++) expect(Math.abs(Math.log10(fromW0[i - 1] / fromW0[i]) - 0.75)).toBeLessThan(0.02);
    // and the w* one like delta^2
    for (let i = 1; i < fromWstar.length; i++) expect(Math.abs(fromWstar[i - 1] / fromWstar[i] / 100 - 1)).toBeLessThan(0.01);
  });
});

describe('SD-ex1-gd: GD on Example 1 settles at (2, 1) only for eta < 1/16 (3.5: Hess L = diag(32, 8) there)', () => {
  it('eta = 0.0624 converges to (2, 1); eta = 0.063 > 1/16 ends on a 2-cycle around it; both from delta = 0.001', () => {
    const base = structuredClone(findPreset('sd-ex1-gd')!.spec) as SaddlesSpec;
    expect(base.init.delta).toBe(0.001);
    const { problem, theta0 } = buildSaddles(base);
    const dist = (w: Float64Array) => Math.hypot(w[0] - 2, w[1] - 1);
    const below = new GradientDescent(problem, theta0, 0.0624);
    for (let k = 0; k < 20_000; k++) below.step();
    expect(dist(below.theta)).toBeLessThan(1e-12);
    const above = new GradientDescent(problem, theta0, 0.063);
    let closest = Infinity;
    for (let k = 0; k < 20_000; k++) {
      above.step();
      if (k >= 19_000) closest = Math.min(closest, dist(above.theta));
    }
    // 1 - eta * 32 = -1.016: w1 = 2 repels; w2 (multiplier 1 - 8 eta = 0.5) still converges to 1
    expect(closest).toBeGreaterThan(0.05);
    expect(Math.abs(above.theta[1] - 1)).toBeLessThan(1e-12);
  });
});

describe('SD-toyL: the depth-Lh toy H = w1^Lh x1 + w2^Lh x2 (5.1)', () => {
  // [Lh, delta, t_half(y = 4), T_blow(y = 4), t_half(y = 1), T_blow(y = 1)] as tabulated in the spec
  const table: [number, number, number, number, number, number][] = [
    [3, 0.1, 0.56691, 0.58926, 2.2149, 2.35702],
    [3, 0.01, 5.87024, 5.89256, 23.42851, 23.57023],
    [4, 0.1, 3.12082, 3.125, 12.46638, 12.5],
    [4, 0.01, 312.49584, 312.5, 1249.96669, 1250],
  ];
  it.each(table)('Lh = %i, delta = %s: half-times from the ODE = the tabulated integrals, NCF blow-up times, ratio y1/y2 = 4', (Lh, delta, half1, blow1, half2, blow2) => {
    const spec = toySpec(Lh, delta);
    const { problem, theta0, path } = toyPath(spec);
    const d0 = delta / SQRT2;
    expect(Array.from(theta0)).toEqual([d0, d0].map((v) => expect.closeTo(v, 15)));
    // run until both coordinates are past y_k / 2
    path.advance(1.1 * blow2, (th) => th[1] ** Lh > 0.5);
    const tHalf = [0, 1].map((k) => path.crossing((th) => th[k] ** Lh, [4, 1][k] / 2));
    const quad = [toyHalfTime(Lh, 4, d0), toyHalfTime(Lh, 1, d0)];
    for (const k of [0, 1]) expect(Math.abs(tHalf[k] - quad[k]) / quad[k]).toBeLessThan(1e-9);
    // the spec's 5-decimal values (half a unit in the last digit)
    expect(Math.abs(tHalf[0] - half1)).toBeLessThan(5e-6);
    expect(Math.abs(tHalf[1] - half2)).toBeLessThan(5e-6);
    // NCF blow-up 1/(2 Lh (Lh-2) y d0^(Lh-2)) per coordinate; the engine's T_blow(w0)/delta^(Lh-2) is coordinate 1's
    const blow = [4, 1].map((y) => 1 / (2 * Lh * (Lh - 2) * y * d0 ** (Lh - 2)));
    expect(Math.abs(blow[0] - blow1)).toBeLessThan(5e-6);
    expect(Math.abs(blow[1] - blow2)).toBeLessThan(5e-6);
    const pred = (problem as SaddlesProblem).analysis.pred;
    expect(Math.abs(pred.Tblow / delta ** (Lh - 2) - blow[0]) / blow[0]).toBeLessThan(1e-9);
    expect(Math.abs(pred.tEscW0 - blow[0]) / blow[0]).toBeLessThan(1e-9);
    // each half-time precedes its blow-up, and the two drops happen at times in ratio y1/y2 = 4 (for small delta)
    expect(tHalf[0]).toBeLessThan(blow[0]);
    expect(tHalf[1]).toBeLessThan(blow[1]);
    expect(blow[1] / blow[0]).toBeCloseTo(4, 12);
    const ratio = tHalf[1] / tHalf[0];
    expect(Math.abs(ratio - 4)).toBeLessThan(delta === 0.1 ? 0.1 : 0.01);
  });

  it('Lh = 2 reproduces SD-ex1: the half-drop times 0.208855 / 0.661663 (delta 0.1) and 0.352805 / 1.237930 (0.01)', () => {
    for (const [delta, h1, h2] of [
      [0.1, 0.208855, 0.661663],
      [0.01, 0.352805, 1.23793],
    ]) {
      const { path } = toyPath(toySpec(2, delta));
      path.advance(2);
      const t1 = path.crossing((th) => th[0] ** 2, 2);
      const t2 = path.crossing((th) => th[1] ** 2, 0.5);
      expect(Math.abs(t1 - h1)).toBeLessThan(5e-7);
      expect(Math.abs(t2 - h2)).toBeLessThan(5e-7);
      expect(Math.abs(t1 - toyHalfTime(2, 4, delta / SQRT2))).toBeLessThan(1e-10);
      expect(Math.abs(t2 - toyHalfTime(2, 1, delta / SQRT2))).toBeLessThan(1e-10);
    }
  });
});

/** The NCF-shaped spec for hand-built feed-forward models (analyseSaddles with an explicit model). */
function ffSpec(d: number, width: number, p: number, alpha: number, delta: number, w0: number[]): SaddlesSpec {
  return {
    v: 1,
    lab: 'saddles',
    seed: 0,
    model: { kind: 'ff', d, widths: [width], p, alpha },
    data: { kind: 'circle8' }, // unused: the model is passed in
    loss: 'sq-sum',
    init: { delta, dir: { kind: 'explicit', w0 } },
    optim: { kind: 'flow', method: 'dopri5', rtol: 1e-12, atol: 1e-16 * delta },
    stop: { lossBelow: 0, maxSteps: 1, maxTime: 1, extraSteps: 0 },
    record: { every: 1, perDecade: 1 },
  };
}

describe('SD-neuron: H = v (a x)^2 with x = 1, y = 1, sq-sum (5.1)', () => {
  const neuron = () => new FeedForward({ dims: [1, 1, 1], p: 2, alpha: 1, X: Float64Array.of(1), y: Float64Array.of(1), loss: 'sq-sum' });
  const wstar = [Math.sqrt(2 / 3), Math.sqrt(1 / 3)];

  it('N on the circle is 2y sin t cos^2 t, N* = 4y/(3 sqrt3) = 0.769800 at w* = (sqrt(2/3), sqrt(1/3)), t_esc predicted 0.4330127/delta', () => {
    const m = neuron();
    expect(m.Lh).toBe(3);
    const g = new Float64Array(2);
    for (const t of [0.3, 1, 2.5, 4]) expect(Math.abs(m.ncfGrad(Float64Array.of(Math.cos(t), Math.sin(t)), g) - 2 * Math.sin(t) * Math.cos(t) ** 2)).toBeLessThan(1e-15);
    const Nstar = 4 / (3 * Math.sqrt(3));
    expect(Math.abs(Nstar - 0.7698)).toBeLessThan(5e-7);
    expect(kktResidual(m, Float64Array.from(wstar)).residual).toBeLessThan(1e-15);
    // the engine's NCF limit from another direction of the same stable set, and its escape prediction from delta w*
    const lim = ncfFlowLimit(m, Float64Array.of(1, 0.3));
    expect(Math.abs(lim.N - Nstar)).toBeLessThan(1e-12);
    expect(Math.abs(lim.u[0] - wstar[0]) + Math.abs(lim.u[1] - wstar[1])).toBeLessThan(1e-9);
    for (const delta of [0.1, 0.01, 0.001]) {
      const a = analyseSaddles(ffSpec(1, 1, 2, 1, delta, wstar), m);
      expect(Math.abs(a.pred.tEscWstar - 0.4330127 / delta)).toBeLessThan(1e-7 / delta);
      expect(Math.abs(a.pred.Nstar - Nstar)).toBeLessThan(1e-12);
    }
  });

  it.each([0.1, 0.01, 0.001])('delta = %s: t_esc = 0.4330127/delta - 1.836 (+-0.002) = the quadrature; a^2 - 2v^2 stays 0; limit (1.122462, 0.793701)', (delta) => {
    const m = neuron();
    const analysis = analyseSaddles(ffSpec(1, 1, 2, 1, delta, wstar), m);
    const theta0 = Float64Array.from(wstar, (v) => v * delta);
    const problem = new SaddlesProblem(analysis, theta0);
    const path = new FlowPath(problem, theta0, 1e-12, 1e-16 * delta);
    const L0 = 1; // sum y^2
    expect(m.loss(new Float64Array(2))).toBe(L0);
    const tPred = 0.4330127 / delta;
    path.advance(tPred + 30);
    const tEsc = path.crossing((th) => m.loss(th), 0.99 * L0);
    // a^2 = 2 v^2 is conserved, so v' = 4 v^2 (1 - 2 v^3) and t_esc = int_{v0}^{v1} dv / (4 v^2 (1 - 2 v^3)),
    // v0 = delta/sqrt3, 2 v1^3 = 1 - sqrt(0.99); partial fractions: 1/(v^2 (1 - 2v^3)) = 1/v^2 + 2v/(1 - 2v^3)
    const v0 = delta / Math.sqrt(3);
    const v1 = ((1 - Math.sqrt(0.99)) / 2) ** (1 / 3);
    const quad = 1 / (4 * v0) - 1 / (4 * v1) + simpson((v) => v / (2 * (1 - 2 * v ** 3)), v0, v1);
    expect(Math.abs(tEsc - quad) / quad).toBeLessThan(1e-9);
    expect(Math.abs(tEsc - (tPred - 1.836))).toBeLessThan(0.002);
    // conservation along the whole path, relative to the neuron's energy a^2 + 2 v^2
    for (let i = 0; i < path.ts.length; i += 5) {
      const [a, v] = path.thetas[i];
      expect(Math.abs(a * a - 2 * v * v) / (a * a + 2 * v * v)).toBeLessThan(1e-9);
    }
    // the limit is exactly (sqrt2 (y/2)^(1/3), (y/2)^(1/3))
    const c = 0.5 ** (1 / 3);
    expect(Math.abs(path.theta[0] - SQRT2 * c)).toBeLessThan(1e-9);
    expect(Math.abs(path.theta[1] - c)).toBeLessThan(1e-9);
    expect(Math.abs(path.theta[0] - 1.122462)).toBeLessThan(5e-7);
    expect(Math.abs(path.theta[1] - 0.793701)).toBeLessThan(5e-7);
  });
});

describe('SD-dead: a squared-ReLU neuron with w*^T x_i < 0 for all i (5.1, Lemma 33)', () => {
  // d = 2, points in the open first quadrant, W row pointing into the third: every pre-activation is negative
  const X = Float64Array.from([0.1, 0.4, 0.7, 1.0, 1.4].flatMap((phi) => [Math.cos(phi), Math.sin(phi)]));
  const y = Float64Array.of(1, -0.5, 2, 0.3, 1.5);
  const wstar = [-0.6 / SQRT2, -0.8 / SQRT2, 1 / SQRT2];
  const dead = (Xs: Float64Array) => new FeedForward({ dims: [2, 1, 1], p: 2, alpha: 0, X: Xs, y, loss: 'sq-sum' });

  it('grad L = 0 exactly at delta w* for every delta; N(w*) = 0 is a zero KKT point; no escape is predicted', () => {
    const m = dead(X);
    const L0 = y.reduce((s, v) => s + v * v, 0);
    const g = new Float64Array(3);
    for (const delta of [1e-3, 0.1, 1, 10]) {
      const th = Float64Array.from(wstar, (v) => v * delta);
      expect(m.grad(th, g)).toBe(L0);
      for (const gi of g) expect(gi === 0).toBe(true);
    }
    expect(m.ncfGrad(Float64Array.from(wstar), g)).toBe(0);
    for (const gi of g) expect(gi === 0).toBe(true);
    expect(kktResidual(m, Float64Array.from(wstar)).residual).toBe(0);
    const a = analyseSaddles(ffSpec(2, 1, 2, 0, 0.1, wstar), m);
    expect(a.pred.Nstar).toBe(0);
    expect(a.pred.tEscWstar).toBeNaN();
    // the premise matters: with one point on the positive side the gradient is not zero
    const flipped = Float64Array.from(X);
    flipped[0] = -flipped[0];
    flipped[1] = -flipped[1];
    dead(flipped).grad(
      Float64Array.from(wstar, (v) => 0.1 * v),
      g,
    );
    expect(Math.max(...Array.from(g, Math.abs))).toBeGreaterThan(1e-4);
  });

  it('GD (1e4 steps) and gradient flow (DOPRI5 to t = 1000) never move from delta w* (bitwise)', () => {
    const m = dead(X);
    const delta = 0.1;
    const theta0 = Float64Array.from(wstar, (v) => v * delta);
    const problem = new SaddlesProblem(analyseSaddles(ffSpec(2, 1, 2, 0, delta, wstar), m), theta0);
    const gd = new GradientDescent(problem, theta0, 0.1);
    for (let k = 0; k < 10_000; k++) gd.step();
    theta0.forEach((v, i) => expect(Object.is(gd.theta[i], v)).toBe(true));
    const path = new FlowPath(problem, theta0, 1e-10, 1e-14 * delta);
    path.advance(1000);
    expect(path.t).toBe(1000);
    theta0.forEach((v, i) => expect(Object.is(path.theta[i], v)).toBe(true));
  });
});

describe('SD-scaling (5.4): escape times against delta', () => {
  it('Example 1, 8 deltas in [1e-6, 1e-1]: w1 half-drop at (1/32) ln((8 - delta^2)/delta^2), t_esc slope 1/16 in ln(1/delta)', () => {
    const deltas = Array.from({ length: 8 }, (_, k) => 10 ** (-6 + (5 * k) / 7));
    const x: number[] = [];
    const tEsc: number[] = [];
    for (const delta of deltas) {
      const { path } = toyPath(toySpec(2, delta));
      path.advance(1.2, (th) => th[0] ** 2 > 2.5);
      const half = path.crossing((th) => th[0] ** 2, 2);
      expect(Math.abs(half - Math.log((8 - delta ** 2) / delta ** 2) / 32)).toBeLessThan(1e-10);
      // t_esc = first L <= 0.99 L(0), L(0) = 17; independently: the same event on the closed form psi, by bisection
      const t = path.crossing((th) => (th[0] ** 2 - 4) ** 2 + (th[1] ** 2 - 1) ** 2, 0.99 * 17);
      let lo = 0;
      let hi = 2;
      const Lc = (s: number) => {
        const [a, b] = psi(s, delta);
        return (a * a - 4) ** 2 + (b * b - 1) ** 2;
      };
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (Lc(mid) > 0.99 * 17) lo = mid;
        else hi = mid;
      }
      expect(Math.abs(t - lo)).toBeLessThan(1e-10);
      x.push(Math.log(1 / delta));
      tEsc.push(t);
    }
    // least-squares slope over all eight (1/(2N*) = 1/16 up to the w2 term at delta = 0.1), and exactly 1/16 for
    // the four smallest deltas (pairwise)
    const mx = x.reduce((a, b) => a + b) / x.length;
    const my = tEsc.reduce((a, b) => a + b) / x.length;
    let sxy = 0;
    let sxx = 0;
    x.forEach((xi, i) => {
      sxy += (xi - mx) * (tEsc[i] - my);
      sxx += (xi - mx) ** 2;
    });
    expect(Math.abs(sxy / sxx - 1 / 16)).toBeLessThan(0.005 / 16);
    for (let i = 1; i < 4; i++) expect(Math.abs((tEsc[i - 1] - tEsc[i]) / (x[i - 1] - x[i]) - 1 / 16)).toBeLessThan(1e-6);
  });

  it.each([3, 4])('toy Lh = %i: t_esc - T_blow(w0)/delta^(Lh-2) tends to a constant offset (deltas 0.1 .. 0.01)', (Lh) => {
    const offsets: number[] = [];
    for (const delta of [0.1, 0.05, 0.02, 0.01]) {
      const { problem, path } = toyPath(toySpec(Lh, delta));
      const pred = (problem as SaddlesProblem).analysis.pred;
      // T_blow(w0) of the winning coordinate (y1 = 4, w0 = (1, 1)/sqrt2) in closed form
      const Tblow = 1 / (2 * Lh * (Lh - 2) * 4 * SQRT2 ** (2 - Lh));
      expect(Math.abs(pred.Tblow - Tblow) / Tblow).toBeLessThan(1e-9);
      const L = (th: Float64Array) => (th[0] ** Lh - 4) ** 2 + (th[1] ** Lh - 1) ** 2;
      path.advance((2 * Tblow) / delta ** (Lh - 2), (th) => L(th) < 0.9 * 17);
      offsets.push(path.crossing(L, 0.99 * 17) - Tblow / delta ** (Lh - 2));
    }
    // the offset is O(1) and settles while T_blow/delta^(Lh-2) grows 10- (Lh = 3) or 100-fold (Lh = 4)
    for (const o of offsets) expect(Math.abs(o)).toBeLessThan(0.5);
    const drift = offsets.slice(1).map((o, i) => Math.abs(o - offsets[i]));
    expect(drift[2]).toBeLessThan(1e-4);
    expect(drift[2]).toBeLessThan(drift[0]);
  });
});
