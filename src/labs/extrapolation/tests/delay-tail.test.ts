/**
 * E-1B (Fig. 1(b)) at the longer windows and E-ESC (the saddle escape), by the CLI's path (sweep points -> runPoint
 * -> the shared run builder). E-ESC at sigma = 0.02 is E-1B at k = 20: the same point spec, run once here.
 */
import { describe, expect, it } from 'vitest';
import { LONG, presetSeeds, runPresetPoints } from './points';

describe('E-1B (Fig. 1(b)): k = 18, 20, 24', () => {
  it('for every seed: E(18) > 0.03, E(20) < 0.03, E(24) < 1e-4 (lab: 0.053-0.086, 0.0031-0.014, 6e-7 to 2.3e-6)', LONG, () => {
    const pts = runPresetPoints('E-1B', (p) => p.k === 18 || p.k === 20 || p.k === 24);
    expect(pts.length).toBe(9);
    for (const s of presetSeeds('E-1B')) {
      const E = (k: number) => pts.find((p) => p.k === k && p.seed === s)!.result.E;
      expect(E(18), `seed ${s}`).toBeGreaterThan(0.03);
      expect(E(20), `seed ${s}`).toBeLessThan(0.03);
      expect(E(24), `seed ${s}`).toBeLessThan(1e-4);
    }
  });
});

describe('E-ESC: E-1B at k = 20 from sigma = 0.01, 0.02, 0.05', () => {
  it('for every seed: sigma = 0.01 stays at the zero saddle, L > 0.99; sigma = 0.02 and 0.05 escape, L < 1e-3 (lab: 1.00; 3.5e-5 / 1.8e-7 at 0.05)', LONG, () => {
    const pts = runPresetPoints('E-ESC', () => true);
    expect(pts.length).toBe(9);
    for (const p of pts) {
      if (p.sigma === 0.01) {
        expect(p.result.loss, `seed ${p.seed}`).toBeGreaterThan(0.99);
        // Stuck at zero, the student scores a tiny E on the delay's zero tail: the fitted flag says what E does not.
        expect(p.result.fitted).toBe(false);
      } else {
        expect(p.result.loss, `sigma ${p.sigma}, seed ${p.seed}`).toBeLessThan(1e-3);
        expect(p.result.fitted).toBe(true);
      }
    }
  });
});
