import { describe, expect, it } from 'vitest';
import { buildRun } from '../../../experiment/build-run';
import { parseSpec } from '../../../experiment/validate';
import { initialAB } from '../build';
import { reduceToScalar } from '../../../engine/stability/stability';

const spec = (d: number, structure: 'gaussian' | 'orthogonal' | 'balanced' | 'anti', seed = 3) => {
  const r = parseSpec({ v: 1, lab: 'stability', seed, model: { phi: 1, d }, init: { kind: 'random', scale: 2, structure }, optim: { kind: 'gd', lr: 0.2 } });
  if (!r.ok || r.spec.lab !== 'stability') throw new Error(JSON.stringify(!r.ok && r.issues));
  return r.spec;
};
const dot = (x: ArrayLike<number>, y: ArrayLike<number>) => Array.from(x).reduce((s, v, i) => s + v * y[i], 0);

describe('seeded wide starts of the Stability lab', () => {
  it('have the structure they are asked for', () => {
    const o = initialAB(spec(6, 'orthogonal'));
    expect(Math.abs(dot(o.a, o.b))).toBeLessThan(1e-14 * dot(o.a, o.a) + 1e-15);
    for (const [s, sign] of [
      ['balanced', 1],
      ['anti', -1],
    ] as const) {
      const { a, b } = initialAB(spec(6, s));
      const off = Math.sqrt(Array.from(a).reduce((acc, v, i) => acc + (b[i] - sign * v) ** 2, 0));
      expect(off).toBeLessThan(0.2 * Math.sqrt(dot(a, a)));
    }
    expect(initialAB(spec(6, 'gaussian', 4)).a).not.toEqual(initialAB(spec(6, 'gaussian', 5)).a);
  });

  it('a d = 9 GD run ends where the d = 1 run from its exact reduction ends (same loss and sharpness)', () => {
    const wide = spec(9, 'gaussian');
    const { a, b } = initialAB(wide);
    const red = reduceToScalar(a, b);
    const narrow = parseSpec({ ...wide, model: { phi: 1, d: 1 }, init: { kind: 'explicit', a: [red.a], b: [red.b] } });
    if (!narrow.ok) throw new Error('bad narrow spec');
    const fw = buildRun(wide).runToEnd();
    const fn = buildRun(narrow.spec).runToEnd();
    expect(fw.step).toBe(fn.step);
    expect(Math.abs(fw.loss - fn.loss)).toBeLessThan(1e-12);
    const lam = (f: typeof fw) => [...f.params.a, ...f.params.b].reduce((s, v) => s + v * v, 0);
    expect(Math.abs(lam(fw) - lam(fn)) / lam(fn)).toBeLessThan(1e-10);
  });
});
