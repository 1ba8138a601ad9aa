import { describe, expect, it } from 'vitest';
import reference from '../data/thm1-reference.json';
import { THM1_TABLE_ROWS, thm1Spec } from '../presets/thm1';
import { parseSpec } from '../../../experiment/validate';
import { buildRun } from '../../../experiment/build-run';
import type { FinalState } from '../../../engine/core/run';

const rowOf = (d: number) => THM1_TABLE_ROWS.find((r) => r.d === d)!;

function runReference(d: number, seed: number, poisoned: boolean) {
  const row = rowOf(d);
  const parsed = parseSpec(thm1Spec({ d, kappa: row.kappa, seed, scale: row.scale, tieC: row.tieC, maxTime: row.maxTime, arm: poisoned ? 'poisoned' : 'clean' }));
  if (!parsed.ok) throw new Error('preset spec invalid');
  const run = buildRun(parsed.spec);
  return { run, final: run.runToEnd() };
}

/** Paper 000, Theorem 1, from the 16 reference initialisations (Table 1 and Table 3, row 1). */
describe('Theorem 1 by exact gradient flow', () => {
  const finals = new Map<string, FinalState>();
  const key = (d: number, seed: number, poisoned: boolean) => `${d}/${seed}/${poisoned}`;

  it.each(reference.runs.map((r) => [r.d, r.seed, r.poisoned, r.genError] as const))(
    'd = %i, seed %i, poisoned = %s reaches Gen_20 = %f within 1 percent',
    (d, seed, poisoned, expected) => {
      const { final } = runReference(d, seed, poisoned);
      finals.set(key(d, seed, poisoned), final);
      expect(final.stop.reason).toBe('converged');
      // The issue asks for 1 %; the docs/labs/poisoning.md's tolerance for these exact flows is 2e-3 per value.
      expect(Math.abs(final.metrics.gen - expected) / expected).toBeLessThan(2e-3);
    },
  );

  it('the four-seed means match the paper: 1.27e-3 / 5.01e-2 (d = 10) and 7.34e-3 / 3.51e-2 (d = 20)', () => {
    for (const row of THM1_TABLE_ROWS) {
      for (const arm of ['clean', 'poisoned'] as const) {
        const values = row.seeds.map((s) => finals.get(key(row.d, s, arm === 'poisoned'))!.metrics.gen);
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        // The paper prints 3 significant digits.
        expect(Math.abs(mean - row.paper[arm]) / row.paper[arm]).toBeLessThan(0.005);
      }
    }
  });

  it('the clean run ends with one entry near 1 and the rest near 0; the poisoned run does not', () => {
    for (const row of THM1_TABLE_ROWS) {
      for (const seed of row.seeds) {
        const clean = [...finals.get(key(row.d, seed, false))!.params.a].map(Math.abs).sort((x, y) => y - x);
        expect(Math.abs(clean[0] - 1)).toBeLessThan(0.02);
        expect(clean[1]).toBeLessThan(0.15);
        expect(Math.max(...clean.slice(2))).toBeLessThan(0.01);
        const poisoned = [...finals.get(key(row.d, seed, true))!.params.a].map(Math.abs).sort((x, y) => y - x);
        expect(poisoned[1]).toBeGreaterThan(0.5);
        expect(poisoned[0]).toBeLessThan(0.99);
      }
    }
  });

  it('seed 242 checkpoints: S1 stops at the blow-up time, S2 at t = 1514.35 with the printed entries', () => {
    const s1 = finals.get(key(10, 242, false))!;
    expect(Math.abs(s1.time - 4.18763e10) / 4.18763e10).toBeLessThan(1e-3);
    expect(s1.params.a[1]).toBeCloseTo(0.00909052, 7);
    const s2 = finals.get(key(10, 242, true))!;
    expect(Math.abs(s2.time - 1514.35) / 1514.35).toBeLessThan(1e-3);
    expect(s2.params.a[0]).toBeCloseTo(0.981883, 5);
    expect(s2.params.a[1]).toBeCloseTo(0.685639, 5);
    const s2d20 = finals.get(key(20, 342, true))!;
    expect(s2d20.params.a[0]).toBeCloseTo(0.951668, 4);
    expect(s2d20.params.a[1]).toBeCloseTo(0.869665, 4);
    expect(s2d20.params.a.slice(2).every((v) => v < 0)).toBe(true);
  });
});

describe('conserved quantities of the clean flow (docs/labs/poisoning.md oracle 6)', () => {
  it('a_j^(3-kappa) - a_1^(3-kappa) stays constant along the flow (relative 1e-6)', () => {
    for (const [d, seed] of [
      [10, 242],
      [20, 342],
    ] as const) {
      const { run } = runReference(d, seed, false);
      const kappa = rowOf(d).kappa;
      const all = run.recorder.all();
      const n = run.problem.n;
      const Q = (r: number, j: number) => all.theta[r * n + j] ** (3 - kappa) - all.theta[r * n] ** (3 - kappa);
      expect(all.count).toBeGreaterThan(20);
      let worst = 0;
      for (let r = 1; r < all.count; r++) for (let j = 1; j < d; j++) worst = Math.max(worst, Math.abs(Q(r, j) - Q(0, j)) / Math.abs(Q(0, j)));
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it('matches the exact S1 limit a_2(inf) = 0.00909052 (seed 242) and 0.108071 (seed 342)', () => {
    expect(runReference(10, 242, false).final.params.a[1]).toBeCloseTo(0.00909052, 7);
    expect(runReference(20, 342, false).final.params.a[1]).toBeCloseTo(0.108071, 5);
  });
});
