import { describe, expect, it } from 'vitest';
import { SQ2_TINY_W0, SQ3_TINY_W0 } from '../schema';
import { circle8 } from '../../../engine/homogeneous/data';
import { FeedForward } from '../../../engine/homogeneous/ff';
import { Toy } from '../../../engine/homogeneous/toy';
import { activeUnits, kktResidual, ncfFlowLimit, predictEscape, projectedGradientAscent } from '../../../engine/homogeneous/ncf';

const sq = (widths: number[]) => {
  const { X, y } = circle8();
  return new FeedForward({ dims: [2, ...widths, 1], p: 2, alpha: 1, X, y, loss: 'sq-sum' });
};
const energy = (u: Float64Array, idx: ArrayLike<number>) => Array.from(idx).reduce((s, k) => s + u[k] * u[k], 0);

describe('NCF of paper 003 against the closed forms of the docs/labs/saddles.md', () => {
  it('Example 1: N = 8 u1^2 + 2 u2^2, the flow from (1,1)/sqrt2 reaches w* = (1, 0), N* = 8, c = 1/sqrt2', () => {
    const lim = ncfFlowLimit(new Toy(2, [4, 1], 'sq-sum'), Float64Array.of(1, 1));
    expect(lim.N).toBeCloseTo(8, 9);
    expect(Math.abs(lim.u[0])).toBeCloseTo(1, 9);
    expect(lim.u[1]).toBeCloseTo(0, 5);
    // phi(t, w0) = (e^{16t}, e^{4t}) / sqrt2 (erratum 2), so ||phi|| e^{-16t} -> 1/sqrt2.
    expect(lim.c).toBeCloseTo(Math.SQRT1_2, 7);
  });

  it('SD-sq2-tiny: N* = 2(6 + sqrt3)/(3 sqrt3), T_blow(w0) = 0.219080, the race is won by neuron 4', () => {
    const m = sq([4]);
    const lim = ncfFlowLimit(m, Float64Array.from(SQ2_TINY_W0));
    expect(Math.abs(lim.N - (2 * (6 + Math.sqrt(3))) / (3 * Math.sqrt(3))) / lim.N).toBeLessThan(1e-9);
    expect(Math.abs(lim.Tblow - 0.21908) / 0.21908).toBeLessThan(1e-5);
    expect(activeUnits(m, lim.u)).toEqual([false, false, false, true]);
    // a = sqrt(2/3) u with u at 15 degrees (up to sign), v = 1/sqrt3
    const a = [lim.u[6], lim.u[7]];
    const v = lim.u[11];
    expect(Math.abs(v)).toBeCloseTo(1 / Math.sqrt(3), 8);
    expect(Math.hypot(a[0], a[1])).toBeCloseTo(Math.sqrt(2 / 3), 8);
    expect(Math.abs(a[1] / a[0])).toBeCloseTo(Math.tan(Math.PI / 12), 7);
  });

  it('SD-sq3-tiny: T_blow(w0) = 3.802758 and a single-path KKT point with energies 4/7, 2/7, 1/7', () => {
    const m = sq([3, 3]);
    const lim = ncfFlowLimit(m, Float64Array.from(SQ3_TINY_W0));
    expect(Math.abs(lim.Tblow - 3.802758) / 3.802758).toBeLessThan(1e-6);
    expect(Math.abs(lim.N - 0.2197545) / 0.2197545).toBeLessThan(1e-6);
    const pga = projectedGradientAscent(m, Float64Array.from(SQ3_TINY_W0), 0.01, 200_000);
    expect(pga.residual).toBeLessThan(1e-10);
    expect(Math.abs(pga.N - 0.2197545) / 0.2197545).toBeLessThan(1e-6);
    // W1 row 3, W2 entry (1, 3), v entry 1 (1-based); W1 at 0..5, W2 at 6..14, v at 15..17
    expect(energy(pga.u, [4, 5])).toBeCloseTo(4 / 7, 6);
    expect(energy(pga.u, [6 + 2])).toBeCloseTo(2 / 7, 6);
    expect(energy(pga.u, [15])).toBeCloseTo(1 / 7, 6);
    expect(activeUnits(m, pga.u)).toEqual([false, false, true, true, false, false]);
    // balance at active neurons: ||in||^2 / ||out||^2 = p = 2
    for (const u of m.units.filter((_, j) => [2, 3].includes(j))) expect(energy(pga.u, u.inIdx) / energy(pga.u, u.outIdx)).toBeCloseTo(2, 6);
  });

  it('a KKT point satisfies grad N = Lh N u (zero residual) and the escape predictors follow 4.3', () => {
    const m = sq([4]);
    const lim = ncfFlowLimit(m, Float64Array.from(SQ2_TINY_W0));
    expect(kktResidual(m, lim.u).residual).toBeLessThan(1e-9);
    const p = predictEscape(3, lim.N, 0.01, lim.Tblow, NaN);
    expect(p.fromWstar).toBeCloseTo(1 / (3 * lim.N * 0.01), 10);
    expect(p.fromW0).toBeCloseTo(21.908, 2);
    const e = predictEscape(2, 8, 1e-3, NaN, Math.SQRT1_2);
    expect(e.fromWstar).toBeCloseTo(Math.log(1000) / 16, 12);
    expect(e.fromW0).toBeCloseTo(Math.log(1000 * Math.SQRT2) / 16, 12);
  });
});
