import { describe, expect, it } from 'vitest';
import { Dopri5 } from './dopri5';
import { expectFixedStepOrder, itMeetsKnownSolutions } from './tests/solver-cases';
import { oscillator, stiffLinear, symmetric4 } from './tests/test-problems';

describe('Dopri5', () => {
  itMeetsKnownSolutions((p, opts) => new Dopri5(p.sys, 0, p.y0, opts));

  it('converges at order 5 with fixed steps (nonlinear Kepler orbit)', () => {
    expectFixedStepOrder((p, opts) => new Dopri5(p.sys, 0, p.y0, opts), [0.1, 0.05, 0.025], 4.6, 6.5);
  });

  it('keeps equal components bit-exactly equal on a symmetric system', () => {
    const s = new Dopri5(symmetric4.sys, 0, symmetric4.y0, { rtol: 1e-9, atol: 1e-12 });
    while (s.t < 5) {
      expect(s.step(5).ok).toBe(true);
      expect(Object.is(s.y[0], s.y[1])).toBe(true);
    }
    expect(s.y[0]).not.toBe(s.y[2]);
    expect(s.naccept).toBeGreaterThan(20);
  });

  it("flags stiffness (Hairer's h*|lambda| test) on a stiff problem only", () => {
    const stiff = stiffLinear(-1e4);
    const s = new Dopri5(stiff.sys, 0, stiff.y0, { rtol: 1e-6, atol: 1e-10 });
    let flagged = 0;
    for (let i = 0; i < 300; i++) {
      s.step(1);
      if (s.stiffness > 3.25) flagged++;
    }
    // Past the transient the step rides the stability boundary (|lambda| = 1e4).
    expect(flagged).toBeGreaterThan(100);
    expect(s.hLast).toBeLessThan(4e-4);

    const osc = oscillator();
    const o = new Dopri5(osc.sys, 0, osc.y0, { rtol: 1e-6, atol: 1e-10 });
    while (o.t < 20) {
      o.step(20);
      expect(o.stiffness).toBeLessThan(1);
    }
  });

  it('gives the state inside each step by its 4th-order dense output (continuous, matching the exact solution)', () => {
    const osc = oscillator();
    const exact = osc.exact as (t: number) => number[];
    const s = new Dopri5(osc.sys, 0, osc.y0, { rtol: 1e-10, atol: 1e-12 });
    const out = new Float64Array(2);
    let worst = 0;
    while (s.t < 10) {
      const yEnd = Array.from(s.y);
      s.step(10);
      const t0 = s.lastStepStart;
      // Both ends of the step reproduce the solver's own states exactly (up to rounding).
      s.dense(t0, out);
      expect(Math.abs(out[0] - yEnd[0])).toBeLessThan(1e-15);
      s.dense(s.t, out);
      expect(Math.abs(out[0] - s.y[0])).toBeLessThan(1e-14);
      for (const th of [0.25, 0.5, 0.75]) {
        const t = t0 + th * (s.t - t0);
        s.dense(t, out);
        const e = exact(t);
        worst = Math.max(worst, Math.abs(out[0] - e[0]), Math.abs(out[1] - e[1]));
      }
    }
    // Interpolation errors stay at the level of the solver's own global error, far below what a linear interpolant gives.
    expect(worst).toBeLessThan(1e-8);
    expect(worst).toBeGreaterThan(0);
    expect(() => s.dense(-1, out)).toThrow(/outside the last step/);
  });
});
