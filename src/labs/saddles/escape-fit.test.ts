import { describe, expect, it } from 'vitest';
import { escapeFit } from './escape-fit';

describe('escapeFit', () => {
  it('Lh = 2: the least-squares slope against ln(1/delta) and the mean offset, of either sign', () => {
    const deltas = [0.01, 0.02, 0.04, 0.08];
    const x = deltas.map((d) => Math.log(1 / d));
    const law = x.map((v) => v / 16); // N* = 8
    const w0 = law.map((v) => v + 0.02);
    const below = law.map((v) => v - 0.0975);
    const f = escapeFit(x, below, law, w0, 2, 8)!;
    expect(f.slope!.law).toBe(1 / 16);
    expect(f.slope!.measured).toBeCloseTo(1 / 16, 12);
    expect(f.offset).toBeCloseTo(-0.0975, 12);
    expect(f.offsetW0).toBeCloseTo(-0.1175, 12);
    const above = law.map((v, i) => v + 0.3 + 0.01 * x[i]);
    const g = escapeFit(x, above, law, w0, 2, 8)!;
    expect(g.offset).toBeGreaterThan(0);
    expect(g.slope!.measured).toBeCloseTo(1 / 16 + 0.01, 12);
  });

  it('Lh > 2: the mean ratio to each law; fewer than two points: null', () => {
    const law = [1, 2, 4];
    const f = escapeFit([1, 2, 4], [14, 28, 56], law, [7, 14, 28], 3, 2)!;
    expect(f.slope).toBeNull();
    expect(f.offset).toBe(14);
    expect(f.offsetW0).toBe(2);
    expect(f.ratios).toEqual({ law: [14, 14], w0: [2, 2] });
    const g = escapeFit([1, 2, 4], [3, 5, 9], law, [2, 4, 8], 3, 2)!;
    expect(g.ratios).toEqual({ law: [2.25, 3], w0: [1.125, 1.5] });
    expect(escapeFit([1], [1], [1], [1], 2, 8)).toBeNull();
  });
});
