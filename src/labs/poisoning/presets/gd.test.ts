import { describe, expect, it } from 'vitest';
import { buildRun } from '../../../experiment/build-run';
import type { FinalState } from '../../../engine/core/run';
import { parseSpec } from '../../../experiment/validate';
import { GD_PRESETS, gdPresetSpec } from './gd';

/** Runs one arm of a preset for one seed through the validator and the engine. */
function runArm(id: string, seed: number, arm: 'clean' | 'poisoned'): FinalState {
  const def = GD_PRESETS.find((p) => p.id === id)!;
  const parsed = parseSpec(gdPresetSpec(def, seed, arm));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return buildRun(parsed.spec).runToEnd();
}
const sortedAbs = (a: number[]) => a.map(Math.abs).sort((x, y) => y - x);
const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const converged = (f: FinalState) => f.stop.reason === 'converged';

/** Paper 000's GD/Adam presets reach the outcomes the docs/labs/poisoning.md (Sec. 6.2) asserts. */
describe('poisoning presets by GD and Adam (qualitative, docs/labs/poisoning.md Sec. 6.2)', () => {
  for (const [id, minRatio, minWith] of [
    ['B-6', 10, 2],
    ['B-10', 4, null],
  ] as const) {
    it(`${id}: poisoning multiplies the generalisation error (mean ratio >= ${minRatio}, >= 5x in at least 3 of 4 seeds)`, () => {
      const def = GD_PRESETS.find((p) => p.id === id)!;
      const without = def.seeds.map((s) => runArm(id, s, 'clean'));
      const withP = def.seeds.map((s) => runArm(id, s, 'poisoned'));
      expect([...without, ...withP].every(converged)).toBe(true);
      const mw = mean(without.map((f) => f.metrics.gen));
      const mp = mean(withP.map((f) => f.metrics.gen));
      expect(mp).toBeGreaterThanOrEqual(minRatio * mw);
      if (minWith !== null) expect(mp).toBeGreaterThanOrEqual(minWith);
      const fivefold = def.seeds.filter((_, i) => withP[i].metrics.gen >= 5 * without[i].metrics.gen).length;
      expect(fivefold).toBeGreaterThanOrEqual(3);
    });
  }

  for (const id of ['F2', 'F7', 'F3', 'F8']) {
    it(`${id}: without poison one entry learns and erank stays near 1; with poison many entries grow, and eps comes 3x sooner`, () => {
      const seed = GD_PRESETS.find((p) => p.id === id)!.seeds[0];
      const w = runArm(id, seed, 'clean');
      const p = runArm(id, seed, 'poisoned');
      const aw = sortedAbs(w.params.a);
      expect(aw[0]).toBeGreaterThanOrEqual(0.95);
      expect(aw[0]).toBeLessThanOrEqual(1.05);
      expect(aw[1]).toBeLessThan(0.06);
      expect(w.metrics.erank).toBeLessThan(1.8);
      expect(sortedAbs(p.params.a)[1]).toBeGreaterThan(0.15);
      expect(p.metrics.erank).toBeGreaterThan(3);
      expect(w.stop.convergedStep!).toBeGreaterThanOrEqual(3 * p.stop.convergedStep!);
    });
  }

  it('F2 seed 105 hits the reference stop steps 16104 / 557 (within 2 %) and eranks 1.42 / 5.44', () => {
    const w = runArm('F2', 105, 'clean');
    const p = runArm('F2', 105, 'poisoned');
    expect(Math.abs(w.stop.convergedStep! - 16104) / 16104).toBeLessThan(0.02);
    expect(Math.abs(p.stop.convergedStep! - 557) / 557).toBeLessThan(0.02);
    expect(w.metrics.erank).toBeCloseTo(1.42, 1);
    expect(p.metrics.erank).toBeCloseTo(5.44, 1);
  });

  it('F4 (teacher of dimension 2, B = C = 1): without recovers (0.99, 0.8); with overshoots above 1.02', () => {
    const w = sortedAbs(runArm('F4', 302, 'clean').params.a);
    expect(Math.abs(w[0] - 0.99)).toBeLessThan(0.02);
    expect(Math.abs(w[1] - 0.8)).toBeLessThan(0.02);
    expect(w[2]).toBeLessThan(0.05);
    expect(sortedAbs(runArm('F4', 302, 'poisoned').params.a)[0]).toBeGreaterThan(1.02);
  });

  it('M-6 (MLP head, Adam): over converged runs, the poisoned error is at least 5x the clean one; dead heads are flagged', () => {
    const def = GD_PRESETS.find((p) => p.id === 'M-6')!;
    const without = def.seeds.map((s) => runArm('M-6', s, 'clean'));
    const withP = def.seeds.map((s) => runArm('M-6', s, 'poisoned'));
    const okW = without.filter(converged);
    const okP = withP.filter(converged);
    expect(okW.length).toBeGreaterThanOrEqual(2);
    expect(okP.length).toBeGreaterThanOrEqual(2);
    for (const f of [...without, ...withP].filter((f) => !converged(f))) expect(f.stop.reason).toBe('model-failed');
    expect(mean(okP.map((f) => f.metrics.gen))).toBeGreaterThanOrEqual(5 * mean(okW.map((f) => f.metrics.gen)));
  });

  it('F2M (MLP head): without, one entry near 1 (erank < 1.8); with, at least 6 entries above 0.5', () => {
    const w = runArm('F2M', 4541, 'clean');
    const p = runArm('F2M', 4541, 'poisoned');
    const aw = sortedAbs(w.params.a);
    expect(Math.abs(aw[0] - 1)).toBeLessThan(0.05);
    expect(aw[1]).toBeLessThan(0.06);
    expect(w.metrics.erank).toBeLessThan(1.8);
    expect(p.params.a.filter((v) => Math.abs(v) > 0.5).length).toBeGreaterThanOrEqual(6);
  });
});
