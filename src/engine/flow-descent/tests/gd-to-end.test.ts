import { describe, expect, it } from 'vitest';
import { DeepLinearNet } from '../dln';
import { DLN3_ETA_CONVERGED, dln3Period2 } from '../dln3-printed';
import { gdToEnd, type GdToEndOptions } from '../gd-to-end';
import { balancedInit } from '../init';
import { DiagonalQuadratic } from '../quadratic';

/** FD-DLN3-eta (docs/labs/flow-vs-descent.md Sec. 5.2): the DLN-3 base, plain GD to its Sec. 4 stop rule. */
const widths = [3, 3, 3, 1];
const net = new DeepLinearNet(widths, [1, 0, 0]);
const theta0 = balancedInit(widths, [0, 0.1, 0]);
const extra: GdToEndOptions['extra'] = {
  names: ['U', 'r', 'nu'],
  eval(theta, out) {
    out[0] = net.unbalancedness(theta);
    const { r, nu } = net.alignment(theta);
    out[1] = r;
    out[2] = nu;
  },
};
const run = (eta: number, over: Partial<GdToEndOptions> = {}) => gdToEnd(net, theta0, eta, { maxSteps: 50_000, convergedBelow: 1e-14, extra, ...over });
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('gdToEnd on FD-DLN3-eta (Sec. 5.2)', () => {
  it.each(DLN3_ETA_CONVERGED)('eta = %s converges with final lmax %s (<= 2/eta) and U %s', (eta, lmax, U) => {
    const r = run(eta);
    expect(r.outcome).toBe('converged');
    expect(r.f).toBeLessThan(1e-14);
    // The printed lmax is the limit's; stopping at f - min f < 1e-14 leaves it within ~7e-7 (plus the print's 5e-7).
    expect(Math.abs(r.lmax - lmax)).toBeLessThan(1.5e-6);
    expect(r.lmax).toBeLessThanOrEqual(2 / eta);
    // U to the 4 printed digits (0.1446 is 0.144545 rounded twice: 5e-4 relative).
    expect(rel(r.extra.U, U)).toBeLessThan(5e-4);
    expect(r.period).toBe(0);
  });

  /** GD at eta ends on a period-2 orbit at the printed values; returns the run and its orbit, sorted. */
  const periodTwo = (eta: number) => {
    const r = run(eta);
    expect(r.outcome).toBe('periodic');
    expect(r.period).toBe(2);
    const [lo, hi] = [...r.orbit].sort((a, b) => a - b);
    const [wantLo, wantHi] = dln3Period2(eta);
    expect(rel(lo, wantLo)).toBeLessThan(5e-6);
    expect(rel(hi, wantHi)).toBeLessThan(5e-6);
    return { r, lo, hi };
  };

  it('eta = 0.67: a period-2 orbit, f - min f alternating 1.41302e-3 / 1.63783e-3', () => {
    const { lo, hi } = periodTwo(0.67);
    // The spec reads the orbit after 2e4 steps; the stop rule fires earlier on the same values.
    const late = run(0.67, { burnIn: 20_000 });
    expect(late.steps).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...late.orbit.map((v) => Math.min(rel(v, lo), rel(v, hi))))).toBeLessThan(1e-9);
  });

  it('eta = 0.7: period 2 at 1.11999e-2 / 1.78307e-2, balanced (U < 1e-12) and aligned (nu = 1)', () => {
    const { r } = periodTwo(0.7);
    expect(r.extra.U).toBeLessThan(1e-12);
    expect(r.extra.nu).toBeCloseTo(1, 14);
    expect(r.lmax).toBeGreaterThan(2 / 0.7);
  });

  it('eta = 1.0: bounded, f in about [0.06, 0.34]', () => {
    const r = run(1.0);
    expect(['periodic', 'cap']).toContain(r.outcome);
    const values = r.outcome === 'cap' ? [r.fLow, r.fHigh] : r.orbit;
    expect(Math.min(...values)).toBeGreaterThan(0.06);
    expect(Math.max(...values)).toBeLessThan(0.34);
    expect(Math.min(...values)).toBeLessThan(0.07);
    expect(Math.max(...values)).toBeGreaterThan(0.33);
    // Measured, not in the spec's words ("aperiodic-looking"): GD lands on an exact period-6 cycle of the balanced,
    // aligned line (U = 0, nu = 1) within ~100 steps, which the Sec. 4 rule (p <= 16) reports.
    expect(r.period).toBe(6);
    // Without the period test the run reaches its cap and reports the same range over its last stretch.
    const capped = run(1.0, { maxPeriod: 0, maxSteps: 5000 });
    expect(capped.outcome).toBe('cap');
    expect(capped.steps).toBe(5000);
    expect(capped.fLow).toBeCloseTo(Math.min(...values), 12);
    expect(capped.fHigh).toBeCloseTo(Math.max(...values), 12);
  });
});

describe('gdToEnd stop rules (Sec. 4)', () => {
  it('Q1: converges (1e-8) below eta = 2, is period 2 at eta = 2 exactly, diverges above', () => {
    const q = new DiagonalQuadratic([1]);
    const opts = { maxSteps: 50_000, convergedBelow: 1e-8 };
    const a = gdToEnd(q, Float64Array.of(1), 0.5, opts);
    expect(a.outcome).toBe('converged');
    // f_k = (1 - eta)^(2k) / 2 < 1e-8 first at k = 13 for eta = 0.5.
    expect(a.steps).toBe(13);
    const b = gdToEnd(q, Float64Array.of(1), 2, opts);
    expect(b.outcome).toBe('periodic');
    // q flips sign each step: f itself is constant, so the smallest period of f is 1.
    expect(b.period).toBe(1);
    expect(b.steps).toBe(2000 + 5 * 16);
    const c = gdToEnd(q, Float64Array.of(1), 2.05, opts);
    expect(c.outcome).toBe('diverged');
    // f_k = 1.05^(2k) / 2 > 1e6 f_0 first at k = ceil(ln 1e6 / (2 ln 1.05)) = 142.
    expect(c.steps).toBe(142);
    expect(Number.isNaN(c.lmax)).toBe(true);
  });

  it('a run whose f creeps by less than 1e-12 f per step is not an orbit (f = 1e6 + q^2 / 2, like App. B near z_c)', () => {
    const q = new DiagonalQuadratic([1]);
    const offset = { n: 1, minLoss: 0, loss: (x: Float64Array) => 1e6 + q.loss(x), grad: (x: Float64Array, g: Float64Array) => 1e6 + q.grad(x, g), hvp: q.hvp.bind(q) };
    // Each step lowers f by about eta q^2 ~ 1e-7 (below 1e-12 f = 1e-6, far above an ulp of 1e6): f strictly decreases.
    const r = gdToEnd(offset, Float64Array.of(0.05), 1e-4, { maxSteps: 3000, convergedBelow: 1e-8 });
    expect(r.outcome).toBe('cap');
    expect(r.period).toBe(0);
    expect(r.fHigh - r.fLow).toBeGreaterThan(1e-5);
  });

  it('stops at the cap with the range of f over the last stretch, and is deterministic', () => {
    const q = new DiagonalQuadratic([1e-4]);
    const r = gdToEnd(q, Float64Array.of(1), 0.1, { maxSteps: 1000, convergedBelow: 1e-8, lastStretch: 100 });
    expect(r.outcome).toBe('cap');
    expect(r.steps).toBe(1000);
    expect(r.fHigh).toBeCloseTo(0.5e-4 * (1 - 1e-5) ** (2 * 901), 15);
    expect(r.fLow).toBeCloseTo(0.5e-4 * (1 - 1e-5) ** 2000, 15);
    expect(gdToEnd(q, Float64Array.of(1), 0.1, { maxSteps: 1000, convergedBelow: 1e-8, lastStretch: 100 })).toEqual(r);
  });
});
