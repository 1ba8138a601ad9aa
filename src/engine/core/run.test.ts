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
  it('keeps at most 20,000 snapshots, evenly spaced from the first step to the last, whatever record.every says', () => {
    const r = new Run(quadratic, new GradientDescent(quadratic, Float64Array.from([3]), 1e-9), { lossBelow: 0, maxSteps: 100_000, maxTime: 1e9 }, { kind: 'steps', every: 1 });
    r.runToEnd();
    const steps = Array.from(r.recorder.all().step);
    expect(steps.length).toBeLessThanOrEqual(20_000);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(100_000);
    // the same spacing everywhere (a power of two: each thinning doubles it), but the last gap up to the final step
    const gaps = steps.slice(1).map((s, i) => s - steps[i]);
    const stride = gaps[0];
    expect(Math.log2(stride) % 1).toBe(0);
    expect(stride).toBeGreaterThan(1);
    expect(gaps.slice(0, -1).every((g) => g === stride)).toBe(true);
    expect(gaps.at(-1)).toBeLessThanOrEqual(stride);
    expect(steps.length).toBeGreaterThan(10_000);
  });
});

describe('the slice deadline', () => {
  /** An integrator whose steps cost `cost(k)` ms of busy time (k: the step), e.g. a solver that turns stiff. */
  const busy = (cost: (k: number) => number) => {
    const it = {
      label: 'busy',
      t: 0,
      steps: 0,
      theta: Float64Array.of(3),
      loss: 2,
      step() {
        const until = performance.now() + cost(it.steps);
        while (performance.now() < until);
        it.steps++;
        it.t++;
        return { ok: true as const };
      },
      info: () => ({}),
    };
    return it;
  };

  it('is a time: a slice ends within one step of its deadline when steps turn slow', () => {
    // 200 steps of 5 microseconds, then steps of 15 ms: a slice of 30 ms may finish its step, not 64 of them
    const r = new Run(
      quadratic,
      busy((k) => (k < 200 ? 0.005 : 15)),
      { lossBelow: 0, maxSteps: 1e6, maxTime: 1e9 },
      { kind: 'steps', every: 1000 },
    );
    r.advance(Number.MAX_SAFE_INTEGER, performance.now() + 30);
    // two slow steps fit in the slice and a third may overrun it; a stride of 64 would take 64 of them (about 1 s)
    expect(r.status().steps).toBeLessThanOrEqual(200 + 3);
  });
});
