import { describe, expect, it } from 'vitest';
import { buildExtrapolation } from '../build';
import { extrapolationPresetRow } from '../presets';
import { lossSlice, sliceDirections, sliceSpec } from '../slice';

const spec = extrapolationPresetRow('E-X3')!.spec;

describe('the 2-D loss slice (plot 9)', () => {
  it('passes through the point: the centre cell is the loss there; the axes slice moves exactly two parameters', () => {
    const { problem, theta0 } = buildExtrapolation(spec);
    const theta = Array.from(theta0, (v, k) => v + 0.01 * (k % 3));
    const r = lossSlice({ spec, theta, path: Float64Array.from([...theta0, ...theta]), directions: { kind: 'axes', i: 0, j: 1 }, n: 41 });
    expect(r.center).toBe(problem.loss(Float64Array.from(theta)));
    // the cell whose centre is x = 0, y = 0 (41 cells: the middle one)
    const mid = 20 * 41 + 20;
    const th = Float64Array.from(theta);
    const dx = (r.x[1] - r.x[0]) / 41;
    const dy = (r.y[1] - r.y[0]) / 41;
    th[0] += r.x[0] + 20.5 * dx;
    th[1] += r.y[1] - 20.5 * dy;
    expect(r.values[mid]).toBeCloseTo(Math.log10(problem.loss(th)), 12);
    // the path ends at the point (0, 0) and starts at theta0's offsets along a_0 and a_1
    expect(r.path.x.at(-1)).toBe(0);
    expect(r.path.x[0]).toBeCloseTo(theta0[0] - theta[0], 15);
    expect(r.path.y[0]).toBeCloseTo(theta0[1] - theta[1], 15);
    expect(r.x[1]).toBeGreaterThanOrEqual(0.5);
    // a path that is not whole rows of parameters is refused, not read past its end
    expect(() => lossSlice({ spec, theta, path: new Float64Array(theta.length + 1), directions: { kind: 'axes', i: 0, j: 1 }, n: 5 })).toThrow(/whole rows of/);
  });

  it('random directions are orthonormal and seeded; an empirical loss is sliced as its population counterpart', () => {
    const [u, v] = sliceDirections(30, { kind: 'random', seed: 3 });
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, k) => s + x * b[k], 0);
    expect(dot(u, u)).toBeCloseTo(1, 14);
    expect(dot(v, v)).toBeCloseTo(1, 14);
    expect(Math.abs(dot(u, v))).toBeLessThan(1e-15);
    expect(sliceDirections(30, { kind: 'random', seed: 3 })[1]).toEqual(v);
    const emp = { ...spec, training: { ...spec.training, loss: 'empirical' as const, empirical: { N: 10, fresh: true } } };
    expect(sliceSpec(emp).training).toEqual({ ...spec.training, loss: 'population' });
    expect(() => sliceDirections(3, { kind: 'axes', i: 1, j: 1 })).toThrow(/two different indices/);
  });
});
