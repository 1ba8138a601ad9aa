import { describe, expect, it } from 'vitest';
import { DLN3 } from '../presets';
import { dlnStartInPlane } from '../run/plane';

describe("a deep linear net's start in the plane of Lam and W_{n:1}(0)", () => {
  it('DLN-3: the start A = 0.1 e2 sits at (0, 0.1); a start placed at (0.5, -0.2) reads back there (the axes do not flip)', () => {
    if (DLN3.family !== 'dln') throw new Error('DLN3 is a deep linear net');
    const p = dlnStartInPlane(DLN3);
    expect(p?.start[0]).toBeCloseTo(0, 15);
    expect(p?.start[1]).toBeCloseTo(0.1, 15);
    const A = Array.from(p!.l, (l, i) => 0.5 * l + -0.2 * p!.u[i]);
    const q = dlnStartInPlane({ ...DLN3, init: { kind: 'balanced', A } });
    expect(q?.start[0]).toBeCloseTo(0.5, 14);
    expect(q?.start[1]).toBeCloseTo(-0.2, 14);
  });

  it('a start parallel to Lam still gets an orthogonal axis; a vector output has no plane', () => {
    if (DLN3.family !== 'dln') throw new Error('DLN3 is a deep linear net');
    const p = dlnStartInPlane({ ...DLN3, init: { kind: 'balanced', A: [0.3, 0, 0] } });
    expect(p?.start[0]).toBeCloseTo(0.3, 14);
    expect(p?.start[1]).toBeCloseTo(0, 15);
    expect(Math.abs(p!.u.reduce((s, v, i) => s + v * p!.l[i], 0))).toBeLessThan(1e-15);
    expect(dlnStartInPlane({ ...DLN3, widths: [3, 3, 2], lam: [1, 0, 0, 0, 1, 0], init: { kind: 'balanced', A: [0.1, 0, 0, 0, 0.1, 0] } })).toBeNull();
  });
});
