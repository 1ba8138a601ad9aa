import { describe, expect, it } from 'vitest';
import { exactShort, fmt, grouped } from './format';

describe('fmt', () => {
  it('keeps at most 4 significant digits by default, without trailing zeros', () => {
    expect(fmt(0.446683592)).toBe('0.4467');
    expect(fmt(1.234567)).toBe('1.235');
    expect(fmt(2)).toBe('2');
    expect(fmt(-1.5)).toBe('-1.5');
    expect(fmt(1234.5678)).toBe('1235');
    expect(fmt(0.001)).toBe('0.001');
    expect(fmt(0)).toBe('0');
    expect(fmt(-0)).toBe('0');
  });

  it('writes large and small magnitudes with an exponent', () => {
    expect(fmt(1e11)).toBe('1e11');
    expect(fmt(2.5e-7)).toBe('2.5e-7');
    expect(fmt(-3.14159e-5)).toBe('-3.142e-5');
    expect(fmt(12345)).toBe('1.235e4');
    expect(fmt(1e4)).toBe('1e4');
    expect(fmt(9999)).toBe('9999');
    expect(fmt(0.000999)).toBe('9.99e-4');
    expect(fmt(1.18424e-3)).toBe('0.001184');
  });

  it('chooses the form after rounding', () => {
    expect(fmt(0.00099996)).toBe('0.001');
    expect(fmt(99999)).toBe('1e5');
  });

  it('takes more digits when asked, and the exponent form on request', () => {
    expect(fmt(2.976068123, 7)).toBe('2.976068');
    expect(fmt(0.26794919, { digits: 7 })).toBe('0.2679492');
    expect(fmt(4.391141234, 10)).toBe('4.391141234');
    expect(fmt(0.08, 3)).toBe('0.08');
    expect(fmt(1.18424e-3, { digits: 5, exp: true })).toBe('1.1842e-3');
    expect(fmt(4.9186e-2, { digits: 5, exp: true })).toBe('4.9186e-2');
    expect(fmt(2, { exp: true })).toBe('2e0');
  });

  it('names what is not a number', () => {
    expect(fmt(null)).toBe('—');
    expect(fmt(undefined)).toBe('—');
    expect(fmt(NaN)).toBe('not a number');
    expect(fmt(Infinity)).toBe('∞');
    expect(fmt(-Infinity)).toBe('−∞');
  });
});

describe('fmtRun', () => {
  it('writes a value that is not finite after a divergence as the step it diverged at, every other value as fmt does', async () => {
    const { fmtRun } = await import('./format');
    const diverged = { step: 12, stop: { reason: 'diverged' } };
    expect(fmtRun(Number.NaN, diverged)).toBe('diverged at step 12');
    expect(fmtRun(Infinity, diverged)).toBe('diverged at step 12');
    expect(fmtRun(-Infinity, diverged)).toBe('diverged at step 12');
    expect(fmtRun(1.23456e20, diverged)).toBe('1.235e20');
    expect(fmtRun(Number.NaN, { step: 5, stop: { reason: 'converged' } })).toBe('not a number');
    expect(fmtRun(0.5, null, 2)).toBe('0.5');
    expect(fmtRun(null, diverged)).toBe('—');
  });
});

describe('exactShort (what number fields write)', () => {
  it('writes round large values in exponent form and everything else as JavaScript does, always exactly', () => {
    expect(exactShort(1e11)).toBe('1e11');
    expect(exactShort(100000)).toBe('1e5');
    expect(exactShort(123456.789)).toBe('123456.789');
    expect(exactShort(0.001)).toBe('0.001');
    expect(exactShort(2.5e-7)).toBe('2.5e-7');
    expect(exactShort(242)).toBe('242');
    for (const v of [1e11, 3e21, 0.1 + 0.2, 1 / 3, 123456789012, -4e-300, 5e-324]) expect(Number(exactShort(v))).toBe(v);
  });
});

describe('grouped (integers with thousands separators, without Intl)', () => {
  it('writes what toLocaleString("en") writes for integers', () => {
    for (const v of [0, 7, 999, 1000, 12345, 250000, 1234567, -98765, 1e12]) expect(grouped(v)).toBe(v.toLocaleString('en'));
  });
  it('rounds and leaves non-finite values as JavaScript writes them', () => {
    expect(grouped(1234.6)).toBe('1,235');
    expect(grouped(Number.NaN)).toBe('NaN');
    expect(grouped(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});
