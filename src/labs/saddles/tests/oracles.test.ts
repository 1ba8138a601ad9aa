import { describe, expect, it } from 'vitest';
import { SQ2_TINY_W0, SQ3_TINY_W0, type SaddlesSpec } from '../schema';
import { findPreset } from '../../../experiment/presets';
import { GradientFlow } from '../../../engine/core/integrators/flow';
import { GradientDescent } from '../../../engine/core/integrators/gd';
import { buildSaddles } from '../build';

/** Example 1 closed form (docs/labs/saddles.md Sec. 3.5): psi(t, delta w0), w0 = (1, 1)/sqrt2. */
const psi = (t: number, d: number) => [(2 * d) / Math.sqrt(d * d + (8 - d * d) * Math.exp(-32 * t)), d / Math.sqrt(d * d + (2 - d * d) * Math.exp(-8 * t))];

const ex1 = (delta: number): SaddlesSpec => ({ ...(structuredClone(findPreset('sd-ex1-0.1')!.spec) as SaddlesSpec), init: { delta, dir: { kind: 'explicit', w0: [1, 1] } } });

function flowTo(spec: SaddlesSpec, rtol: number, atol: number) {
  const { problem, theta0 } = buildSaddles(spec);
  return { problem, flow: new GradientFlow(problem, theta0, 'dopri5', rtol, atol) };
}

describe('Example 1 (paper 003, App. E) against DOPRI5', () => {
  it('the closed form gives the values listed in the docs/labs/saddles.md', () => {
    expect(psi(0.3, 0.1)[0]).toBeCloseTo(1.94798651, 8);
    expect(psi(0.3, 0.1)[1]).toBeCloseTo(0.22909719, 8);
    expect(psi(1, 0.05)[1]).toBeCloseTo(0.88804391, 8);
    expect(psi(1, 0.001)[1]).toBeCloseTo(0.03857799, 8);
  });

  it.each([0.1, 0.05, 0.001])('delta = %s: the ODE solution matches psi(t, delta w0) to 1e-8 relative on [0, 3]', (delta) => {
    const { flow } = flowTo(ex1(delta), 1e-12, 1e-16 * delta);
    let worst = 0;
    for (const T of [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3]) {
      while (flow.t < T) expect(flow.step(T).ok).toBe(true);
      const ref = psi(T, delta);
      for (let k = 0; k < 2; k++) worst = Math.max(worst, Math.abs(flow.theta[k] - ref[k]) / Math.abs(ref[k]));
    }
    expect(worst).toBeLessThan(1e-8);
  });

  it('delta = 0.001: the loss staircase 17 -> 1 -> 0 at the listed times', () => {
    const { problem, flow } = flowTo(ex1(0.001), 1e-12, 1e-17);
    const expected: [number, number][] = [
      [0, 16.999995],
      [0.25, 16.988075],
      [0.5, 4.591154],
      [1, 0.997026],
      [1.5, 0.855156],
      [2, 0.033753],
      [3, 0],
    ];
    for (const [T, L] of expected) {
      while (flow.t < T) flow.step(T);
      expect(Math.abs(problem.loss(flow.theta) - L)).toBeLessThan(2e-6);
    }
  });

  it('GD tracks the closed form: eta = 1e-4 within 5e-3 along the path, eta = 1e-3 ends at (2.0, 0.9999626)', () => {
    // The docs/labs/saddles.md asks 1e-3; in the steep drops GD lags the flow by O(eta) in time and the observed worst
    // deviation is 3.8e-3 (the end points agree far better). We assert what is true.
    const { problem, theta0 } = buildSaddles(ex1(0.001));
    const gd = new GradientDescent(problem, theta0, 1e-4);
    let worst = 0;
    for (let k = 1; k <= 30_000; k++) {
      gd.step();
      if (k % 100 === 0) {
        const ref = psi(k * 1e-4, 0.001);
        worst = Math.max(worst, Math.abs(gd.theta[0] - ref[0]), Math.abs(gd.theta[1] - ref[1]));
      }
    }
    expect(worst).toBeLessThan(5e-3);
    expect(worst).toBeGreaterThan(1e-3);
    const coarse = new GradientDescent(problem, theta0, 1e-3);
    for (let k = 0; k < 3000; k++) coarse.step();
    expect(coarse.theta[0]).toBeCloseTo(2, 6);
    expect(coarse.theta[1]).toBeCloseTo(0.9999626, 6);
    expect(psi(3, 0.001)[1]).toBeCloseTo(0.9999623, 6);
  });
});

const tiny = (id: 'sd-sq2-tiny' | 'sd-sq3-tiny', delta: number, w0: number[]): SaddlesSpec => {
  const s = structuredClone(findPreset(id)!.spec) as SaddlesSpec;
  return { ...s, init: { delta, dir: { kind: 'explicit', w0 } } };
};

/** Runs gradient flow past escape; returns the first time L <= 0.99 L(0) (linear interpolation) and the flow. */
function measureEscape(spec: SaddlesSpec, tEnd: number) {
  const { problem, theta0 } = buildSaddles(spec);
  const L0 = problem.loss(new Float64Array(problem.n));
  const flow = new GradientFlow(problem, theta0, 'dopri5', 1e-10, 1e-14 * spec.init.delta);
  let tPrev = 0;
  let LPrev = problem.loss(theta0);
  let tEsc = NaN;
  while (flow.t < tEnd) {
    expect(flow.step(tEnd).ok).toBe(true);
    if (Number.isNaN(tEsc) && flow.loss <= 0.99 * L0) tEsc = tPrev + ((LPrev - 0.99 * L0) / (LPrev - flow.loss)) * (flow.t - tPrev);
    tPrev = flow.t;
    LPrev = flow.loss;
  }
  return { tEsc, flow, problem };
}

describe('square networks: predicted escape and first saddle (docs/labs/saddles.md Sec. 5.2)', () => {
  it('two-layer, delta = 0.0025: escape within 1 % of T_blow/delta, plateau = restricted one-neuron loss to 5 digits', () => {
    const spec = tiny('sd-sq2-tiny', 0.0025, SQ2_TINY_W0);
    const { problem } = buildSaddles(spec);
    const pred = problem.analysis.pred;
    // The restricted run is checked against the closed form 2 - sqrt3 (best one-neuron fit), not against itself.
    expect(Math.abs(pred.saddleLoss - (2 - Math.sqrt(3)))).toBeLessThan(1e-9);
    const { tEsc, flow } = measureEscape(spec, pred.tEscW0 + 5);
    expect(Math.abs(tEsc - pred.tEscW0) / tEsc).toBeLessThan(0.01);
    expect(Math.abs(flow.loss - pred.saddleLoss) / pred.saddleLoss).toBeLessThan(1e-5);
  });

  it('three-layer (Lh = 7), delta = 0.2: escape within 1 % of T_blow/delta^5 = 11883.6 and near the spec value 11883.25', () => {
    const spec = tiny('sd-sq3-tiny', 0.2, SQ3_TINY_W0);
    const { problem } = buildSaddles(spec);
    const pred = problem.analysis.pred;
    expect(Math.abs(pred.saddleLoss - 0.8113192)).toBeLessThan(1e-6);
    const { tEsc, flow } = measureEscape(spec, pred.tEscW0 + 3);
    expect(Math.abs(tEsc - pred.tEscW0) / tEsc).toBeLessThan(0.01);
    expect(Math.abs(tEsc - 11883.25)).toBeLessThan(0.05);
    // just after escape the loss passes within 0.01 of the single-path plateau (docs/labs/saddles.md Sec. 5.2)
    expect(flow.loss).toBeLessThan(5.25);
  });

  it('three-layer from delta w* (delta = 0.25): plateau equals the single-path restricted run to 5 digits', () => {
    const w = new Array(18).fill(0);
    // single path: W1 row 3, W2 entry (1, 3), v entry 1 with energies 4/7, 2/7, 1/7, direction of the top fit
    const { problem: p0 } = buildSaddles(tiny('sd-sq3-tiny', 0.25, SQ3_TINY_W0));
    const ws = p0.analysis.wstar;
    [4, 5, 8, 15].forEach((k) => (w[k] = ws[k]));
    const spec = tiny('sd-sq3-tiny', 0.25, w);
    const { problem } = buildSaddles(spec);
    const pred = problem.analysis.pred;
    expect(Math.abs(pred.tEscWstar - 1 / (35 * 0.2197545 * 0.25 ** 5))).toBeLessThan(1e-3);
    const { tEsc, flow } = measureEscape(spec, pred.tEscWstar + 10);
    expect(Math.abs(tEsc - 132.78)).toBeLessThan(0.05);
    expect(Math.abs(flow.loss - 0.8113192) / 0.8113192).toBeLessThan(1e-5);
  });
});
