import { describe, expect, it } from 'vitest';
import { errorNorm, initialStep, minStep } from './control';
import { expDecay } from './tests/test-problems';

describe('errorNorm', () => {
  it("is Hairer's RMS of err / (atol + rtol * max(|y0|, |y1|))", () => {
    const rtol = 1e-3;
    const atol = 1e-6;
    const r0 = 4e-6 / (atol + rtol * 2); // max(|1|, |2|) = 2
    const r1 = -6e-6 / (atol + rtol * 3); // max(|-3|, |1|) = 3
    const got = errorNorm(Float64Array.from([4e-6, -6e-6]), Float64Array.from([1, -3]), Float64Array.from([2, 1]), rtol, atol);
    expect(got).toBeCloseTo(Math.sqrt((r0 * r0 + r1 * r1) / 2), 15);
  });

  it('returns NaN when the error or the new state is not finite', () => {
    const y = Float64Array.from([1, 1]);
    expect(errorNorm(Float64Array.from([NaN, 0]), y, y, 1e-6, 1e-9)).toBeNaN();
    expect(errorNorm(Float64Array.from([0, 0]), y, Float64Array.from([1, Infinity]), 1e-6, 1e-9)).toBeNaN();
  });
});

describe('minStep / initialStep', () => {
  it('scales the minimum step with |t| and keeps it positive at t = 0', () => {
    expect(minStep(1e5)).toBe(4 * Number.EPSILON * 1e5);
    expect(1e12 + minStep(1e12)).toBeGreaterThan(1e12);
    expect(minStep(0)).toBeGreaterThan(0);
  });

  it('gives a positive step within hmax', () => {
    const y0 = Float64Array.from([1]);
    const f0 = Float64Array.from([-1]);
    const scratch = [new Float64Array(1), new Float64Array(1)] as const;
    const h = initialStep(expDecay.sys, 0, y0, f0, 5, { rtol: 1e-8, atol: 1e-12 }, ...scratch);
    // Local error of an order-5 method ~ h^6 / 720 should be well under rtol, but h not absurdly small.
    expect(h).toBeGreaterThan(1e-4);
    expect(h).toBeLessThan(0.5);
    expect(initialStep(expDecay.sys, 0, y0, f0, 5, { rtol: 1e-8, atol: 1e-12, hmax: 1e-5 }, ...scratch)).toBe(1e-5);
  });
});
