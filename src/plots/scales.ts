/** D3 scales for the plot, plus tick choice and a fast data-to-pixel map for the canvas loop. */
import { scaleLinear, scaleLog } from 'd3';
import type { ScaleLinear, ScaleLogarithmic } from 'd3';
import { formatNumber, padDomain } from './series-math';
import { decadeExponent, decadeTicks, pow10Label } from './ticks';
import { fmt as formatDigits, grouped } from '../ui/format';

export type NumScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

export function makeScale(log: boolean, domain: [number, number], range: [number, number]): NumScale {
  return log ? scaleLog().domain(domain).range(range) : scaleLinear().domain(domain).range(range);
}

/** Fixed domain when usable on this scale, otherwise the padded data extent. */
export function resolveDomain(fixed: readonly [number, number] | undefined, lo: number, hi: number, log: boolean): [number, number] {
  if (fixed && isValidDomain(fixed, log)) return [fixed[0], fixed[1]];
  return padDomain(lo, hi, log);
}

export function isValidDomain(d: readonly [number, number], log: boolean): boolean {
  const [a, b] = d;
  return Number.isFinite(a) && Number.isFinite(b) && a < b && (!log || a > 0);
}

/**
 * Same mapping as the d3 scale but as a bare closure: d3 scales go through interpolators and
 * clamping logic, which is measurable at ~200k calls per frame.
 */
export function fastMap(log: boolean, domain: [number, number], range: [number, number]): (v: number) => number {
  const f = log ? Math.log10 : (v: number) => v;
  const d0 = f(domain[0]);
  const k = (range[1] - range[0]) / (f(domain[1]) - d0);
  const r0 = range[0];
  return log ? (v) => r0 + (Math.log10(v) - d0) * k : (v) => r0 + (v - d0) * k;
}

/** Inverse of fastMap: pixel to data value. */
export function fastInvert(log: boolean, domain: [number, number], range: [number, number]): (px: number) => number {
  const f = log ? Math.log10 : (v: number) => v;
  const d0 = f(domain[0]);
  const k = (f(domain[1]) - d0) / (range[1] - range[0]);
  const r0 = range[0];
  return log ? (px) => 10 ** (d0 + (px - r0) * k) : (px) => d0 + (px - r0) * k;
}

export interface TickSpec {
  values: number[];
  format: (v: number) => string;
}

/**
 * Tick values and labels. Log axes spanning at least two decades get 10^k ticks; narrower log
 * ranges look linear anyway, so they get ordinary linear ticks (restricted to positive values).
 */
export function tickSpec(scale: NumScale, log: boolean, count: number, fmt?: (v: number) => string): TickSpec {
  const [lo, hi] = scale.domain();
  if (log) {
    const decades = decadeTicks(lo, hi, count);
    if (decades.length >= 2) {
      const format =
        fmt ??
        ((v: number) => {
          const k = decadeExponent(v);
          return k === null ? formatNumber(v) : pow10Label(k);
        });
      return { values: decades, format };
    }
    const values = scaleLinear()
      .domain([lo, hi])
      .ticks(count)
      .filter((v) => v > 0);
    return { values, format: fmt ?? formatNumber };
  }
  const values = (scale as ScaleLinear<number, number>).ticks(count);
  return { values, format: fmt ?? linearTickFormat(values) };
}

/**
 * Labels of evenly spaced linear ticks with the app's formatter: just enough significant digits to tell neighbouring
 * ticks apart (0.2, 1.0004, 2e86, 1.5e-9; whole numbers as 250,000), never d3's float noise ("6.000000000000001e+86") or long fixed forms
 * ("0.0000000015").
 */
export function linearTickFormat(values: readonly number[]): (v: number) => string {
  const step = values.length > 1 ? Math.abs(values[1] - values[0]) : 0;
  const top = Math.max(...values.map(Math.abs));
  // whole numbers below ten million as they are, with thousands separators (iterations: 250,000)
  if (top < 1e7 && values.every(Number.isInteger)) return grouped;
  const digits = step > 0 && top > 0 ? Math.min(15, Math.max(1, Math.ceil(Math.log10(top / step) + 1e-9) + 1)) : 4;
  return (v) => formatDigits(v, digits);
}
