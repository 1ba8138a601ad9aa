import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import * as dm from './det-math';

/** Distance in units of the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  return Number(buf.getBigInt64(0) - buf.getBigInt64(8)) * (a < 0 ? -1 : 1) * (buf.getBigInt64(0) < buf.getBigInt64(8) ? -1 : 1);
}

describe('deterministic elementary functions', () => {
  const rng = new Rng(11);
  const samples = (f: () => number, n = 20000) => Array.from({ length: n }, f);

  it('exp and log are within 2 ulp of the platform functions over wide ranges', () => {
    for (const x of samples(() => 1400 * rng.rand() - 700)) expect(Math.abs(ulps(dm.exp(x), Math.exp(x)))).toBeLessThanOrEqual(2);
    for (const x of samples(() => Math.exp(1400 * rng.rand() - 700))) expect(Math.abs(ulps(dm.log(x), Math.log(x)))).toBeLessThanOrEqual(2);
    for (const x of samples(() => 2 * rng.rand())) expect(Math.abs(ulps(dm.log(x), Math.log(x)))).toBeLessThanOrEqual(2);
  });

  it('expm1 and tanh are within a few ulp of the platform functions, also near 0 where exp(x) - 1 cancels', () => {
    const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.abs(b) + Number.MIN_VALUE;
    for (const x of samples(() => 2 * rng.rand() - 1)) expect(near(dm.expm1(x), Math.expm1(x), 1e-15)).toBe(true);
    for (const x of samples(() => (2 * rng.rand() - 1) * 10 ** (-12 * rng.rand()))) expect(near(dm.expm1(x), Math.expm1(x), 1e-15)).toBe(true);
    for (const x of samples(() => 60 * rng.rand() - 30)) expect(near(dm.tanh(x), Math.tanh(x), 1e-15)).toBe(true);
    for (const x of samples(() => (2 * rng.rand() - 1) * 10 ** (-15 * rng.rand()))) expect(near(dm.tanh(x), Math.tanh(x), 1e-15)).toBe(true);
    expect(dm.tanh(0)).toBe(0);
    expect(Object.is(dm.tanh(-0), -0)).toBe(true);
    expect(dm.tanh(1e3)).toBe(1);
    expect(dm.tanh(-1e3)).toBe(-1);
    expect(dm.tanh(Number.NaN)).toBeNaN();
    expect(dm.tanh(-5)).toBe(-dm.tanh(5));
  });

  it('pow is exact multiplication for integer exponents and close to Math.pow otherwise', () => {
    for (const x of samples(() => 4 * rng.rand() - 2, 2000)) {
      expect(dm.pow(x, 2)).toBe(x * x);
      expect(dm.pow(x, 3)).toBe(x * x * x);
      expect(dm.pow(x, 0)).toBe(1);
    }
    for (const x of samples(() => 10 * rng.rand(), 5000)) {
      const y = 6 * rng.rand() - 3;
      // biome-ignore lint/style/useExponentiationOperator: the reference is the engine's own Math.pow, named as such
      expect(Math.abs(dm.pow(x, y) - Math.pow(x, y)) / Math.pow(x, y)).toBeLessThan(2e-15);
    }
    expect(dm.pow(-2, 3)).toBe(-8);
    expect(dm.pow(-2, 0.5)).toBeNaN();
    expect(dm.pow(0, -1)).toBe(Infinity);
    expect(dm.pow(10, -3)).toBeCloseTo(1e-3, 18);
  });

  it('handles the special values and subnormals', () => {
    expect(dm.exp(-Infinity)).toBe(0);
    expect(dm.exp(Infinity)).toBe(Infinity);
    expect(dm.exp(NaN)).toBeNaN();
    expect(dm.log(0)).toBe(-Infinity);
    expect(dm.log(-1)).toBeNaN();
    expect(dm.log(1)).toBe(0);
    expect(Math.abs(dm.log(5e-324) - Math.log(5e-324)) / 744).toBeLessThan(1e-15);
    expect(dm.exp(-740)).toBeGreaterThan(0);
  });

  it('sin and cos agree with the platform to 1e-15 and keep their symmetries', () => {
    for (const x of samples(() => 200 * rng.rand() - 100, 5000)) {
      expect(Math.abs(dm.sin(x) - Math.sin(x))).toBeLessThan(2e-15);
      expect(Math.abs(dm.cos(x) - Math.cos(x))).toBeLessThan(2e-15);
    }
    expect(dm.sin(0)).toBe(0);
    expect(dm.cos(0)).toBe(1);
  });
});

/** The engine must not call the platform's elementary functions, whose last bits differ between engines. */
describe('engine code uses the deterministic functions', () => {
  // The engine, the workers, and the labs' spec -> engine adapters (their numbers reach the runs too).
  const roots = ['src/engine', 'workers', 'src/experiment', 'src/labs'];
  const labCore = /src\/labs\/[^/]+\/(core|build|schema|compare|sweeps|fields|jobs)\.ts$|src\/labs\/[^/]+\/presets\//;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('det-math.ts') && !p.includes('/tests/') && (!p.startsWith('src/labs') || labCore.test(p)))
        files.push(p);
    }
  };
  roots.forEach(walk);

  it.each(files)('%s has no Math.exp/log/pow/trig and no ** operator', (file) => {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/Math\.(exp|expm1|log|log10|log1p|log2|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b/);
    expect(code).not.toMatch(/\*\*/);
  });
});
