import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng (numpy legacy MT19937)', () => {
  it('reproduces numpy RandomState(242).random_sample() draws', () => {
    const r = new Rng(242);
    expect([r.rand(), r.rand(), r.rand()]).toEqual([0.684686453771791, 0.055204111376790044, 0.6475740186203213]);
  });

  it('reproduces numpy RandomState(7) standard normals (polar method, cached pair)', () => {
    const r = new Rng(7);
    expect(r.gauss()).toBeCloseTo(1.690525703800356, 14);
    expect(r.gauss()).toBeCloseTo(-0.4659373705408328, 14);
  });

  it('refuses a seed that numpy would not take as a 32-bit integer', () => {
    expect(() => new Rng(-1)).toThrow(/seed/);
    expect(() => new Rng(1.5)).toThrow(/seed/);
  });
});
