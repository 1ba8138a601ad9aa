/**
 * E-2 scaled, the GRU of Sec. 4.3 (docs/labs/extrapolation.md Sec. 4.3): the preset's sweep, the refusals of the
 * issue's "Bad input" for GRU specs (each naming its field), and one short run through the CLI's path (sweepPoints ->
 * runPoint -> the shared run builder). The preset makes no assertion about the threshold (the spec's "no assertion").
 */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../experiment/validate';
import { extrapolationCore } from '../core';
import { extrapolationPresetRow, GRU_KS } from '../presets';
import type { ExtrapolationSpec } from '../schema';
import { runPoint, sweepPoints } from '../sweeps';

const e2 = () => structuredClone(extrapolationPresetRow('E-2')!.spec);
const fields = (input: unknown) => {
  const r = parseSpec(input);
  return r.ok ? [] : r.issues.map((i) => i.field);
};

describe('E-2 scaled: the GRU preset', () => {
  it('sweeps k_g = 4, 8, ..., 32 over seeds 0, 1, 2 with a GRU teacher of 4 units and a student of 32', () => {
    const spec = e2();
    expect(GRU_KS).toEqual([4, 8, 12, 16, 20, 24, 28, 32]);
    expect(spec.teacher).toEqual({ kind: 'gru', hidden: 4, fitSteps: 1000, fitLr: 1e-2 });
    expect(spec.student).toMatchObject({ param: 'gru', d: 32, sigma: 1e-3 });
    expect(spec.training).toEqual({ k: 16, loss: 'empirical', empirical: { N: 100, fresh: true } });
    const pts = sweepPoints(spec);
    expect(pts.map((p) => [p.k, p.seed])).toEqual(GRU_KS.flatMap((k) => [0, 1, 2].map((s) => [k, s])));
    expect(pts.every((p) => p.teacherLabel === 'GRU(4)')).toBe(true);
  });

  it('refuses GRU specs beyond the limits, naming the field, before a worker starts', () => {
    const spec = e2();
    expect(fields(spec)).toEqual([]);
    expect(fields({ ...spec, student: { ...spec.student, d: 65 } })).toContain('student.d');
    expect(fields({ ...spec, student: { ...spec.student, param: 'full' } })).toContain('student.param');
    expect(fields({ ...spec, teacher: { kind: 'bal', dHat: 5, spacing: 'linspace' } })).toContain('teacher.kind');
    expect(fields({ ...spec, training: { k: 16, loss: 'empirical', empirical: { N: 1001, fresh: true } } })).toContain('training.empirical.N');
    expect(fields({ ...spec, training: { k: 16, loss: 'population' } })).toContain('training.loss');
    expect(fields({ ...spec, optim: { kind: 'flow', method: 'dopri5', rtol: 1e-10, atol: 1e-14 } })).toContain('optim.kind');
    expect(fields({ ...spec, teacher: { ...spec.teacher, hidden: 17 } })).toContain('teacher.hidden');
    expect(fields({ ...spec, training: { ...spec.training, k: 201 } })).toContain('training.k');
    expect(fields({ ...spec, ui: { ...spec.ui, sweep: { kind: 'k', ks: GRU_KS, seeds: Array.from({ length: 21 }, (_, i) => i) } } })).toContain('ui.sweep.seeds');
  });

  it('its cost is within the budget at the preset and grows with k_g and the batch', () => {
    const spec = e2();
    const at = (k: number, N = 100) => extrapolationCore.cost({ ...spec, training: { k, loss: 'empirical', empirical: { N, fresh: true } } } as ExtrapolationSpec);
    expect(at(32).flops).toBeGreaterThan(at(4).flops);
    expect(at(16, 1000).flops).toBeGreaterThan(at(16).flops);
    expect(fields({ ...spec, training: { k: 32, loss: 'empirical', empirical: { N: 100, fresh: true } } })).toEqual([]);
  });

  it('a short run by the CLI path: a finite GRU error, the zero line and the fitted flag (40 steps, k_g = 4)', () => {
    const spec = sweepPoints(e2()).find((p) => p.k === 4 && p.seed === 0)!.spec;
    const short: ExtrapolationSpec = { ...spec, stop: { ...spec.stop, maxSteps: 40 }, training: { k: 4, loss: 'empirical', empirical: { N: 20, fresh: true } } };
    const r = runPoint(short);
    expect(r.steps).toBe(40);
    expect(r.reason).toBe('max-steps');
    expect(Number.isFinite(r.E) && r.E > 0).toBe(true);
    expect(r.zeroLine).toBeGreaterThan(0);
    expect(r.zeroLine).toBeLessThanOrEqual(1);
    expect([r.betaBC, r.alphaA, r.specRadius, r.effDim].every(Number.isNaN), 'a GRU has no linear-RNN metrics').toBe(true);
    expect(Number.isFinite(r.loss) && Number.isFinite(r.loss0)).toBe(true);
    expect(r.fitted).toBe(r.loss <= 1e-2 * r.loss0);
    // deterministic: the same spec gives the same numbers (teacher, batches and test sequences from the seed)
    expect(runPoint(short).E).toBe(r.E);
  });
});
