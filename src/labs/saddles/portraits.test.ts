// Geometry behind the phase portraits of docs/labs/saddles.md Sec. 7.5; expected numbers are the docs/labs/saddles.md's (5.1, 5.2) closed forms.
import { describe, expect, it } from 'vitest';
import { circle8 } from '../../engine/homogeneous/data';
import { balancedNeuronLimit, conservedCurve, eigSym2, ncfMatrix, neuronPolar } from './portraits';

describe('phase portrait geometry', () => {
  it('SD-sq2-tiny: M = sum 2 y_i x_i x_i^T has eigenvalues 6 +- sqrt3, the top eigenvector at 15 degrees', () => {
    const { X, y } = circle8();
    const M = ncfMatrix(
      X,
      Float64Array.from(y, (v) => 2 * v),
      2,
    );
    expect(M[1]).toBe(M[2]);
    const e = eigSym2(M);
    expect(Math.abs(e.values[0] - (6 + Math.sqrt(3)))).toBeLessThan(1e-12);
    expect(Math.abs(e.values[1] - (6 - Math.sqrt(3)))).toBeLessThan(1e-12);
    // eigenvector directions are defined up to sign: compare angles mod 180 degrees
    const deg = (a: number) => ((((a * 180) / Math.PI) % 180) + 180) % 180;
    expect(Math.abs(deg(e.angles[0]) - 15)).toBeLessThan(1e-9);
    expect(Math.abs(deg(e.angles[1]) - 105)).toBeLessThan(1e-9);
  });

  it('eigSym2 of a diagonal matrix with the larger entry second turns its top eigenvector to 90 degrees', () => {
    const e = eigSym2([1, 0, 0, 3]);
    expect(e.values).toEqual([3, 1]);
    expect(Math.abs(Math.abs(Math.cos(e.angles[0])))).toBeLessThan(1e-15);
  });

  it('a neuron of a d = 2 net: angle of a_j, log of the norm of (a_j, v_j)', () => {
    // width 2: W rows (3, 4), (0, -2); v = (12, 0)
    const theta = [3, 4, 0, -2, 12, 0];
    const p0 = neuronPolar((k) => theta[k], 2, 0);
    expect(Math.abs(p0.angle - Math.atan2(4, 3))).toBeLessThan(1e-15);
    expect(Math.abs(p0.logNorm - Math.log(13))).toBeLessThan(1e-15);
    const p1 = neuronPolar((k) => theta[k], 2, 1);
    expect(Math.abs(p1.angle + Math.PI / 2)).toBeLessThan(1e-15);
    expect(Math.abs(p1.logNorm - Math.log(2))).toBeLessThan(1e-15);
  });

  it('the level sets a^2 - p v^2 = c stay inside the box and on the level; c > 0 has two branches, c < 0 two as well', () => {
    for (const [c, p] of [
      [0.5, 2],
      [-0.3, 2],
      [0, 2],
      [0.2, 3],
    ]) {
      const lines = conservedCurve(c, p, 1.5, 1);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const l of lines)
        for (const [a, v] of l) {
          expect(Math.abs(a * a - p * v * v - c)).toBeLessThan(1e-12);
          expect(Math.abs(a)).toBeLessThanOrEqual(1.5);
          expect(Math.abs(v)).toBeLessThanOrEqual(1);
        }
    }
  });

  it('SD-neuron: a balanced start ends at (sqrt2 (y/2)^(1/3), (y/2)^(1/3)) = (1.122462, 0.793701) for y = 1', () => {
    const l = balancedNeuronLimit(1);
    expect(Math.abs(l.a - 1.122462)).toBeLessThan(5e-7);
    expect(Math.abs(l.v - 0.793701)).toBeLessThan(5e-7);
    // on the zero-loss curve v a^2 = y and on a^2 = 2 v^2, for a negative label too
    const m = balancedNeuronLimit(-3);
    expect(Math.abs(m.v * m.a * m.a + 3)).toBeLessThan(1e-12);
    expect(Math.abs(m.a * m.a - 2 * m.v * m.v)).toBeLessThan(1e-12);
  });
});
