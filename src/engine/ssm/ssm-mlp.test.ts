import { describe, expect, it } from 'vitest';
import { fdGradient, relError } from '../core/finite-diff';
import { Rng } from '../core/rng';
import { drawRows } from './ssm-data';
import { SsmMlp } from './ssm-mlp';
import { resolveTeacher } from './teachers';

describe('SSM + ReLU MLP head', () => {
  const rng = new Rng(99);
  for (const [trainBC, depth] of [
    [true, 2],
    [false, 1],
    [true, 3],
  ] as const) {
    it(`gradient agrees with finite differences (learned B, C: ${trainBC}, depth ${depth})`, () => {
      for (let trial = 0; trial < 4; trial++) {
        const d = 4;
        const kappa = 5;
        const rows = drawRows(rng, kappa, 6, [1, 2, 4]);
        const model = new SsmMlp({ d, kappa, trainBC, width: 5, depth, teacher: resolveTeacher({ kind: 'one' }, d), rows, seed: 1, genWindow: 20 });
        const theta = Float64Array.from({ length: model.n }, () => 0.3 + 0.5 * rng.gauss());
        const g = new Float64Array(model.n);
        const loss = model.grad(theta, g);
        expect(loss).toBe(model.loss(theta));
        expect(relError(g, fdGradient(model, theta))).toBeLessThan(1e-6);
      }
    });
  }

  it('labels come from the teacher head: the teacher itself has zero loss and zero test error', () => {
    const d = 3;
    const rows = drawRows(rng, 6, 5, [1, 2, 5]);
    const model = new SsmMlp({ d, kappa: 6, trainBC: true, width: 4, depth: 2, teacher: resolveTeacher({ kind: 'one' }, d), rows, seed: 3, genWindow: 40 });
    // Student = teacher padded with zero units: a = (1, 0, 0), b = c = (1, 0, 0); D_in = 1, D_hid = I, D_out = 0.5.
    const theta = Float64Array.from([1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 1, 1, ...[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], 0.5, 0.5, 0.5, 0.5]);
    expect(theta.length).toBe(model.n);
    expect(model.loss(theta)).toBe(0);
    expect(model.testError(theta)).toBeLessThan(1e-14);
    const g = new Float64Array(model.n);
    model.grad(theta, g);
    expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-13);
  });
});
