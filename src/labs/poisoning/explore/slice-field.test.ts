import { describe, expect, it } from 'vitest';
import { computeGrid } from '../../../../workers/landscape-core';
import { findPreset } from '../../../experiment/presets';
import type { PoisoningSpec } from '../schema';
import { type Arm, lossSlice, placeA12 } from './explore-model';
import { poisoningSliceField, SLICE_FIELD, sliceDomain, sliceParams } from './slice-field';

/** A grid of the worker (row 0 at the top) as the slice's rows from the bottom: values[iy n + ix] at (a_1, a_2) = (x_ix, y_iy). */
function rowsFromBottom(values: Float64Array, nx: number, ny: number): Float64Array {
  const out = new Float64Array(nx * ny);
  for (let iy = 0; iy < ny; iy++) out.set(values.subarray((ny - 1 - iy) * nx, (ny - iy) * nx), iy * nx);
  return out;
}

const preset = (id: string) => structuredClone(findPreset(id)!.spec as PoisoningSpec);
const DOMAIN: [number, number] = [-0.6, 1.4];

/** Experiments of every model shape: fixed B = C = 1, learned B, C (also sliced at b = c = 1), an MLP head. */
const CASES: [string, PoisoningSpec, Arm, boolean][] = [
  ['Theorem 1 (B = C = 1), poisoned', preset('thm1-d10k7-s242'), 'poisoned', false],
  ['Theorem 1, clean', preset('thm1-d10k7-s242'), 'clean', false],
  ['F4, an explicit init', placeA12(preset('F4-s302'), 0.3, -0.2), 'poisoned', false],
  ['learned B, C', preset('B-6-s200'), 'clean', false],
  ['learned B, C at b = c = 1', preset('B-6-s200'), 'poisoned', true],
  ['MLP head', preset('M-6-s4540'), 'poisoned', false],
];

describe('the (a1, a2) slice as a landscape field', () => {
  it.each(CASES)('%s: the field is the main-thread slice, bit for bit, at its grid points', (_, spec, arm, bcOne) => {
    const n = 13;
    const before = lossSlice(spec, arm, DOMAIN, n, bcOne)!;
    const f = poisoningSliceField(sliceParams(spec, arm, bcOne)!);
    const step = (DOMAIN[1] - DOMAIN[0]) / (n - 1);
    for (const [ix, iy] of [
      [0, 0],
      [3, 7],
      [6, 6],
      [12, 1],
      [12, 12],
    ]) {
      expect(f(DOMAIN[0] + ix * step, DOMAIN[0] + iy * step)).toBe(before.values[iy * n + ix]);
    }
  });

  it.each(CASES)('%s: the worker grid over sliceDomain has the same values, rows from the bottom', async (_, spec, arm, bcOne) => {
    const n = 21;
    const before = lossSlice(spec, arm, DOMAIN, n, bcOne)!;
    const grid = await computeGrid({ field: SLICE_FIELD, params: sliceParams(spec, arm, bcOne)!, ...sliceDomain(DOMAIN, n) });
    const values = rowsFromBottom(grid.values, grid.nx, grid.ny);
    expect(values.length).toBe(n * n);
    // the same points up to the rounding of their coordinates
    for (let i = 0; i < n * n; i++) expect(Math.abs(values[i] - before.values[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(before.values[i])));
  });

  it('has no slice for d = 1 or an arm without rows', () => {
    const s = preset('thm1-d10k7-s242');
    expect(sliceParams({ ...s, model: { ...s.model, d: 1 } }, 'poisoned')).toBeNull();
    const noBaseline = { ...s, data: { ...s.data, sequences: s.data.sequences.map((r) => ({ ...r, enabled: r.special })) } };
    expect(sliceParams(noBaseline, 'clean')).toBeNull();
    expect(sliceParams(noBaseline, 'poisoned')).not.toBeNull();
  });

  it('sliceDomain puts the cell centres on the slice points; rowsFromBottom flips the rows', () => {
    const d = sliceDomain([0, 1], 3);
    const dx = (d.x[1] - d.x[0]) / d.nx;
    const dy = (d.y[1] - d.y[0]) / d.ny;
    [0, 0.5, 1].forEach((v, i) => {
      expect(d.x[0] + (i + 0.5) * dx).toBeCloseTo(v, 15);
      expect(d.y[1] - (i + 0.5) * dy).toBeCloseTo(1 - v, 15); // row 0 at the top
    });
    const flipped = rowsFromBottom(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2);
    expect(Array.from(flipped)).toEqual([4, 5, 6, 1, 2, 3]);
  });
});
