import { describe, expect, it } from 'vitest';
import { GradientDescent } from './integrators/gd';
import type { Problem } from './problem';
import { Run } from './run';

/** l(x) = (x - 1)^2 / 2 in one dimension: GD with step eta multiplies x - 1 by (1 - eta) per step. */
const quadratic: Problem = {
  n: 1,
  blocks: [{ name: 'x', offset: 0, size: 1 }],
  loss: (t) => 0.5 * (t[0] - 1) * (t[0] - 1),
  grad(t, g) {
    g[0] = t[0] - 1;
    return 0.5 * (t[0] - 1) * (t[0] - 1);
  },
  hess(_t, out) {
    out[0] = 1;
  },
  metricNames: ['x'],
  metrics(t, out) {
    out[0] = t[0];
  },
};
const run = (eta: number, stop: Partial<ConstructorParameters<typeof Run>[2]>) =>
  new Run(quadratic, new GradientDescent(quadratic, Float64Array.from([3]), eta), { lossBelow: 1e-20, maxSteps: 1e6, maxTime: 1e9, ...stop }, { kind: 'steps', every: 10 });

describe('stop rules', () => {
  it('stops on divergence with a message saying what happened', () => {
    const f = run(2.5, {}).runToEnd(); // |1 - eta| = 1.5: x - 1 grows 1.5x per step
    expect(f.stop.reason).toBe('diverged');
    expect(f.stop.message).toMatch(/Diverged at step \d+ .*exceeded 1e\+8.*smaller step size/);
    expect(Math.abs(f.params.x[0])).toBeGreaterThan(1e8);
  });

  it('stops on a non-finite loss', () => {
    const f = new Run(
      quadratic,
      new GradientDescent(quadratic, Float64Array.from([NaN]), 0.1),
      { lossBelow: 0, maxSteps: 10, maxTime: 1e9 },
      { kind: 'steps', every: 1 },
    ).runToEnd();
    expect(f.stop.reason).toBe('diverged');
    expect(f.stop.message).toMatch(/non-finite/);
  });

  it('stops at the loss threshold, then runs exactly the extra steps asked for', () => {
    // x - 1 = 2 (1/2)^k, loss = 2 (1/4)^k < 1e-6 first at k = 11.
    const plain = run(0.5, { lossBelow: 1e-6 }).runToEnd();
    expect(plain.stop.reason).toBe('converged');
    expect(plain.step).toBe(11);
    expect(plain.stop.convergedStep).toBe(11);
    const extra = run(0.5, { lossBelow: 1e-6, extraSteps: 7 }).runToEnd();
    expect(extra.step).toBe(18);
    expect(extra.stop.convergedStep).toBe(11);
  });

  it('stops at the step limit and at the time limit (t = k eta for GD)', () => {
    expect(run(0.001, { maxSteps: 250 }).runToEnd()).toMatchObject({ step: 250, stop: { reason: 'max-steps' } });
    const timed = run(0.01, { maxTime: 0.5 }).runToEnd();
    expect(timed.stop.reason).toBe('max-time');
    expect(timed.step).toBe(50);
  });

  it('records every N steps and always the final state', () => {
    const r = run(0.5, { lossBelow: 1e-6 });
    r.runToEnd();
    expect(Array.from(r.recorder.all().step)).toEqual([0, 10, 11]);
  });
});

describe('recording past the snapshot cap', () => {
  it('halves its rate once per extra 10000 snapshots and keeps recording to the end', () => {
    const r = new Run(quadratic, new GradientDescent(quadratic, Float64Array.from([3]), 1e-9), { lossBelow: 0, maxSteps: 60_000, maxTime: 1e9 }, { kind: 'steps', every: 1 });
    r.runToEnd();
    const steps = Array.from(r.recorder.all().step);
    expect(steps.at(-1)).toBe(60_000);
    // 20000 at every step, then every 2nd step for 10000 snapshots, then every 4th.
    expect(steps[20_000] - steps[19_999]).toBe(1);
    expect(steps[20_001] - steps[20_000]).toBe(2);
    expect(steps[30_002] - steps[30_001]).toBe(4);
    expect(steps.filter((s) => s > 50_000).length).toBeGreaterThan(2000);
  });
});
