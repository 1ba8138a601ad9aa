import { describe, expect, it } from 'vitest';
import { computeGrid } from '../../workers/landscape-core';
import { contourLines, finiteExtent, integerLevels } from './landscape-draw';

describe('landscape grid and contours', () => {
  it('samples cell centres with row 0 at the top', async () => {
    const g = await computeGrid({ field: 'stability-log-loss', params: { phi: 1 }, x: [-2, 2], y: [-1, 3], nx: 4, ny: 4 });
    // Cell (i = 0, j = 0) is centred at (-1.5, 2.5): L = (1/2)(-3.75 - 1)^2.
    expect(g.values[0]).toBeCloseTo(Math.log10(0.5 * 4.75 ** 2), 12);
    // Cell (i = 3, j = 3) is centred at (1.5, -0.5).
    expect(g.values[15]).toBeCloseTo(Math.log10(0.5 * 1.75 ** 2), 12);
  });

  it('contours of the loss follow the hyperbolas ab = Phi +- sqrt(2 L)', async () => {
    const g = await computeGrid({ field: 'stability-log-loss', params: { phi: 1 }, x: [-3, 3], y: [-3, 3], nx: 200, ny: 200 });
    const levels = integerLevels(finiteExtent(g.values)!);
    expect(levels).toContain(-1);
    const c = contourLines(g, [-1]);
    // Rings are closed along the grid border; only interior points lie on the level curve.
    const pts = c[0].rings.flat().filter(([a, b]) => Math.max(Math.abs(a), Math.abs(b)) < 2.98);
    expect(pts.length).toBeGreaterThan(100);
    const r = Math.sqrt(2 * 0.1);
    for (const [a, b] of pts) {
      const dev = Math.min(Math.abs(a * b - 1 - r), Math.abs(a * b - 1 + r));
      // Linear interpolation on a 0.03-wide grid: small error relative to the level spacing.
      expect(dev).toBeLessThan(0.01);
    }
  });
});
