import { describe, expect, it } from 'vitest';
import { RECORD_MAX_BYTES, Recorder, recordCapacity } from './recorder';

describe('the recorder within its budget', () => {
  it('caps the bytes of wide snapshots: 16,640 parameters keep about 240 rows, not 20,000', () => {
    const cap = recordCapacity(16_640 + 10);
    expect(cap * 8 * (3 + 16_650)).toBeLessThanOrEqual(RECORD_MAX_BYTES);
    expect(cap).toBeGreaterThan(100);
  });

  it('drops every other snapshot when full, keeping the first, and says so', () => {
    const r = new Recorder(1, 2, 16, 1e9);
    const theta = new Float64Array(2);
    const m = new Float64Array(1);
    const thinnedAt: number[] = [];
    for (let s = 0; s < 40; s++) {
      theta[0] = s;
      m[0] = -s;
      if (r.push(s, s, s * 10, m, theta)) thinnedAt.push(s);
    }
    expect(r.count).toBeLessThanOrEqual(16);
    // full at 16 rows, then every 8 pushes (8 rows survive each thinning)
    expect(thinnedAt).toEqual([16, 24, 32]);
    const all = r.all();
    expect(all.step[0]).toBe(0);
    expect(all.step[all.count - 1]).toBe(39);
    // every column moved together
    for (let i = 0; i < all.count; i++) {
      expect(all.theta[2 * i]).toBe(all.step[i]);
      expect(all.metrics[i]).toBe(-all.step[i]);
      expect(all.loss[i]).toBe(10 * all.step[i]);
    }
  });

  it('streams only snapshots not yet taken, across a thinning', () => {
    const r = new Recorder(0, 1, 16, 1e9);
    const seen: number[] = [];
    for (let s = 0; s < 100; s++) {
      r.push(s, s, 0, new Float64Array(0), Float64Array.of(s));
      if (s % 7 === 0) seen.push(...r.takeNew().step);
    }
    seen.push(...r.takeNew().step);
    // strictly increasing: nothing streamed twice
    expect(seen.every((s, i) => i === 0 || s > seen[i - 1])).toBe(true);
    expect(seen.at(-1)).toBe(99);
  });
});
