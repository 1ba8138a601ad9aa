import { describe, expect, it } from 'vitest';
import { buildRun } from '../src/experiment/build-run';
import { findPreset } from '../src/experiment/presets';
import { thm1Spec } from '../src/labs/poisoning/presets/thm1';
import type { RunFrame } from './protocol';
import { collect } from './tests/collect';
import { RunnerCore } from './runner-core';

const spec = thm1Spec({ d: 8, kappa: 7, seed: 7, scale: 1e-3, tieC: 5, maxTime: 1e11 });

describe('RunnerCore (the worker behind the page)', () => {
  it('streams exactly the numbers a direct run computes, one frame at a time', async () => {
    const core = new RunnerCore();
    const c = collect(core, spec);
    const frames = await c.done;
    expect(c.maxInFlight()).toBe(1);
    const direct = buildRun(spec);
    const final = direct.runToEnd();
    const all = direct.recorder.all();
    const streamedT = frames.flatMap((f) => Array.from(f.batch.t));
    const streamedTheta = frames.flatMap((f) => Array.from(f.batch.theta));
    expect(streamedT).toEqual(Array.from(all.t));
    expect(streamedTheta).toEqual(Array.from(all.theta));
    expect(frames.at(-1)!.final).toEqual(final);
  });

  it('refuses an invalid spec with a message naming the field', async () => {
    const res = await new RunnerCore().start({ ...spec, model: { ...spec.model, d: 1e9 } }, () => {});
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toMatch(/^model\.d:/);
  });

  it('starts paused, steps exactly n, then stops with a final frame', async () => {
    const core = new RunnerCore();
    const frames: RunFrame[] = [];
    await core.start(spec, (f) => void frames.push(f), true);
    await new Promise((r) => setTimeout(r, 5));
    expect(frames.at(-1)!.status.steps).toBe(0);
    core.step(5);
    await new Promise((r) => setTimeout(r, 5));
    expect(frames.at(-1)!.status.steps).toBe(5);
    core.stop();
    await new Promise((r) => setTimeout(r, 5));
    const last = frames.at(-1)!;
    expect(last.final?.stop.reason).toBe('stopped');
    expect(last.final?.step).toBe(5);
  });

  it('pauses mid-run, steps exactly n while paused, and resumes the same run from where it stood', async () => {
    // a long GD run (250,000 iterations), each frame answered after a macrotask as the page answers a worker
    const core = new RunnerCore();
    const frames: RunFrame[] = [];
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await core.start(findPreset('sd-fig1')!.spec, async (f) => {
      frames.push(f);
      await wait(0);
    });
    const steps = () => frames.at(-1)!.status.steps;
    const until = async (cond: () => boolean) => {
      for (let i = 0; i < 1000 && !cond(); i++) await wait(10);
      expect(cond()).toBe(true);
    };
    await until(() => frames.length >= 3);
    core.pause();
    await wait(100); // the slice under way still reports
    const paused = steps();
    const n = frames.length;
    await wait(150);
    expect(frames.length).toBe(n);
    core.step(1);
    await until(() => frames.length > n);
    expect(steps()).toBe(paused + 1);
    core.step(100);
    await until(() => frames.length > n + 1);
    expect(steps()).toBe(paused + 101);
    await wait(50);
    expect(frames.length).toBe(n + 2);
    core.resume();
    await until(() => steps() > paused + 101);
    core.stop();
    await until(() => frames.at(-1)!.final !== null);
    const last = frames.at(-1)!;
    expect(last.final?.stop.reason).toBe('stopped');
    // one run throughout: the snapshots' steps only increase, from 0
    const recorded = frames.flatMap((f) => Array.from(f.batch.step));
    expect(recorded[0]).toBe(0);
    for (let i = 1; i < recorded.length; i++) expect(recorded[i]).toBeGreaterThan(recorded[i - 1]);
    expect(last.final!.step).toBe(last.status.steps);
  });

  it('loads a lab’s data before building its run (FD-MN-live), and a newer start supersedes one still loading', async () => {
    const core = new RunnerCore();
    const mnist = { ...(findPreset('FD-MN-live')?.spec as object), horizon: 0.01, stamps: 10 };
    const first = core.start(mnist, () => undefined, true);
    const second = collect(core, spec);
    expect(await first).toEqual({ ok: false, message: 'superseded by a newer start' });
    expect((await second.done).at(-1)?.final?.stop.reason).toBe('converged');
    // now the data is there: the MNIST run starts and streams
    const c = collect(core, mnist);
    const frames = await c.done;
    expect(frames.at(-1)?.final?.time).toBeCloseTo(0.01, 12);
  });
});
