/** Test cases both solvers pass, shared by their test files: known solutions and the fixed-step order. */
import { expect, it } from 'vitest';
import type { OdeOptions, OdeStepper } from '../types';
import { expDecay, integrate, kepler, oscillator, relErr, riccati, type Problem } from './test-problems';

/** Builds a solver on a problem from t = 0. */
export type MakeStepper = (p: Problem, opts: OdeOptions) => OdeStepper;

const TOLS = [
  { rtol: 1e-8, atol: 1e-12 },
  { rtol: 1e-10, atol: 1e-14 },
];
const KNOWN: [string, Problem, number][] = [
  ["y' = -y", expDecay, 5],
  ['harmonic oscillator, 10 periods', oscillator(), 20 * Math.PI + 1],
  ["y' = y^2 on [0, 0.9]", riccati, 0.9],
];

/** One test per known solution and tolerance: the run lands on tEnd with a global error below 50 rtol. */
export function itMeetsKnownSolutions(make: MakeStepper): void {
  for (const [label, p, tEnd] of KNOWN) {
    for (const tol of TOLS) {
      it(`${label}: global error < 50 rtol at rtol=${tol.rtol}`, () => {
        const s = make(p, tol);
        expect(integrate(s, tEnd)).toEqual({ ok: true });
        expect(s.t).toBe(tEnd);
        expect(relErr(s.y, p.exact!(tEnd))).toBeLessThan(50 * tol.rtol);
      });
    }
  }
}

/** The observed order between successive fixed steps hs on the nonlinear Kepler orbit lies in (lo, hi). */
export function expectFixedStepOrder(make: MakeStepper, hs: number[], lo: number, hi: number): void {
  const errs = hs.map((h) => {
    // Tolerances too loose to ever reject, hmax pins the step to h.
    const s = make(kepler, { rtol: 1e3, atol: 1e3, h0: h, hmax: h });
    integrate(s, 4);
    expect(s.nreject).toBe(0);
    return relErr(s.y, kepler.exact!(4));
  });
  for (let i = 1; i < errs.length; i++) {
    const order = Math.log2(errs[i - 1] / errs[i]);
    expect(order).toBeGreaterThan(lo);
    expect(order).toBeLessThan(hi);
  }
}
