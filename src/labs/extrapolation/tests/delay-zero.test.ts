/**
 * E-1B (Fig. 1(b)), the short windows, by the CLI's path (sweep points -> runPoint -> the shared run builder): the
 * delay teacher d̂ = 10 and a full unbalanced student d = 50. k = 8 sees only zeros and learns the zero response;
 * k = 10 .. 14 fit the window with a spectral radius above 1 and blow up beyond it. The longer windows are in
 * delay-tail.test.ts (split so Vitest's workers share the runs).
 */
import { describe, expect, it } from 'vitest';
import { LONG, presetSeeds, runPresetPoints } from './points';

describe('E-1B (Fig. 1(b)): k = 8 and k = 10 .. 14', () => {
  it('for every seed: E(8) = 1 +- 1e-3 (lab: 1.000, the zero solution)', LONG, () => {
    const pts = runPresetPoints('E-1B', (p) => p.k === 8);
    expect(pts.map((p) => p.seed)).toEqual(presetSeeds('E-1B'));
    for (const p of pts) expect(Math.abs(p.result.E - 1), `seed ${p.seed}`).toBeLessThanOrEqual(1e-3);
  });

  it('for every seed and k in {10, 12, 14}: E > 10 (lab: 1e11 to 1e40, spectral radius > 1)', LONG, () => {
    const pts = runPresetPoints('E-1B', (p) => p.k >= 10 && p.k <= 14);
    expect(pts.length).toBe(9);
    for (const p of pts) {
      expect(p.result.E, `k ${p.k}, seed ${p.seed}`).toBeGreaterThan(10);
      expect(p.result.specRadius, `k ${p.k}, seed ${p.seed}`).toBeGreaterThan(1);
    }
  });
});
