import { describe, expect, it } from 'vitest';
import { Dopri5 } from './dopri5';
import { expDecay, integrate, kepler, oscillator, relErr, riccati, stiffLinear, symmetric4, type Problem } from './tests/test-problems';

const TOLS = [
  { rtol: 1e-8, atol: 1e-12 },
  { rtol: 1e-10, atol: 1e-14 },
];
const KNOWN: [string, Problem, number][] = [
  ['y\' = -y', expDecay, 5],
  ['harmonic oscillator, 10 periods', oscillator(), 20 * Math.PI + 1],
  ['y\' = y^2 on [0, 0.9]', riccati, 0.9],
];

describe('Dopri5', () => {
  for (const [label, p, tEnd] of KNOWN) {
    for (const tol of TOLS) {
      it(`${label}: global error < 50 rtol at rtol=${tol.rtol}`, () => {
        const s = new Dopri5(p.sys, 0, p.y0, tol);
        expect(integrate(s, tEnd)).toEqual({ ok: true });
        expect(s.t).toBe(tEnd);
        expect(relErr(s.y, p.exact!(tEnd))).toBeLessThan(50 * tol.rtol);
      });
    }
  }

  it('converges at order 5 with fixed steps (nonlinear Kepler orbit)', () => {
    const errs = [0.1, 0.05, 0.025].map((h) => {
      // Tolerances too loose to ever reject, hmax pins the step to h.
      const s = new Dopri5(kepler.sys, 0, kepler.y0, { rtol: 1e3, atol: 1e3, h0: h, hmax: h });
      integrate(s, 4);
      expect(s.nreject).toBe(0);
      return relErr(s.y, kepler.exact!(4));
    });
    for (let i = 1; i < errs.length; i++) {
      const order = Math.log2(errs[i - 1] / errs[i]);
      expect(order).toBeGreaterThan(4.6);
      expect(order).toBeLessThan(6.5);
    }
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
