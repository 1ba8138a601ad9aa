import { describe, expect, it } from 'vitest';
import { buildRun } from '../../../experiment/build-run';
import type { FinalState } from '../../../engine/core/run';
import { parseSpec } from '../../../experiment/validate';
import { GD_PRESETS, gdPresetSpec } from './gd';

function runArm(id: string, seed: number, arm: 'clean' | 'poisoned'): FinalState {
  const parsed = parseSpec(gdPresetSpec(GD_PRESETS.find((p) => p.id === id)!, seed, arm));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return buildRun(parsed.spec).runToEnd();
}
const converged = (f: FinalState) => f.stop.reason === 'converged';
const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/** The slower MLP-head presets of paper 000 (d = 20, dh = 25), docs/labs/poisoning.md Sec. 6.2. */
describe('poisoning presets with a 25-wide MLP head (Adam)', () => {
  it('M-10 (Table 3, row 3): over converged runs the poisoned mean exceeds the clean mean; dead heads are flagged', () => {
    const seeds = GD_PRESETS.find((p) => p.id === 'M-10')!.seeds;
    const runs = seeds.flatMap((s) => [runArm('M-10', s, 'clean'), runArm('M-10', s, 'poisoned')]);
    const clean = runs.filter((_, i) => i % 2 === 0).filter(converged);
    const poisoned = runs.filter((_, i) => i % 2 === 1).filter(converged);
    expect(clean.length).toBeGreaterThanOrEqual(2);
    expect(poisoned.length).toBeGreaterThanOrEqual(2);
    for (const f of runs.filter((f) => !converged(f))) expect(f.stop.reason).toBe('model-failed');
    expect(mean(poisoned.map((f) => f.metrics.gen))).toBeGreaterThan(mean(clean.map((f) => f.metrics.gen)));
  });

  for (const [id, seed] of [
    ['F3M', 4542],
    ['F8M', 4603],
  ] as const) {
    it(`${id}: without poison one entry near 1 (erank < 1.8); with poison at least 6 entries above 0.5`, () => {
      const w = runArm(id, seed, 'clean');
      const p = runArm(id, seed, 'poisoned');
      expect(converged(w) && converged(p)).toBe(true);
      const aw = w.params.a.map(Math.abs).sort((x, y) => y - x);
      expect(Math.abs(aw[0] - 1)).toBeLessThan(0.05);
      expect(aw[1]).toBeLessThan(0.06);
      expect(w.metrics.erank).toBeLessThan(1.8);
      expect(p.params.a.filter((v) => Math.abs(v) > 0.5).length).toBeGreaterThanOrEqual(6);
    });
  }
});
