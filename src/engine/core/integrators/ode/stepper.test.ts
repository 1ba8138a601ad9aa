/** The step(tMax) contract, checked for every method through createStepper. */
import { describe, expect, it } from 'vitest';
import { MAX_NON_FINITE_RETRIES } from './control';
import { AutoStepper, Dopri5, Rodas4, createStepper, type OdeMethod } from './index';
import { expDecay, integrate, oscillator } from './tests/test-problems';
import type { OdeSystem } from './types';

const METHODS: OdeMethod[] = ['dopri5', 'rodas4', 'auto'];

/** 1-D system whose f is NaN wherever `bad(t, y)` holds; Jacobian 0 so Rodas4 accepts it. */
function poisoned(bad: (t: number, y: number) => boolean): OdeSystem {
  return {
    n: 1,
    f: (t, y, d) => {
      d[0] = bad(t, y[0]) ? NaN : -y[0];
    },
    jac: (_t, _y, J) => {
      J[0] = 0;
    },
  };
}

describe('createStepper', () => {
  it('builds the requested method', () => {
    const args = [expDecay.sys, 0, expDecay.y0, { rtol: 1e-6, atol: 1e-9 }] as const;
    expect(createStepper('dopri5', ...args)).toBeInstanceOf(Dopri5);
    expect(createStepper('rodas4', ...args)).toBeInstanceOf(Rodas4);
    expect(createStepper('auto', ...args)).toBeInstanceOf(AutoStepper);
    expect(() => createStepper('rodas4', { n: 1, f: expDecay.sys.f }, 0, [1], args[3])).toThrow();
  });

  it('rejects bad arguments up front', () => {
    expect(() => createStepper('dopri5', expDecay.sys, 0, [1, 2], { rtol: 1e-6, atol: 1e-9 })).toThrow(RangeError);
    expect(() => createStepper('dopri5', expDecay.sys, 0, [1], { rtol: 0, atol: 1e-9 })).toThrow(RangeError);
  });
});

describe.each(METHODS)('step(tMax) contract: %s', (method) => {
  it('lands exactly on every slice boundary and never passes it', () => {
    const p = oscillator();
    const s = createStepper(method, p.sys, 0, p.y0, { rtol: 1e-8, atol: 1e-12 });
    for (let k = 1; k <= 30; k++) {
      const tMax = k * 0.37;
      while (s.t < tMax) {
        expect(s.step(tMax)).toEqual({ ok: true });
        expect(s.t).toBeLessThanOrEqual(tMax);
      }
      expect(s.t).toBe(tMax);
    }
    expect(() => s.step(s.t)).toThrow(RangeError);
  });

  it('takes one shortened step when the proposed step overshoots', () => {
    const s = createStepper(method, expDecay.sys, 0, expDecay.y0, { rtol: 1e-3, atol: 1e-6, h0: 10 });
    const before = s.naccept;
    expect(s.step(0.01)).toEqual({ ok: true });
    expect(s.t).toBe(0.01);
    expect(s.naccept).toBe(before + 1);
    expect(s.hLast).toBeCloseTo(0.01, 15);
  });

  it('respects hmax', () => {
    const s = createStepper(method, expDecay.sys, 0, expDecay.y0, { rtol: 1e-3, atol: 1e-6, hmax: 0.05 });
    while (s.t < 2) {
      s.step(2);
      expect(s.hLast).toBeLessThanOrEqual(0.05);
    }
  });

  it('counts rejected steps', () => {
    // h0 = 1 is far too long for rtol 1e-10, so the first attempts are rejected.
    const s = createStepper(method, expDecay.sys, 0, expDecay.y0, { rtol: 1e-10, atol: 1e-14, h0: 1 });
    expect(s.step(5)).toEqual({ ok: true });
    expect(s.naccept).toBe(1);
    expect(s.nreject).toBeGreaterThan(0);
    expect(s.hLast).toBeLessThan(1);
    integrate(s, 5);
    // f evaluations account for every attempt, rejected ones included.
    const attempts = s.naccept + s.nreject;
    if (method === 'rodas4') {
      // f and J once per point reached (the start included, the end not), 5 more f per attempt.
      expect(s.nfev).toBe(s.naccept + 5 * attempts);
      expect(s.njev).toBe(s.naccept);
    } else {
      // Dopri5 (and auto, which stays explicit here): f(t0) once, then 6 per attempt (FSAL).
      expect(s.nfev).toBe(1 + 6 * attempts);
    }
  });

  it('reports non-finite when f is NaN at the start', () => {
    const s = createStepper(
      method,
      poisoned(() => true),
      0,
      [1],
      { rtol: 1e-6, atol: 1e-9 },
    );
    expect(s.step(1)).toEqual({ ok: false, reason: 'non-finite' });
  });

  it('gives up with non-finite when no smaller step avoids the NaN', () => {
    // Finite only at the very start: every stage lies at t > 0.
    const s = createStepper(
      method,
      poisoned((t) => t > 0),
      0,
      [1],
      { rtol: 1e-6, atol: 1e-9, h0: 0.1 },
    );
    expect(s.step(1)).toEqual({ ok: false, reason: 'non-finite' });
    expect(s.nreject).toBe(MAX_NON_FINITE_RETRIES + 1);
    expect(s.t).toBe(0);
  });

  it('stops with ok:false (not an endless loop) at a NaN wall in time', () => {
    const s = createStepper(
      method,
      poisoned((t) => t >= 0.5),
      0,
      [1],
      { rtol: 1e-6, atol: 1e-9 },
    );
    let out = s.step(1);
    let calls = 1;
    while (out.ok && calls < 10_000) {
      out = s.step(1);
      calls++;
    }
    expect(out.ok).toBe(false);
    expect(s.t).toBeLessThan(0.5);
    expect(s.t).toBeGreaterThan(0.49);
    // Fewer calls than the cap: it gave up, it was not cut off.
    expect(calls).toBeLessThan(10_000);
  });
});
