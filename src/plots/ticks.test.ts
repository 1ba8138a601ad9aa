import { describe, expect, it } from 'vitest';
import { OKABE_ITO, seriesColor } from './palette';
import { linearTickFormat, makeScale, tickSpec } from './scales';
import { scaleLinear } from 'd3';
import { decadeExponent, decadeTicks, pow10Label } from './ticks';

describe('log ticks', () => {
  it('labels powers of ten with superscripts', () => {
    expect(pow10Label(0)).toBe('10⁰');
    expect(pow10Label(12)).toBe('10¹²');
    expect(pow10Label(-3)).toBe('10⁻³');
  });

  it('recognises exact decades only', () => {
    expect(decadeExponent(1e-6)).toBe(-6);
    expect(decadeExponent(1000)).toBe(3);
    expect(decadeExponent(2000)).toBeNull();
    expect(decadeExponent(0)).toBeNull();
  });

  it('lists decades inside the domain and thins them on stable exponents', () => {
    expect(decadeTicks(0.05, 2000, 10)).toEqual([0.1, 1, 10, 100, 1000]);
    expect(decadeTicks(1, 1000, 10)).toEqual([1, 10, 100, 1000]);
    const thin = decadeTicks(1e-12, 1e3, 5).map((v) => Math.round(Math.log10(v)));
    expect(thin).toEqual([-12, -8, -4, 0]);
    expect(decadeTicks(2, 9, 5)).toEqual([]);
    expect(decadeTicks(0, 9, 5)).toEqual([]);
  });

  it('tickSpec uses 10^k labels on wide log axes and linear ticks on narrow ones', () => {
    const wide = tickSpec(makeScale(true, [1e-4, 10], [0, 500]), true, 6);
    expect(wide.values.map(wide.format)).toEqual(['10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '10⁰', '10¹']);
    const narrow = tickSpec(makeScale(true, [2, 9], [0, 500]), true, 5);
    expect(narrow.values.length).toBeGreaterThanOrEqual(2);
    expect(narrow.values.every((v) => v >= 2 && v <= 9)).toBe(true);
    const custom = tickSpec(makeScale(false, [0, 1], [0, 500]), false, 5, (v) => `${v * 100}%`);
    expect(custom.format(0.5)).toBe('50%');
  });
});

describe('palette', () => {
  it('is the Okabe–Ito set, cycled by seriesColor', () => {
    expect(OKABE_ITO).toEqual(['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', 'currentColor']);
    expect(seriesColor(0)).toBe('#0072B2');
    expect(seriesColor(7)).toBe('currentColor');
    expect(seriesColor(9)).toBe('#D55E00');
    expect(seriesColor(-1)).toBe('currentColor');
  });
});

describe('linear tick labels', () => {
  const labels = (lo: number, hi: number) => {
    const s = scaleLinear().domain([lo, hi]);
    const values = s.ticks(5);
    return values.map(linearTickFormat(values));
  };
  it('carry just the digits that tell neighbours apart, with no float noise', () => {
    expect(labels(0, 7e86)).toEqual(['0', '1e86', '2e86', '3e86', '4e86', '5e86', '6e86', '7e86']);
    expect(labels(0, 1)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    expect(labels(1e-9, 3e-9)).toEqual(['1e-9', '1.5e-9', '2e-9', '2.5e-9', '3e-9']);
    expect(labels(1.0001, 1.0009)).toEqual(['1.0002', '1.0004', '1.0006', '1.0008']);
    expect(labels(0, 250000)).toEqual(['0', '50,000', '100,000', '150,000', '200,000', '250,000']);
    expect(labels(-2, 2)).toEqual(['-2', '-1', '0', '1', '2']);
    // neighbours always differ
    for (const [lo, hi] of [
      [-3e20, 5e21],
      [0.999, 1.001],
      [123456, 123789],
      [-1, 1],
    ]) {
      const l = labels(lo, hi);
      expect(new Set(l).size).toBe(l.length);
    }
  });
});
