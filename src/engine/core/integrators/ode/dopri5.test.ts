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
});
