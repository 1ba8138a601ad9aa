import { describe, expect, it } from 'vitest';
import { AutoStepper } from './auto';
import { Dopri5 } from './dopri5';
import { integrate, oscillator, protheroRobinson, relErr, stiffLinear } from './tests/test-problems';

const TOL = { rtol: 1e-8, atol: 1e-12 };

describe('AutoStepper', () => {
  for (const [label, p] of [
    ['Prothero-Robinson', protheroRobinson(-1e6)],
    ['stiff linear', stiffLinear(-1e6)],
  ] as const) {
    it(`switches to rodas4 on a stiff problem (${label}) and stays accurate`, () => {
      const s = new AutoStepper(p.sys, 0, p.y0, TOL);
      expect(s.name).toBe('dopri5');
      expect(integrate(s, 2)).toEqual({ ok: true });
      expect(s.name).toBe('rodas4');
      expect(s.switchedAt).not.toBeNull();
      expect(s.switchedAt!).toBeGreaterThan(0);
      expect(s.switchedAt!).toBeLessThan(2);
      expect(relErr(s.y, p.exact!(2))).toBeLessThan(50 * TOL.rtol);
      expect(s.njev).toBeGreaterThan(0);
      // Pure Dopri5 needs ~6e5 steps here.
      expect(s.naccept).toBeLessThan(10_000);
    });
  }

  it('does not switch on the harmonic oscillator', () => {
    const p = oscillator();
    const s = new AutoStepper(p.sys, 0, p.y0, TOL);
    const tEnd = 20 * Math.PI + 1;
    expect(integrate(s, tEnd)).toEqual({ ok: true });
    expect(s.switchedAt).toBeNull();
    expect(s.name).toBe('dopri5');
    expect(s.njev).toBe(0);
    expect(relErr(s.y, p.exact!(tEnd))).toBeLessThan(50 * TOL.rtol);
  });

  it('does not switch on small but non-stiff steps (fast oscillation late in time)', () => {
    // h ~ 1e-3 << 1e-3 * |t| = 1, yet h * |lambda| stays far from the stability boundary.
    const p = oscillator(100);
    const s = new AutoStepper(p.sys, 1000, p.y0, TOL);
    expect(integrate(s, 1010)).toEqual({ ok: true });
    expect(s.naccept).toBeGreaterThan(1000);
    expect(s.switchedAt).toBeNull();
  });

  it('never switches without a Jacobian', () => {
    const p = stiffLinear(-1e4);
    const s = new AutoStepper({ n: p.sys.n, f: p.sys.f }, 0, p.y0, TOL);
    expect(integrate(s, 1)).toEqual({ ok: true });
    expect(s.switchedAt).toBeNull();
    expect(s.name).toBe('dopri5');
  });

  it('counts work across the switch', () => {
    const p = stiffLinear(-1e6);
    const s = new AutoStepper(p.sys, 0, p.y0, TOL);
    const d = new Dopri5(p.sys, 0, p.y0, TOL);
    while (s.name === 'dopri5') {
      s.step(2);
      d.step(2);
    }
    // Up to the switch the auto stepper did exactly what a plain Dopri5 does.
    expect(s.t).toBe(d.t);
    expect(s.naccept).toBe(d.naccept);
    expect(s.nfev).toBe(d.nfev + 2); // + Rodas4's f(t, y) and starting-step probe at the switch
    const before = s.naccept;
    integrate(s, 2);
    expect(s.naccept).toBeGreaterThan(before);
  });
});
