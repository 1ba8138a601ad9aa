import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunFrame } from '../../workers/protocol';
import { RunnerCore } from '../../workers/runner-core';
import { findPreset } from '../experiment/presets';
import type { SpecOf } from '../experiment/schema';
import type { StartResult } from './run-client';
import { createRunStore, createSingleRunStore, type RunClientLike } from './run-store';

/** A client whose "worker" is a RunnerCore in this thread: the store's whole path without a Worker. */
class InProcessClient implements RunClientLike {
  readonly core = new RunnerCore();
  onFailure: (message: string) => void = () => undefined;
  start(spec: unknown, onFrame: (f: RunFrame) => void, paused = false) {
    // each frame answered after a macrotask, as a worker's frame is answered by a message from the page
    return this.core.start(spec, (f) => new Promise<void>((resolve) => setTimeout(() => resolve(onFrame(f)), 0)), paused);
  }
  pause = async () => this.core.pause();
  resume = async () => this.core.resume();
  step = async (n: number) => this.core.step(n);
  stop = async () => this.core.stop();
}

/** A client that hands its frame callbacks to the test. */
class ManualClient implements RunClientLike {
  sinks: ((f: RunFrame) => void)[] = [];
  result: Promise<StartResult> = Promise.resolve({ ok: true });
  onFailure: (message: string) => void = () => undefined;
  start(_spec: unknown, onFrame: (f: RunFrame) => void) {
    this.sinks.push(onFrame);
    return this.result;
  }
  pause = async () => undefined;
  resume = async () => undefined;
  step = async () => undefined;
  stop = async () => undefined;
}

const frame = (steps: number, final = false): RunFrame => ({
  batch: { count: 1, t: Float64Array.of(steps), step: Float64Array.of(steps), loss: Float64Array.of(1 / (1 + steps)), metrics: new Float64Array(0), theta: Float64Array.of(steps) },
  status: { t: steps, steps, loss: 1, progress: 0, done: final, info: {}, stop: null } as unknown as RunFrame['status'],
  metricNames: [],
  blocks: [{ name: 'a', offset: 0, size: 1 }],
  views: {},
  final: final ? ({ step: steps } as unknown as RunFrame['final']) : null,
});

const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, timeout = 30_000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeout) throw new Error('timed out');
    await tick(10);
  }
}

const poisoning = findPreset('thm1-d10k7-s242')!.spec as SpecOf<'poisoning'>;
const saddlesSlow = findPreset('sd-fig1')!.spec as SpecOf<'saddles'>;

describe('createRunStore', () => {
  it('runs two arms from one spec to their final states, every frame in the buffers', async () => {
    const clients: Record<string, InProcessClient> = {};
    const names: string[] = [];
    const store = createRunStore({
      arms: ['clean', 'poisoned'],
      workerName: 'test',
      armSpec: (spec: SpecOf<'poisoning'>, arm) => ({ ...spec, arm }),
      client: (name, arm) => {
        names.push(name);
        clients[arm] = new InProcessClient();
        return clients[arm];
      },
    });
    expect(names).toEqual(['test-clean', 'test-poisoned']);
    const started = store.getState().start(poisoning);
    expect(store.getState().transport).toBe('running');
    await started;
    await until(() => store.getState().transport === 'done');
    for (const arm of ['clean', 'poisoned'] as const) {
      const run = store.getState().arms[arm]!;
      expect(run.spec.arm).toBe(arm);
      expect(run.final).not.toBeNull();
      expect(run.error).toBeNull();
      expect(run.wallMs).toBeGreaterThan(0);
      expect(run.buffers!.count).toBeGreaterThan(1);
      expect(run.buffers!.step[run.buffers!.count - 1]).toBe(run.final!.step);
    }
  });

  it('updates the store at most once per frame interval, and drops frames of a superseded run', async () => {
    const client = new ManualClient();
    const store = createSingleRunStore<unknown>('x', () => client);
    await store.getState().start({ a: 1 });
    const rev0 = store.getState().revision;
    for (let i = 0; i < 50; i++) client.sinks[0](frame(i));
    expect(store.getState().revision).toBe(rev0); // batched: nothing published yet
    await tick();
    expect(store.getState().revision).toBe(rev0 + 1);
    expect(store.getState().run!.buffers!.count).toBe(50);
    expect(store.getState().run!.status!.steps).toBe(49);

    await store.getState().start({ a: 2 });
    expect(store.getState().run!.id).toBe(2);
    client.sinks[0](frame(50, true)); // the old run's last frame, still in flight
    client.sinks[1](frame(0));
    await tick();
    const run = store.getState().run!;
    expect(run.spec).toEqual({ a: 2 });
    expect(run.buffers!.count).toBe(1);
    expect(run.final).toBeNull();
    expect(store.getState().transport).toBe('running');
  });

  it('reports a refused spec, a start that throws and a worker that dies, per arm', async () => {
    const a = new ManualClient();
    const b = new ManualClient();
    a.result = Promise.resolve({ ok: false, message: 'model.d: too big' });
    b.result = Promise.reject(new Error('worker could not be loaded'));
    const store = createRunStore({ arms: ['a', 'b'], workerName: 'x', client: (_n, arm) => (arm === 'a' ? a : b) });
    await store.getState().start({});
    await until(() => store.getState().transport === 'done');
    expect(store.getState().arms.a!.error).toBe('model.d: too big');
    expect(store.getState().arms.b!.error).toBe('worker could not be loaded');

    // a failure after the start (the worker died mid-run); a stale failure of an older run is ignored
    a.result = b.result = Promise.resolve({ ok: true });
    await store.getState().start({});
    const staleFailure = a.onFailure;
    await store.getState().start({});
    staleFailure('old worker died');
    a.sinks.at(-1)!(frame(3, true));
    b.onFailure('worker died');
    await until(() => store.getState().transport === 'done');
    expect(store.getState().arms.a!.error).toBeNull();
    expect(store.getState().arms.a!.final).not.toBeNull();
    expect(store.getState().arms.b!.error).toBe('worker died');
  });

  it('pauses, steps exactly one step, resumes from where it stood, and a stop keeps the results', async () => {
    const client = new InProcessClient();
    const store = createSingleRunStore<SpecOf<'saddles'>>('x', () => client);
    const s = () => store.getState();
    const steps = () => s().run?.status?.steps ?? -1;
    await s().start(saddlesSlow);
    await until(() => steps() > 0);
    s().pause();
    expect(s().transport).toBe('paused');
    await tick(150); // a slice under way may still report
    const paused = steps();
    await tick(150);
    expect(steps()).toBe(paused);

    s().step(1);
    await until(() => steps() !== paused);
    expect(steps()).toBe(paused + 1);
    s().step(100);
    await until(() => steps() !== paused + 1);
    expect(steps()).toBe(paused + 101);
    expect(s().transport).toBe('paused');

    s().resume();
    expect(s().transport).toBe('running');
    await until(() => steps() > paused + 101);
    const b = s().run!.buffers!;
    expect(b.step[0]).toBe(0); // the same run, not a new one
    for (let i = 1; i < b.count; i++) expect(b.step[i]).toBeGreaterThan(b.step[i - 1]);

    s().stop();
    await until(() => s().transport === 'done');
    const run = s().run!;
    expect(run.final!.stop.reason).toBe('stopped');
    expect(run.final!.step).toBe(run.status!.steps);
    expect(run.buffers!.count).toBeGreaterThan(1);
    expect(run.wallMs).toBeGreaterThan(0);

    s().reset();
    expect(s().run).toBeNull();
    expect(s().transport).toBe('idle');
  });
});

describe('the state layer', () => {
  it('imports nothing from src/labs', () => {
    const dir = new URL('.', import.meta.url);
    for (const name of readdirSync(dir)) {
      if (!/\.tsx?$/.test(name) || /\.test\.tsx?$/.test(name)) continue;
      const text = readFileSync(new URL(name, dir), 'utf8');
      expect(text, name).not.toMatch(/from '\.\.\/labs\//);
    }
  });
});
