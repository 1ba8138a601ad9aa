import { describe, expect, it } from 'vitest';
import { GradientFlow } from '../core/integrators/flow';
import { GradientDescent } from '../core/integrators/gd';
import { Rng } from '../core/rng';
import { drawRows, gramOfRows } from './ssm-data';
import { DiagonalSsm } from './ssm';
import { resolveTeacher } from './teachers';

/** b_j^2 - c_j^2 for every unit. */
const imbalance = (theta: Float64Array, d: number) => Array.from({ length: d }, (_, j) => theta[d + j] ** 2 - theta[2 * d + j] ** 2);

describe('learned B, C: the per-unit imbalance b_j^2 - c_j^2', () => {
  const d = 6;
  const kappa = 6;
  const rng = new Rng(5);
  const rows = [...drawRows(rng, kappa, 8, [1, 2]), ...drawRows(rng, kappa, 10, [5])];
  const model = new DiagonalSsm({ d, kappa, trainBC: true, teacher: resolveTeacher({ kind: 'one' }, d), gram: gramOfRows(rows, kappa), genWindow: 40 });
  const theta0 = Float64Array.from([...Array.from({ length: d }, () => 0.3 * rng.rand()), ...Array.from({ length: 2 * d }, () => 0.2 + 0.5 * rng.rand())]);
  const q0 = imbalance(theta0, d);

  it('is conserved along the gradient-flow ODE solution while the loss falls by orders of magnitude', () => {
    const flow = new GradientFlow(model, theta0, 'auto', 1e-11, 1e-14);
    const loss0 = flow.loss;
    let worst = 0;
    while (flow.t < 200) {
      expect(flow.step(200).ok).toBe(true);
      const q = imbalance(flow.theta, d);
      for (let j = 0; j < d; j++) worst = Math.max(worst, Math.abs(q[j] - q0[j]));
    }
    expect(flow.loss).toBeLessThan(1e-3 * loss0);
    expect(worst).toBeLessThan(1e-9);
  });

  it('drifts by O(eta^2) per GD step (halving eta quarters the drift)', () => {
    const drift = (eta: number) => {
      const gd = new GradientDescent(model, theta0, eta);
      gd.step();
      const q = imbalance(gd.theta, d);
      return Math.max(...q.map((v, j) => Math.abs(v - q0[j])));
    };
    const ratio = drift(0.02) / drift(0.01);
    expect(ratio).toBeGreaterThan(3.9);
    expect(ratio).toBeLessThan(4.1);
  });
});
