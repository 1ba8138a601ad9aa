import { describe, expect, it } from 'vitest';
import { decimateMinMax, formatNumber, isPlottable, LOG_FLOOR_EXP, nearestIndex, padDomain, scanSeries, validLength } from './series-math';

describe('isPlottable', () => {
  it('rejects non-finite values on linear axes', () => {
    expect([0, -3, 1e300].map((v) => isPlottable(v, false))).toEqual([true, true, true]);
    expect([NaN, Infinity, -Infinity].map((v) => isPlottable(v, false))).toEqual([false, false, false]);
  });
  it('also rejects non-positive values on log axes', () => {
    expect([1e-300, 2].map((v) => isPlottable(v, true))).toEqual([true, true]);
    expect([0, -0, -1, NaN, Infinity].map((v) => isPlottable(v, true))).toEqual([false, false, false, false, false]);
  });
});

describe('validLength', () => {
  it('defaults to the shorter buffer and clamps n', () => {
    const x = new Float64Array(10);
    const y = new Float64Array(7);
    expect(validLength(x, y)).toBe(7);
    expect(validLength(x, y, 3)).toBe(3);
    expect(validLength(x, y, 50)).toBe(7);
    expect(validLength(x, y, -2)).toBe(0);
    expect(validLength(x, y, 2.7)).toBe(2);
  });
});

describe('scanSeries', () => {
  const x = [1, 2, 3, 4, 5, 6];
  const y = [10, 0, -5, NaN, 1000, 0.1];

  it('counts and bounds plottable points only', () => {
    const lin = scanSeries(x, y, x.length, false, false);
    expect(lin.count).toBe(5);
    expect([lin.yMin, lin.yMax]).toEqual([-5, 1000]);
    const log = scanSeries(x, y, x.length, false, true);
    expect(log.count).toBe(3); // 0, -5 and NaN dropped
    expect([log.xMin, log.xMax, log.yMin, log.yMax]).toEqual([1, 6, 0.1, 1000]);
  });

  it('tells a series sorted within each run between breaks (joined trajectories) from one sorted throughout', () => {
    const joined = scanSeries([0, 1, 2, NaN, 0, 1, 2], [1, 2, 3, NaN, 4, 5, 6], 7, false, false);
    expect(joined).toMatchObject({ sorted: false, runsSorted: true, count: 6 });
    expect(scanSeries([0, 1, 2], [1, 2, 3], 3, false, false)).toMatchObject({ sorted: true, runsSorted: true });
    expect(scanSeries([0, 2, 1, NaN, 0], [1, 2, 3, NaN, 4], 5, false, false)).toMatchObject({ sorted: false, runsSorted: false });
  });

  it('respects n for growing buffers', () => {
    const s = scanSeries(x, y, 2, false, true);
    expect(s.count).toBe(1);
    expect(s.xMax).toBe(1);
  });

  it('detects sortedness, including non-finite x as unsorted', () => {
    expect(scanSeries([1, 1, 2, 5], [1, 1, 1, 1], 4, false, false).sorted).toBe(true);
    expect(scanSeries([1, 3, 2], [1, 1, 1], 3, false, false).sorted).toBe(false);
    expect(scanSeries([1, NaN, 2], [1, 1, 1], 3, false, false).sorted).toBe(false);
    expect(scanSeries([-Infinity, 0], [1, 1], 2, false, false).sorted).toBe(false);
  });

  it('limits the extent (not the count) to an x window', () => {
    const s = scanSeries(x, y, x.length, false, false, [1.5, 3.5]);
    expect(s.count).toBe(5);
    expect([s.xMin, s.xMax, s.yMin, s.yMax]).toEqual([2, 3, -5, 0]);
  });

  it('reports an empty extent as min > max', () => {
    const s = scanSeries([1, 2], [0, -1], 2, false, true);
    expect(s.count).toBe(0);
    expect(s.yMin > s.yMax).toBe(true);
  });
});

describe('padDomain', () => {
  it('pads linear extents proportionally', () => {
    const [a, b] = padDomain(0, 100, false, 0.05);
    expect(a).toBeCloseTo(-5);
    expect(b).toBeCloseTo(105);
  });
  it('pads log extents in decades', () => {
    const [a, b] = padDomain(1e-3, 1e3, true, 0.05);
    expect(Math.log10(a)).toBeCloseTo(-3.3);
    expect(Math.log10(b)).toBeCloseTo(3.3);
  });
  it('opens a window around a single value', () => {
    expect(padDomain(5, 5, false)).toEqual([4.5, 5.5]);
    expect(padDomain(0, 0, false)).toEqual([-1, 1]);
    const [a, b] = padDomain(100, 100, true);
    expect(Math.log10(a)).toBeCloseTo(1.5);
    expect(Math.log10(b)).toBeCloseTo(2.5);
  });
  it('falls back to a default range with no data', () => {
    // a narrow log range gets a decade centred on it, not one above it
    const [c, d] = padDomain(0.97, 0.98, true);
    expect(Math.log10(d) - Math.log10(c)).toBeCloseTo(1, 12);
    expect((Math.log10(c) + Math.log10(d)) / 2).toBeCloseTo((Math.log10(0.97) + Math.log10(0.98)) / 2, 12);
    expect(padDomain(Infinity, -Infinity, false)).toEqual([0, 1]);
    expect(padDomain(Infinity, -Infinity, true)).toEqual([1, 10]);
  });
});

describe('decimateMinMax', () => {
  const identity = (v: number) => v;

  it('keeps a single-sample spike and bounds output to 4 points per column', () => {
    const n = 100_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i;
      y[i] = Math.sin(i / 1000);
    }
    y[54_321] = 50;
    y[77_777] = -50;
    const cols = 500;
    const idx = decimateMinMax(x, y, n, (v) => (v / n) * cols, false, false);
    expect(idx.length).toBeLessThanOrEqual(4 * cols);
    expect(idx).toContain(54_321);
    expect(idx).toContain(77_777);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(n - 1);
    // Index order is preserved so the polyline never doubles back.
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
  });

  it('gives the same result when column ends are supplied (log x fast path)', () => {
    const n = 20_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i + 1;
      y[i] = i % 97 === 0 ? 0 : Math.exp(-i / 3000) * (1 + 0.3 * Math.sin(i));
    }
    const col = (v: number) => 60 + Math.log10(v) * 150;
    const colEnd = (c: number) => 10 ** ((c + 1 - 60) / 150);
    const slow = decimateMinMax(x, y, n, col, true, true);
    expect(slow.length).toBeLessThan(n / 2);
    expect(decimateMinMax(x, y, n, col, true, true, colEnd)).toEqual(slow);
  });

  it('keeps every point when each has its own column', () => {
    const x = [0, 1, 2, 3];
    const y = [3, 1, 4, 1];
    expect(decimateMinMax(x, y, 4, identity, false, false)).toEqual([0, 1, 2, 3]);
  });

  it('emits first, min, max, last of a column in index order', () => {
    const x = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
    const y = [5, 9, 2, 7, 1, 6];
    // All in column 0: first=0, max=1, min=4, last=5.
    expect(decimateMinMax(x, y, 6, identity, false, false)).toEqual([0, 1, 4, 5]);
  });

  it('marks breaks at non-plottable points (log axis zeros)', () => {
    const x = [0, 1, 2, 3, 4, 5];
    const y = [1, 2, 0, 0, 3, 4];
    expect(decimateMinMax(x, y, 6, identity, false, true)).toEqual([0, 1, -1, 4, 5]);
    // On a linear axis zeros are fine, so no break.
    expect(decimateMinMax(x, y, 6, identity, false, false)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('never starts or ends with a break and honours n', () => {
    const x = [0, 1, 2, 3];
    const y = [NaN, 1, 2, NaN];
    expect(decimateMinMax(x, y, 4, identity, false, false)).toEqual([1, 2]);
    expect(decimateMinMax(x, y, 2, identity, false, false)).toEqual([1]);
  });
});

describe('nearestIndex', () => {
  const brute = (x: ArrayLike<number>, t: number, map: (v: number) => number = (v) => v) => {
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < x.length; i++) {
      const d = Math.abs(map(x[i]) - map(t));
      if (d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  };

  it('binary search agrees with a brute-force scan on sorted data', () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const x = Array.from({ length: 500 }, () => Math.round(rand() * 1000) / 10).sort((a, b) => a - b);
    for (let k = 0; k < 300; k++) {
      const t = rand() * 120 - 10;
      expect(nearestIndex(x, x.length, t, { sorted: true })).toBe(brute(x, t));
    }
  });

  it('scans unsorted data', () => {
    const x = [5, 1, 9, 3];
    expect(nearestIndex(x, 4, 2.9)).toBe(3);
    expect(nearestIndex(x, 4, 100)).toBe(2);
  });

  it('handles edges, ties, n and empty input', () => {
    const x = [0, 1, 1, 1, 2];
    expect(nearestIndex(x, 5, 1, { sorted: true })).toBe(1);
    expect(nearestIndex(x, 5, 0.5, { sorted: true })).toBe(0); // tie -> lower index
    expect(nearestIndex(x, 5, -7, { sorted: true })).toBe(0);
    expect(nearestIndex(x, 5, 7, { sorted: true })).toBe(4);
    expect(nearestIndex(x, 2, 7, { sorted: true })).toBe(1);
    expect(nearestIndex(x, 0, 1, { sorted: true })).toBe(-1);
    expect(nearestIndex(x, 5, NaN)).toBe(-1);
  });

  it('measures distance in log space and skips unmappable x', () => {
    const x = [0, 1, 10, 100];
    // Linear nearest to 40 is 10 (distance 30 vs 60); in log space it is 100 (0.40 vs 0.60 decades).
    expect(nearestIndex(x, 4, 40, { sorted: true })).toBe(2);
    expect(nearestIndex(x, 4, 40, { sorted: true, map: Math.log10 })).toBe(3);
    expect(nearestIndex(x, 4, 0.001, { sorted: true, map: Math.log10 })).toBe(1);
    expect(nearestIndex([-1, 0], 2, 5, { sorted: true, map: Math.log10 })).toBe(-1);
    expect(nearestIndex([5, -1, 0.5], 3, 0.4, { map: Math.log10 })).toBe(2);
  });
});

describe('formatNumber', () => {
  it('uses 4 significant digits in fixed notation for moderate values', () => {
    expect(formatNumber(1234.5678)).toBe('1235');
    expect(formatNumber(Math.PI)).toBe('3.142');
    expect(formatNumber(-0.012345678)).toBe('-0.01235');
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(42)).toBe('42');
  });
  it('switches to exponent form below 1e-3 and at or above 1e4', () => {
    expect(formatNumber(12345)).toBe('1.235e4');
    expect(formatNumber(1e4)).toBe('1e4');
    expect(formatNumber(9999.7)).toBe('1e4');
    expect(formatNumber(0.00098765)).toBe('9.877e-4');
    expect(formatNumber(-2e-7)).toBe('-2e-7');
    expect(formatNumber(6.02214e23)).toBe('6.022e23');
  });
  it('handles zero and non-finite values', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('-∞');
  });
});

describe('log domains of subnormal series', () => {
  it('a series reaching 5e-324 gets a positive, finite log domain floored at 1e-300 (0 would break the log scale)', () => {
    const [a, b] = padDomain(5e-324, 1, true);
    expect(a).toBe(10 ** LOG_FLOOR_EXP);
    expect(b).toBeGreaterThan(1);
    expect(Number.isFinite(Math.log10(a))).toBe(true);
    const [c, d] = padDomain(5e-324, 5e-324, true);
    expect(c).toBeGreaterThan(0);
    expect(d).toBeGreaterThan(c);
  });
});
