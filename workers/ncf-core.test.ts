import { describe, expect, it } from 'vitest';
import { findPreset } from '../src/spec/presets';
import { findKkt } from './ncf-core';

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
