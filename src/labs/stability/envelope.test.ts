import { describe, expect, it } from 'vitest';
import { COARSE_BUCKETS, drawable, envelope, FINE_BUCKETS } from './envelope';

describe('min-max envelope for drawing', () => {
  it('returns a short series as it is', () => {
    const e = envelope([0, 1, 2], [5, 4, 3], 3, 10);
    expect([...e.x]).toEqual([0, 1, 2]);
    expect([...e.y]).toEqual([5, 4, 3]);
    expect(e.n).toBe(3);
  });

  it('keeps each bucket’s smallest and largest value in order, and the global extremes', () => {
    const n = 10_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * (1 + i / n));
    const e = envelope(x, y, n, 100);
    expect(e.n).toBeLessThanOrEqual(200);
    for (let k = 1; k < e.n; k++) expect(e.x[k]).toBeGreaterThan(e.x[k - 1]);
    let max = -Infinity;
    let min = Infinity;
    for (let i = 0; i < n; i++) (max = Math.max(max, y[i])), (min = Math.min(min, y[i]));
    expect(Math.max(...e.y.subarray(0, e.n))).toBe(max);
    expect(Math.min(...e.y.subarray(0, e.n))).toBe(min);
  });

  it('leaves out rejected values (log axis: <= 0) and marks an empty bucket as a gap', () => {
    const y = [0, 0, 0, 0, 1, 2, 3, 4];
    const e = envelope([0, 1, 2, 3, 4, 5, 6, 7], y, 8, 2, (v) => v > 0);
    expect([...e.y.subarray(0, e.n)]).toEqual([NaN, 1, 4]);
  });

  it('draws a smooth long series finely and a chaotic one coarsely', () => {
    const n = 20_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const smooth = Float64Array.from({ length: n }, (_, i) => Math.exp(-i / 3000));
    let r = 0.3;
    const chaos = Float64Array.from({ length: n }, () => (r = 4 * r * (1 - r)));
    expect(drawable(x, smooth, n, true).n).toBeGreaterThan(FINE_BUCKETS);
    const rough = drawable(x, chaos, n);
    expect(rough.n).toBeLessThanOrEqual(3 * COARSE_BUCKETS);
    // bars: (x, min), (x, max), gap
    expect(rough.x[0]).toBe(rough.x[1]);
    expect(rough.y[1]).toBeGreaterThan(rough.y[0]);
    expect(rough.y[2]).toBeNaN();
    expect(drawable(x, chaos, 50).n).toBe(50);
  });
});
