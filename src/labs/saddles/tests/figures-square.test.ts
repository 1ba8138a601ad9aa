// Paper 003's square-network figures (docs/labs/saddles.md Sec. 5.3, SD-fig1 and SD-fig4): what the lab predicts before a run
// against what the full preset run does. Slow by design (about 40 s in all): these are the presets users open.
import { describe, expect, it } from 'vitest';
import { escapeIndex, firstSaddlePlateau, plateaus } from '../../../engine/homogeneous/staircase';
import { nearestStep, runFigure } from './figure-run';
import type { FeedForward } from '../../../engine/homogeneous/ff';

const argmax = (v: number[]) => v.reduce((b, x, i) => (x > v[b] ? i : b), 0);

describe('Figure 1: two-layer square net (width 50, 100 points in R^20, delta 0.02)', () => {
  it.each(['sd-fig1-flow', 'sd-fig1'])('%s: plateau at L(0), escape as predicted, one neuron, the one-neuron saddle, a second drop', (id) => {
    const { all, analysis, unitNorms, theta, spec } = runFigure(id);
    const { pred, model } = analysis;
    const { t, loss, count } = all;
    // L(0) = mean(y^2) (mse-mean); the run starts within delta^Lh N of it
    const meanY2 = model.y.reduce((s, v) => s + v * v, 0) / model.nPoints;
    expect(pred.L0).toBeCloseTo(meanY2, 12);
    expect(Math.abs(loss[0] - meanY2) / meanY2).toBeLessThan(1e-6);
    // escape within 2 % of T_blow(w0)/delta (flow time; GD iterations = t/eta)
    const esc = escapeIndex(loss, count);
    expect(esc).toBeGreaterThan(0);
    expect(Math.abs(t[esc] - pred.tEscW0) / pred.tEscW0).toBeLessThan(0.02);
    // the loss stays at L(0) to 1e-5 relative for most of the first phase
    for (let i = 0; i < count && t[i] < 0.8 * pred.tEscW0; i++) expect(Math.abs(loss[i] - loss[0]) / loss[0]).toBeLessThan(1e-5);
    // the first saddle: the plateau equals the restricted one-neuron run to 1e-4, with ||a||^2/v^2 = 2 +- 0.01
    const saddle = firstSaddlePlateau(t, loss, count)!;
    expect(saddle).not.toBeNull();
    expect(Math.abs(saddle.level - pred.saddleLoss) / pred.saddleLoss).toBeLessThan(1e-4);
    expect(pred.nActive).toBe(1);
    const mid = (saddle.from + saddle.to) >> 1;
    const norms = unitNorms(mid);
    const winner = argmax(norms);
    expect(analysis.active[winner]).toBe(true);
    // one dominant row of W and entry of v: every other neuron below 5 % of the winner
    norms.forEach((v, j) => j !== winner && expect(v).toBeLessThan(0.05 * norms[winner]));
    const u = model.units[winner];
    const th = theta(mid);
    const a2 = Array.from(u.inIdx).reduce((s, k) => s + th[k] * th[k], 0);
    expect(a2 / th[u.outIdx[0]] ** 2).toBeCloseTo(2, 2);
    // then a second drop far below the plateau, within the horizon
    expect(loss[count - 1]).toBeLessThan(1e-3 * saddle.level);
    // the staircase: L(0), the saddle, the end
    const levels = plateaus(t, loss, count).map((p) => p.level);
    expect(Math.abs(levels[0] - pred.L0) / pred.L0).toBeLessThan(1e-5);
    expect(levels).toContain(saddle.level);
    if (spec.optim.kind === 'gd') expect(all.step[esc]).toBe(Math.round(t[esc] / spec.optim.lr));
  });
});

describe('Figure 4: three-layer square net from a PGA warm start (clipped GD)', () => {
  it('single-path KKT point, escape at 1/(35 N* delta^5), the single-path saddle, the other neurons stay at zero', () => {
    // the escape is near iteration 9,000 and the saddle reached by 40,000 (the preset runs 300,000)
    const { all, analysis, unitNorms } = runFigure('sd-fig4', 40_000);
    const { pred, model, wstar, active } = analysis;
    const ff = model as FeedForward;
    // warm start: a single path with energies 4/7, 2/7, 1/7 (W1 row, W2 entry, v entry) to 1e-3
    expect(pred.nActive).toBe(2);
    expect(pred.kktRes).toBeLessThan(1e-10);
    const energy = (from: number, size: number) => {
      let s = 0;
      for (let k = from; k < from + size; k++) s += wstar[k] * wstar[k];
      return s;
    };
    const layerEnergy = ff.blocks.map((b) => energy(b.offset, b.size));
    [4 / 7, 2 / 7, 1 / 7].forEach((e, l) => expect(Math.abs(layerEnergy[l] - e)).toBeLessThan(1e-3));
    // started at delta w*: escape predicted at 1/(Lh (Lh - 2) N* delta^(Lh-2)) = 1/(35 N* delta^5), in flow time
    expect(pred.Lh).toBe(7);
    expect(pred.tEscWstar).toBeCloseTo(1 / (35 * pred.Nstar * 0.1 ** 5), 6);
    const { t, loss, count } = all;
    const esc = escapeIndex(loss, count);
    expect(Math.abs(t[esc] - pred.tEscWstar) / pred.tEscWstar).toBeLessThan(0.01);
    // first plateau at L(0)
    // plateaus are judged in iterations: after the escape the clipped steps add almost no flow time
    const k = all.step;
    expect(Math.abs(plateaus(k, loss, count)[0].level - pred.L0) / pred.L0).toBeLessThan(1e-6);
    // plateau 2 = the single-path restricted run (1e-4 relative)
    const saddle = firstSaddlePlateau(k, loss, count)!;
    expect(Math.abs(saddle.level - pred.saddleLoss) / pred.saddleLoss).toBeLessThan(1e-4);
    // one W1 row, one W2 entry and one v entry non-zero at i1 (2000 steps before escape) and i2 (5000 after)
    for (const i of [nearestStep(all, all.step[esc] - 2000), nearestStep(all, all.step[esc] + 5000)]) {
      const norms = unitNorms(i);
      const top = Math.max(...norms);
      norms.forEach((v, j) => expect(v > 1e-10 * top).toBe(active[j]));
    }
  });
});
