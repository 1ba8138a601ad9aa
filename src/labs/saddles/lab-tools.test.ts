// The page-side helpers of the Saddles lab's tools: which parameters a neuron owns, which neuron a heatmap row
// is, the i1/i2 markers the user can set, and the shift of the restricted run's curve.
import { describe, expect, it } from 'vitest';
import { FeedForward } from '../../engine/homogeneous/ff';
import { findPreset } from '../../experiment/presets';
import type { SaddlesSpec } from './schema';
import { SeriesBuffers } from '../../state/series';
import { resolveMarkers } from './derive';
import { neuronOfRow, neuronParamIndices, sortNeurons } from './neurons';
import { restrictedShift } from './overlay';

describe('neurons by label', () => {
  it('own the same parameters as the engine units of a three-layer net (W1 3x2, W2 4x3, v 4)', () => {
    const dims = [2, 3, 4, 1];
    const m = new FeedForward({ dims, p: 2, alpha: 1, X: Float64Array.of(1, 0), y: Float64Array.of(1), loss: 'sq-sum' });
    for (const u of m.units) {
      const idx = neuronParamIndices(dims, u.label)!;
      expect(idx.inIdx).toEqual(Array.from(u.inIdx));
      expect(idx.outIdx).toEqual(Array.from(u.outIdx));
    }
    // by hand: neuron 2:3 has W2 row 3 (offset 6 + 6..8) and v_3 (offset 6 + 12 + 2)
    expect(neuronParamIndices(dims, '2:3')).toEqual({ inIdx: [12, 13, 14], outIdx: [20] });
    expect(neuronParamIndices(dims, '3:1')).toBeNull();
    expect(neuronParamIndices(dims, '1:4')).toBeNull();
  });

  it('heatmap rows: row r of W_l is neuron l:(r+1); entry r of v is a last-layer neuron; W_depth has no other rows', () => {
    const dims = [2, 3, 4, 1];
    expect(neuronOfRow(dims, 0, 2)).toBe('1:3');
    expect(neuronOfRow(dims, 1, 0)).toBe('2:1');
    expect(neuronOfRow(dims, 2, 3)).toBe('2:4');
    expect(neuronOfRow(dims, 2, 4)).toBeNull();
    expect(neuronOfRow(dims, 0, 3)).toBeNull();
    expect(sortNeurons(['2:1', '1:10', '1:2', '1:2'])).toEqual(['1:2', '1:10', '2:1']);
  });
});

describe('i1/i2 markers', () => {
  it('the user choice wins (clamped to the snapshots so far), else the automatic one, else none', () => {
    expect(resolveMarkers({ i1: 5, i2: 9 }, { i1: null, i2: null }, 20)).toEqual({ i1: 5, i2: 9 });
    expect(resolveMarkers({ i1: 5, i2: 9 }, { i1: 2, i2: null }, 20)).toEqual({ i1: 2, i2: 9 });
    expect(resolveMarkers(null, { i1: null, i2: 40 }, 20)).toEqual({ i1: null, i2: 19 });
    expect(resolveMarkers(null, { i1: -3, i2: null }, 20)).toEqual({ i1: 0, i2: null });
  });
});

describe('shift of the restricted curve', () => {
  const buffers = (t: number[], step: number[]) => {
    const b = new SeriesBuffers([], 0);
    b.append({
      count: t.length,
      t: Float64Array.from(t),
      step: Float64Array.from(step),
      loss: new Float64Array(t.length),
      metrics: new Float64Array(0),
      theta: new Float64Array(0),
    });
    return b;
  };
  const gd = { ...(structuredClone(findPreset('sd-fig1')!.spec) as SaddlesSpec) };

  it('flow time: t_esc(w0) - t_esc(w*); constant-step GD iterations: that over eta', () => {
    const b = buffers([0, 1, 2], [0, 200, 400]);
    expect(restrictedShift({ b, spec: gd }, { b, spec: gd }, 700, 600, false)).toBe(100);
    // fig1: eta = 0.005, so 100 in t is 20,000 iterations
    expect(Math.abs(restrictedShift({ b, spec: gd }, { b, spec: gd }, 700, 600, true) - 20_000)).toBeLessThan(1e-6);
    expect(restrictedShift({ b, spec: gd }, { b, spec: gd }, NaN, 600, false)).toBe(0);
  });

  it('a clipped step: each run converts its own predicted escape with its own step history', () => {
    const clipped = { ...gd, optim: { kind: 'gd-schedule' as const, lr: 0.2, rule: { kind: 'clipped' as const, s: 0.0005 } } };
    // both at eta = 0.2 until the escape, then tiny clipped steps; main escapes at t = 10 (iteration 50), the
    // restricted run at t = 30 (iteration 150): the curve moves back by 100 iterations
    const main = buffers([0, 20, 20.001], [0, 100, 1100]);
    const res = buffers([0, 40, 40.001], [0, 200, 1200]);
    expect(Math.abs(restrictedShift({ b: main, spec: clipped }, { b: res, spec: clipped }, 10, 30, true) + 100)).toBeLessThan(1e-9);
  });
});
