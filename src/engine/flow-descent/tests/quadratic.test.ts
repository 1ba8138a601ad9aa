import { describe, expect, it } from 'vitest';
import { DiagonalQuadratic, quadraticFlow, quadraticGd } from '../quadratic';
import { fdGradient, relError } from '../../core/finite-diff';
import { fdHvp } from './fd';

/** max_k |q_k - q(k eta)| over k eta <= T, iterating GD by hand (independent of quadraticGd). */
function maxGap(lam: number, q0: number, eta: number, T: number): { gap: number; at: number } {
  let q = q0;
  let gap = 0;
  let at = 0;
  for (let k = 0; k * eta <= T + 1e-12; k++) {
    const d = Math.abs(q - q0 * Math.exp(-lam * k * eta));
    if (d > gap) {
      gap = d;
      at = k * eta;
    }
    q -= eta * lam * q;
  }
  return { gap, at };
}

describe('diagonal quadratic (Q1/Q2)', () => {
  it('grad and hvp match finite differences, including negative lam', () => {
    const obj = new DiagonalQuadratic([1, -10, 0.3]);
    const th = Float64Array.from([0.7, -0.2, 1.3]);
    const g = new Float64Array(3);
    const f = obj.grad(th, g);
    expect(f).toBeCloseTo(0.5 * (0.49 - 10 * 0.04 + 0.3 * 1.69), 14);
    expect(relError(g, fdGradient(obj, th))).toBeLessThan(1e-9);
    const v = Float64Array.from([0.3, 0.5, -1]);
    const hv = new Float64Array(3);
    obj.hvp(th, v, hv);
    expect(relError(hv, fdHvp(obj, th, v))).toBeLessThan(1e-8);
  });

  it('closed forms agree with the ODE / recursion they solve', () => {
    expect(quadraticFlow(2, 0.5, 3)).toBeCloseTo(2 * Math.exp(-1.5), 14);
    let q = 1.5;
    for (let k = 0; k < 37; k++) q *= 1 - 0.13 * 1.7;
    expect(quadraticGd(1.5, 1.7, 0.13, 37) / q).toBeCloseTo(1, 12);
  });

  it('FD-Q1: max gap 0.0018471 (eta 0.01) and 0.019201 (eta 0.1), at t = 1, ~ q0 eta lam/(2e)', () => {
    const a = maxGap(1, 1, 0.01, 20);
    const b = maxGap(1, 1, 0.1, 20);
    expect(a.gap).toBeCloseTo(0.0018471, 7);
    expect(b.gap).toBeCloseTo(0.019201, 6);
    expect(a.at).toBeCloseTo(1, 10);
    expect(b.at).toBeCloseTo(1, 10);
    // Sec. 6.6: ratio to eta lam/(2e) -> 1 with error <= 5 eta.
    expect(Math.abs(a.gap / (0.01 / (2 * Math.E)) - 1)).toBeLessThan(5 * 0.01);
  });

  it('FD-Q1 regimes: oscillating for 1 < eta < 2, period 2 at eta = 2, divergent above', () => {
    expect(quadraticGd(1, 1, 1.5, 7)).toBeLessThan(0);
    expect(quadraticGd(1, 1, 2, 7)).toBe(-1);
    expect(quadraticGd(1, 1, 2, 8)).toBe(1);
    expect(Math.abs(quadraticGd(1, 1, 2.05, 400))).toBeGreaterThan(1e3);
  });

  it('FD-Q1c (concave, a = 1): gap at t = 8 is 0.118921, 1.161269, 9.325578', () => {
    const want = [0.118921, 1.161269, 9.325578];
    const ratio = [0.9973, 0.9739, 0.7821];
    [1e-3, 1e-2, 1e-1].forEach((eta, i) => {
      const k = Math.round(8 / eta);
      const gap = quadraticGd(0.01, -1, eta, k) - quadraticFlow(0.01, -1, 8);
      // GD falls behind the flow on a concave quadratic: the flow grows faster.
      expect(Math.abs(gap) / want[i]).toBeCloseTo(1, 5);
      expect(Math.abs(gap) / (0.01 * Math.exp(8) * eta * 4)).toBeCloseTo(ratio[i], 3);
    });
  });

  it('FD-Q2: thresholds 1/lmax = 0.1 and 2/lmax = 0.2', () => {
    const lam = [1, 10];
    expect(quadraticGd(1, lam[1], 0.05, 9)).toBeGreaterThan(0);
    expect(quadraticGd(1, lam[1], 0.15, 9)).toBeLessThan(0);
    expect(Math.abs(quadraticGd(1, lam[1], 0.19, 500))).toBeLessThan(1e-3);
    expect(quadraticGd(1, lam[1], 0.2, 501)).toBeCloseTo(-1, 12);
    expect(Math.abs(quadraticGd(1, lam[1], 0.21, 500))).toBeGreaterThan(1e3);
  });
});
