import { describe, expect, it } from 'vitest';
import { flowVsDescentCliPreset } from '../cli';
import { reproCardsText } from '../repro-text';

describe('the CLI for Flow vs Descent presets that are not one run', () => {
  it('FD-DLN3-rescale prints the rescaled table: f unchanged, lmin and lmax of Sec. 5.2', () => {
    const out = flowVsDescentCliPreset('FD-DLN3-rescale') as { rescale: { a: number; f: number; lmin: number; lmax: number }[] };
    const want = [
      [1, -0.13539, 2.7524],
      [2, -2.1663, 29.578],
      [4, -34.66, 473.2],
      [8, -554.57, 7571.1],
    ];
    expect(out.rescale.map((r) => r.a)).toEqual([1, 2, 4, 8]);
    out.rescale.forEach((r, i) => {
      expect(Math.abs(r.f - 9.46261e-3)).toBeLessThan(5e-9);
      expect(Math.abs(r.lmin / want[i][1] - 1)).toBeLessThan(1e-4);
      expect(Math.abs(r.lmax / want[i][2] - 1)).toBeLessThan(1e-4);
    });
  });

  it('FD-DLN3-eta prints one point per step size; a plain run preset falls through to the run', () => {
    const out = flowVsDescentCliPreset('FD-DLN3-eta') as { sweep: { eta: number; outcome: string }[] };
    expect(out.sweep.map((p) => p.outcome)).toEqual([...Array(7).fill('converged'), 'periodic', 'periodic', 'periodic']);
    expect(flowVsDescentCliPreset('FD-DLN3')).toBeNull();
    expect(flowVsDescentCliPreset('no-such')).toBeNull();
  });

  it('npm run repro -- fd prints every card with its verdict', () => {
    const text = reproCardsText([{ id: 'X', figure: 'Fig', title: '', claim: '', assertion: '', ms: 1, rows: [{ what: 'a', lab: 1, expected: '1', holds: true }] }]);
    expect(text).toBe('X (Fig): holds\n  ✓ a: 1 (expected 1)');
  });
});
