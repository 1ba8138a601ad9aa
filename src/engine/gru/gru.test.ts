import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { GruWork, gruLayout, gruParamCount, outputLoss } from './gru';
import { defaultGruTarget, fitGruTeacher, GruProblem, gruError, gruInit, meanResponse } from './problem';

/** The loss of outputs y on (x, target) and its BPTT gradient. */
function lossAndGrad(n: number, B: number, T: number, theta: Float64Array, x: Float64Array, target: Float64Array, which: 'last' | 'all') {
  const work = new GruWork(n, B, T);
  const dy = new Float64Array(B * T);
  const L = outputLoss(work.forward(theta, x), target, B, T, which, dy);
  const g = new Float64Array(theta.length);
  work.backward(theta, x, dy, g);
  return { L, g };
}

describe('GRU forward and BPTT (spec Sec. 4.3)', () => {
  it('the layout has 3 n^2 + 10 n + 1 parameters', () => {
    for (const n of [1, 4, 32]) expect(gruLayout(n).size).toBe(gruParamCount(n));
  });

  it('one step by hand: n = 1, x = 0.7, h_-1 = 0', () => {
    const theta = Float64Array.from([0.3, -0.2, 0.5, 0.1, 0.05, -0.1, 0.4, 0.6, -0.7, 0.02, 0.03, 0.04, 1.5, 0.25]);
    const y = new GruWork(1, 1, 1).forward(theta, [0.7]);
    const r = 1 / (1 + Math.exp(-(0.3 * 0.7 + 0.1 + 0.02)));
    const z = 1 / (1 + Math.exp(-(-0.2 * 0.7 + 0.05 + 0.03)));
    const nn = Math.tanh(0.5 * 0.7 - 0.1 + r * 0.04);
    expect(y[0]).toBeCloseTo(1.5 * (1 - z) * nn + 0.25, 15);
  });

  it('the gradient matches central finite differences to 1e-7 relative (every parameter, last and all outputs)', () => {
    const rng = new Rng(11);
    let worst = 0;
    for (const [n, B, T, which] of [
      [3, 2, 5, 'last'],
      [4, 3, 6, 'all'],
      [2, 1, 9, 'all'],
    ] as const) {
      const theta = Float64Array.from({ length: gruParamCount(n) }, () => 0.6 * rng.gauss());
      const x = Float64Array.from({ length: B * T }, () => rng.gauss());
      const target = Float64Array.from({ length: B * T }, () => rng.gauss());
      const { g } = lossAndGrad(n, B, T, theta, x, target, which);
      const h = 1e-5;
      let scale = 0;
      for (const v of g) scale = Math.max(scale, Math.abs(v));
      for (let i = 0; i < theta.length; i++) {
        const tp = Float64Array.from(theta);
        const tm = Float64Array.from(theta);
        tp[i] += h;
        tm[i] -= h;
        const fd = (lossAndGrad(n, B, T, tp, x, target, which).L - lossAndGrad(n, B, T, tm, x, target, which).L) / (2 * h);
        const rel = Math.abs(fd - g[i]) / Math.max(Math.abs(fd), Math.abs(g[i]), 1e-3 * scale);
        worst = Math.max(worst, rel);
      }
    }
    console.log(`[gru] worst relative gradient error against central differences: ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-7);
  });

  it('the error metric and the mean response', () => {
    // two sequences of length 4, k = 2: tails max |y - y*| = 0.5 and 1, max |y*| = 2 and 4
    const yStar = [1, 2, 0, -1, 4, 0, 1, 1];
    const y = [9, 9, 0.5, -1, 0, 0, 2, 1];
    expect(gruError(y, yStar, 2, 4, 2)).toBeCloseTo(1.5 / 6, 15);
    expect(Array.from(meanResponse(yStar, 2, 4))).toEqual([2.5, 1, 0.5, 0]);
  });

  it('a teacher of hidden size 4 fits the default target by Adam (1000 steps, lr 1e-2) from 1e-6', () => {
    const target = defaultGruTarget(100);
    const zero = target.reduce((s, v) => s + v * v, 0) / target.length;
    const { loss, theta } = fitGruTeacher(new Rng(0), 4, target, 1000, 1e-2);
    console.log(`[gru] teacher fit: loss ${loss.toExponential(3)} against ${zero.toExponential(3)} at zero`);
    expect(loss).toBeLessThan(0.1 * zero);
    expect(theta.every(Number.isFinite)).toBe(true);
  });

  it('the student problem: fresh batches change the gradient, loss() is deterministic, E = 0 for the teacher itself', () => {
    const { theta: teacher } = fitGruTeacher(new Rng(0), 4, defaultGruTarget(100), 200, 1e-2);
    const cfg = { teacherHidden: 4, teacherTheta: teacher, hidden: 4, k: 6, batch: 5, outputs: 'last' as const, H: 20, testCount: 8, dataSeed: 2000, testSeed: 3000 };
    const p = new GruProblem(cfg);
    const theta = gruInit(new Rng(1000), 4, 1e-3);
    const g1 = new Float64Array(p.n);
    const g2 = new Float64Array(p.n);
    p.grad(theta, g1);
    p.grad(theta, g2);
    expect(g1).not.toEqual(g2);
    expect(p.loss(theta)).toBe(p.loss(theta));
    const out = new Float64Array(2);
    p.metrics(Float64Array.from(teacher), out);
    expect(out[0]).toBe(0);
    expect(p.loss(Float64Array.from(teacher))).toBe(0);
    p.metrics(theta, out);
    expect(out[0]).toBeGreaterThan(0.5); // a near-zero student does not follow the teacher
  });
});
