import { describe, expect, it } from 'vitest';
import { Dopri5 } from './dopri5';
import { Rodas4 } from './rodas4';
import { itMeetsKnownSolutions, expectFixedStepOrder } from './tests/solver-cases';
import { expDecay, integrate, protheroRobinson, relErr, robertson, stiffLinear, type Problem } from './tests/test-problems';

describe('Rodas4', () => {
  it('refuses a system without a Jacobian', () => {
    const { f, n } = expDecay.sys;
    expect(() => new Rodas4({ n, f }, 0, [1], { rtol: 1e-6, atol: 1e-9 })).toThrow(/Jacobian/);
  });

  itMeetsKnownSolutions((p, opts) => new Rodas4(p.sys, 0, p.y0, opts));

  it('converges at order 4 with fixed steps (nonlinear Kepler orbit)', () => {
    expectFixedStepOrder((p, opts) => new Rodas4(p.sys, 0, p.y0, opts), [0.025, 0.0125, 0.00625], 3.6, 4.5);
  });

  // Dopri5 is held to the same accuracy so the step counts compare like with like.
  const STIFF: [string, Problem, number][] = [
    ['Prothero-Robinson, lambda = -1e6', protheroRobinson(-1e6), 2],
    ['linear, eigenvalues -1 and -1e6', stiffLinear(-1e6), 2],
  ];
  for (const [label, p, tEnd] of STIFF) {
    it(`${label}: meets the tolerance in few steps where Dopri5 needs >10x more`, () => {
      const tol = { rtol: 1e-8, atol: 1e-12 };
      const exact = p.exact!(tEnd);
      const r = new Rodas4(p.sys, 0, p.y0, tol);
      expect(integrate(r, tEnd)).toEqual({ ok: true });
      expect(relErr(r.y, exact)).toBeLessThan(50 * tol.rtol);
      expect(r.naccept).toBeLessThan(500);

      const d = new Dopri5(p.sys, 0, p.y0, tol);
      expect(integrate(d, tEnd)).toEqual({ ok: true });
      expect(relErr(d.y, exact)).toBeLessThan(50 * tol.rtol);
      expect(d.naccept).toBeGreaterThan(10 * r.naccept);
    });
  }

  it('Robertson: matches the reference at t = 40 and runs to t = 1e5', () => {
    const s = new Rodas4(robertson.sys, 0, robertson.y0, { rtol: 1e-8, atol: 1e-14 });
    expect(integrate(s, 40)).toEqual({ ok: true });
    const ref40 = [0.7158270687, 9.185534764e-6, 0.2841637457];
    for (let i = 0; i < 3; i++) expect(Math.abs(s.y[i] - ref40[i]) / ref40[i]).toBeLessThan(1e-6);

    expect(integrate(s, 1e5)).toEqual({ ok: true });
    expect(s.t).toBe(1e5);
    expect(s.naccept).toBeLessThan(2000);
    // Mass is conserved (f sums to zero) and concentrations stay non-negative.
    expect(Math.abs(s.y[0] + s.y[1] + s.y[2] - 1)).toBeLessThan(1e-12);
    for (const v of s.y) expect(v).toBeGreaterThanOrEqual(0);
    // A 100x tighter run agrees, so the end state is converged rather than merely plausible.
    const tight = new Rodas4(robertson.sys, 0, robertson.y0, { rtol: 1e-10, atol: 1e-16 });
    integrate(tight, 1e5);
    for (let i = 0; i < 3; i++) expect(Math.abs(s.y[i] - tight.y[i]) / tight.y[i]).toBeLessThan(1e-6);
  });
});
