/**
 * E-4 (Fig. 4) by the CLI's path (sweep points -> runPoint -> the shared run builder): E-3A from larger init scales,
 * Adam with MultiStepLR for 40000 steps, at k = 10.
 */
import { describe, expect, it } from 'vitest';
import { LONG, presetSeeds, runPresetPoints } from './points';

describe('E-4 (Fig. 4): init scale sigma = 0.1 against 1e-5 at k = 10', () => {
  it('for every seed: E and beta_BC are larger at sigma = 0.1, beta_BC at least 10x (lab: E 0.88 / 0.73 vs 0.68 / 0.19; beta 0.24 / 0.25 vs 8.6e-3 / 5.1e-3)', LONG, () => {
    const pts = runPresetPoints('E-4', (p) => p.k === 10 && (p.sigma === 1e-5 || p.sigma === 0.1));
    expect(pts.length).toBe(6);
    for (const s of presetSeeds('E-4')) {
      const at = (sigma: number) => pts.find((p) => p.sigma === sigma && p.seed === s)!.result;
      expect(at(0.1).E, `seed ${s}`).toBeGreaterThan(at(1e-5).E);
      expect(at(0.1).betaBC, `seed ${s}`).toBeGreaterThanOrEqual(10 * at(1e-5).betaBC);
    }
  });
});
