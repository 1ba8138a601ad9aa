// Paper 003's ReLU figures (docs/labs/saddles.md Sec. 5.3, SD-fig5 and SD-fig6): outside the theorems (ReLU violates
// Assumption 1), so what is asserted is the structure the paper shows, for the presets' own teacher draws:
// when the drop comes, how fast it is, which neurons carry weight, and how in- and out-weights pair up
// (the rescaling symmetry conserves ||in||^2 - ||out||^2 for p = 1, so grown neurons are balanced).
// Slow by design (about 80 s).
import { describe, expect, it } from 'vitest';
import { escapeIndex } from '../../../engine/homogeneous/staircase';
import { nearestStep, runFigure, type FigureRun } from './figure-run';

/**
 * ||in|| / ||out|| at snapshot i of every unit that has grown to 10 times its initial norm (a unit still at
 * its initial scale keeps the imbalance of the random draw: ||in||^2 - ||out||^2 is conserved, not zero).
 */
function grownBalance(fig: FigureRun, i: number): number[] {
  const th = fig.theta(i);
  const norms = fig.unitNorms(i);
  const start = fig.unitNorms(0);
  const nrm = (idx: Int32Array) => Math.sqrt(Array.from(idx).reduce((s, k) => s + th[k] * th[k], 0));
  return fig.analysis.model.units.filter((_, j) => norms[j] > 10 * start[j]).map((u) => nrm(u.inIdx) / nrm(u.outIdx));
}

/** Markers of the paper's heatmaps: 2000 iterations before the escape and 5000 after. */
function markers(fig: FigureRun) {
  const esc = escapeIndex(fig.all.loss, fig.all.count);
  const k = fig.all.step[esc];
  return { esc, k, i1: nearestStep(fig.all, k - 2000), i2: nearestStep(fig.all, k + 5000) };
}

describe('Figure 5: two-layer ReLU net (width 50, delta 5e-5)', () => {
  it('L(0) about 2, a slow wide drop, many rows active, small rows stay small and pair with their v entries', () => {
    const fig = runFigure('sd-fig5', 150_000);
    const { loss, step, count } = fig.all;
    const L0 = fig.analysis.pred.L0;
    expect(L0).toBeGreaterThan(1.5);
    expect(L0).toBeLessThan(3);
    const { esc, k, i1, i2 } = markers(fig);
    // the first drop comes between 50k and 150k iterations and is slow: 10k iterations later the loss is still
    // above half of L(0); by 150k it is below a sixth
    expect(k).toBeGreaterThan(50_000);
    expect(k).toBeLessThan(150_000);
    expect(loss[nearestStep(fig.all, k + 10_000)]).toBeGreaterThan(0.5 * L0);
    expect(loss[count - 1]).toBeLessThan(L0 / 6);
    expect(step[count - 1]).toBe(150_000);
    expect(esc).toBeGreaterThan(0);
    // several rows non-zero at i1 (not one neuron: the ReLU race has no single winner)
    const n1 = fig.unitNorms(i1);
    const top1 = Math.max(...n1);
    expect(n1.filter((v) => v > 0.1 * top1).length).toBeGreaterThanOrEqual(5);
    // rows small at i1 (below 1 % of the largest) stay small at i2 (below 2 %)
    const n2 = fig.unitNorms(i2);
    const top2 = Math.max(...n2);
    const small = n1.map((v, j) => (v < 0.01 * top1 ? j : -1)).filter((j) => j >= 0);
    expect(small.length).toBeGreaterThan(0);
    for (const j of small) expect(n2[j]).toBeLessThan(0.02 * top2);
    // each grown row pairs with its v entry: ||W[j,:]|| = |v_j| to 1 %
    for (const i of [i1, i2]) {
      const ratios = grownBalance(fig, i);
      expect(ratios.length).toBeGreaterThanOrEqual(5);
      for (const r of ratios) expect(Math.abs(r - 1)).toBeLessThan(0.01);
    }
  });
});

describe('Figure 6: three-layer ReLU net (W1 20x20, W2 30x20, labels x10, delta 0.01)', () => {
  it('a large L(0), one sharp drop, and small rows pairing with small columns (W1-W2 and W2-v)', () => {
    const fig = runFigure('sd-fig6', 160_000);
    const { loss } = fig.all;
    const L0 = fig.analysis.pred.L0;
    expect(L0).toBeGreaterThan(100);
    const { k, i2 } = markers(fig);
    // sharp: within 15k iterations of the escape (of a 130k-iteration wait) the loss is below 1 % of L(0)
    expect(k).toBeGreaterThan(100_000);
    expect(loss[nearestStep(fig.all, k + 15_000)]).toBeLessThan(0.01 * L0);
    // every grown neuron is balanced: layer 1, ||W1[j,:]|| = ||W2[:,j]||; layer 2, ||W2[j,:]|| = |v_j| (to 1 %)
    for (const i of [i2, fig.all.count - 1]) {
      const ratios = grownBalance(fig, i);
      expect(ratios.length).toBeGreaterThanOrEqual(5);
      for (const r of ratios) expect(Math.abs(r - 1)).toBeLessThan(0.01);
    }
  });
});
