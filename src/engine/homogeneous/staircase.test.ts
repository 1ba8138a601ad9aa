import { describe, expect, it } from 'vitest';
import { escapeIndex, firstSaddlePlateau, plateaus } from './staircase';

/** A synthetic staircase 10 -> 1 -> 0.01 with smooth drops at t = 100 and t = 300 (logistic in ln L). */
function staircase(n: number) {
  const t = Float64Array.from({ length: n }, (_, i) => (i * 500) / (n - 1));
  const step = (x: number, at: number) => 1 / (1 + Math.exp(-(x - at) / 3));
  const loss = Float64Array.from(t, (x) => Math.exp(Math.log(10) - Math.log(10) * step(x, 100) - Math.log(100) * step(x, 300)));
  return { t, loss };
}

describe('loss staircase', () => {
  it('finds the escape, the three plateaus with their levels, and the first saddle', () => {
    const { t, loss } = staircase(2001);
    const esc = escapeIndex(loss, t.length);
    // L <= 9.9 where ln 10 * s = ln(10/9.9): s = 0.004365, x = 100 + 3 ln(s/(1-s)) = 83.7
    expect(t[esc]).toBeGreaterThan(83);
    expect(t[esc]).toBeLessThan(84.5);
    const p = plateaus(t, loss, t.length);
    expect(p.map((q) => q.level)).toHaveLength(3);
    expect(p[0].level).toBeCloseTo(10, 3);
    expect(p[1].level).toBeCloseTo(1, 3);
    expect(p[2].level).toBeCloseTo(0.01, 5);
    // the drops lie between the plateaus
    expect(t[p[0].to]).toBeLessThan(100);
    expect(t[p[1].from]).toBeGreaterThan(100);
    expect(t[p[1].to]).toBeLessThan(300);
    expect(firstSaddlePlateau(t, loss, t.length)).toEqual(p[1]);
  });
  it('compares with the snapshot before the window, and finds no saddle before an escape', () => {
    const t = Float64Array.of(0, 1, 2, 3, 4);
    const loss = Float64Array.of(5, 5, 5, 4, 4);
    // 2 % windows: each snapshot is compared with the one before it
    expect(plateaus(t, loss, 5)).toEqual([
      { from: 1, to: 2, level: 5 },
      { from: 4, to: 4, level: 4 },
    ]);
    // 60 % windows reach back two snapshots: at t = 4 the window starts at 1.6, compared with t = 1
    expect(plateaus(t, loss, 5, 0.6)).toEqual([{ from: 1, to: 2, level: 5 }]);
    expect(firstSaddlePlateau(t, Float64Array.of(5, 5, 5, 5, 5), 5)).toBeNull();
  });
});
