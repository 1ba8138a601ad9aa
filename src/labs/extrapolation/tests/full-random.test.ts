/**
 * E-3A (Fig. 3(a)) and E-3B (Fig. 3(b)) by the CLI's path (sweep points -> runPoint -> the shared run builder): full
 * students of a balanced teacher from sigma = 1e-5, and of a random bidiagonal teacher.
 */
import { describe, expect, it } from 'vitest';
import { LONG, presetSeeds, runPresetPoints } from './points';

describe('E-3A (Fig. 3(a)): bal(s, 5), full student d = 40 from sigma = 1e-5', () => {
  it('for every seed: E(20) < E(4) (lab: 0.29 < 0.99, 0.094 < 1.0, 0.30 < 0.98)', LONG, () => {
    const pts = runPresetPoints('E-3A', (p) => p.k === 4 || p.k === 20);
    for (const s of presetSeeds('E-3A')) {
      const E = (k: number) => pts.find((p) => p.k === k && p.seed === s)!.result.E;
      expect(E(20), `seed ${s}`).toBeLessThan(E(4));
    }
  });
});

describe('E-3B (Fig. 3(b)): bidiag(s, 5), full student d = 50 from sigma = 0.05', () => {
  it('for every seed: E(k <= 4) = 1 +- 1e-3, E(12) < 3e-3, E(16) < 1e-3 (lab: 1.000; 5.6e-4 to 7.7e-4; 2.7e-6 to 9.1e-5)', LONG, () => {
    const pts = runPresetPoints('E-3B', (p) => p.k <= 4 || p.k === 12 || p.k === 16);
    expect(pts.length).toBe(12);
    for (const p of pts) {
      const at = `k ${p.k}, seed ${p.seed}`;
      if (p.k <= 4) expect(Math.abs(p.result.E - 1), at).toBeLessThanOrEqual(1e-3);
      else expect(p.result.E, at).toBeLessThan(p.k === 12 ? 3e-3 : 1e-3);
    }
  });
});
