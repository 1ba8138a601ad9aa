import { describe, expect, it } from 'vitest';
import { findPreset } from '../../experiment/presets';
import type { SpecOf } from '../../experiment/schema';
import { analyse, findKkt } from './jobs';

describe('KKT search behind the worker', () => {
  it('finds the NCF maximum of the small square net and refuses a spec of another lab', () => {
    const spec = findPreset('sd-sq2-tiny')!.spec;
    const r = findKkt(spec, 0.025, 20_000);
    expect(r.residual).toBeLessThan(1e-8);
    expect(r.active).toBeGreaterThanOrEqual(1);
    expect(r.active).toBeLessThanOrEqual(r.units);
    expect(() => findKkt(findPreset('thm1-d10k7-s242')!.spec, 0.025, 10)).toThrow(/saddles spec/);
  });
});

describe('NCF analysis behind the worker', () => {
  it('gives the predictions of SD-sq2-tiny (N* = 2(6 + sqrt3)/(3 sqrt3), T_blow = 0.219080) and refuses a bad spec by field', () => {
    const spec = structuredClone(findPreset('sd-sq2-tiny')!.spec as SpecOf<'saddles'>);
    const pred = analyse(spec);
    expect(pred.Nstar).toBeCloseTo((2 * (6 + Math.sqrt(3))) / (3 * Math.sqrt(3)), 6);
    expect(pred.Tblow).toBeCloseTo(0.21908, 5);
    expect(pred.Lh).toBe(3);
    expect(() => analyse({ ...spec, init: { ...spec.init, delta: -1 } })).toThrow(/init\.delta/);
  });
});
