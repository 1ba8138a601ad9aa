/**
 * The page's comparison requests (compare-client.ts) with a fake worker: only the latest request's result is applied,
 * the previous result stays on screen (pending) until then, and a superseded run that has computed for more than
 * KILL_AFTER_MS is cancelled by terminating its worker. Also: the worker's data round-trips to a Comparison and its
 * buffers are listed once for transfer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ComparisonController, comparisonKey, KILL_AFTER_MS, KILL_FACTOR, type CompareWorker } from '../compare-client';
import { compareJob, comparisonBuffers, comparisonFrom, PAGE_TRACE_CAP, traceCoverage, type ComparisonData } from '../compare';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow, type StabilitySpec } from '../schema';

const spec = (id: string) => stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === id)!);

/** A fake worker: each job waits until the test resolves it; terminate() marks it dead. */
function fakeWorkers() {
  const made: { jobs: { spec: StabilitySpec; resolve: (d: ComparisonData) => void }[]; dead: boolean }[] = [];
  const spawn = (): CompareWorker => {
    const w = { jobs: [] as { spec: StabilitySpec; resolve: (d: ComparisonData) => void }[], dead: false };
    made.push(w);
    return {
      job: (_lab, _name, args) => new Promise((resolve) => w.jobs.push({ spec: args[0] as StabilitySpec, resolve: resolve as (d: ComparisonData) => void })),
      terminate: () => {
        w.dead = true;
      },
    };
  };
  return { made, spawn };
}

/** Lets the promise callbacks of a resolved job run. */
const flush = () => new Promise<void>((r) => queueMicrotask(r)).then(() => undefined);

describe('the comparison controller', () => {
  let t = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    t = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('applies a result, keeps it while a newer request is pending, and applies only the latest', async () => {
    const { made, spawn } = fakeWorkers();
    const ctl = new ComparisonController(spawn, () => t);
    const a = spec('S-ref');
    const b = { ...a, optim: { kind: 'gd' as const, lr: 0.2 } };
    const c = { ...a, optim: { kind: 'gd' as const, lr: 0.3 } };
    ctl.request(a);
    expect(ctl.snapshot()).toMatchObject({ c: null, pending: true });
    made[0].jobs[0].resolve(compareJob(a));
    await flush();
    expect(ctl.snapshot().pending).toBe(false);
    expect(ctl.snapshot().c?.gd.steps).toBe(47);

    // b is sent; c arrives while b computes (for 50 ms): c waits, b's result is dropped, c's is applied.
    ctl.request(b);
    t = 50;
    ctl.request(c);
    expect(ctl.snapshot()).toMatchObject({ pending: true });
    expect(ctl.snapshot().c?.eta).toBe(0.1); // the previous result stays on screen
    expect(made[0].jobs).toHaveLength(2);
    made[0].jobs[1].resolve(compareJob(b));
    await flush();
    expect(ctl.snapshot().c?.eta).toBe(0.1);
    expect(ctl.snapshot().pending).toBe(true);
    expect(made[0].jobs).toHaveLength(3);
    expect(made[0].jobs[2].spec).toBe(c);
    made[0].jobs[2].resolve(compareJob(c));
    await flush();
    expect(ctl.snapshot()).toMatchObject({ pending: false, restarts: 0 });
    expect(ctl.snapshot().c?.eta).toBe(0.3);
    expect(made).toHaveLength(1);
  });

  it('terminates a superseded run that has computed for more than KILL_AFTER_MS and starts a fresh worker', async () => {
    const { made, spawn } = fakeWorkers();
    const ctl = new ComparisonController(spawn, () => t);
    const slow = { ...spec('S-chaos'), stop: { ...spec('S-chaos').stop, maxSteps: 1e9 } };
    const next = spec('S-ref');
    ctl.request(slow);
    t = KILL_AFTER_MS + 1;
    ctl.request(next);
    expect(made).toHaveLength(2);
    expect(made[0].dead).toBe(true);
    expect(made[1].jobs[0].spec).toBe(next);
    expect(ctl.snapshot().restarts).toBe(1);
    made[1].jobs[0].resolve(compareJob(next));
    await flush();
    expect(ctl.snapshot()).toMatchObject({ pending: false });
    expect(ctl.snapshot().c?.gd.steps).toBe(47);
  });

  it('a request queued behind a young run is sent on a fresh worker once that run passes KILL_AFTER_MS', async () => {
    const { made, spawn } = fakeWorkers();
    const ctl = new ComparisonController(spawn, () => t);
    const slow = { ...spec('S-chaos'), stop: { ...spec('S-chaos').stop, maxSteps: 1e9 } };
    ctl.request(slow);
    t = 20;
    ctl.request(spec('S-ref'));
    expect(made).toHaveLength(1);
    t = KILL_AFTER_MS + 5;
    vi.advanceTimersByTime(KILL_AFTER_MS);
    expect(made[0].dead).toBe(true);
    expect(made).toHaveLength(2);
    expect(made[1].jobs[0].spec.ui.preset).toBe('S-ref');
    // the terminated worker's late answer (if any) is ignored
    made[0].jobs[0].resolve(compareJob(spec('S-cycle')));
    await flush();
    expect(ctl.snapshot().c).toBeNull();
  });

  it('lets a superseded run finish when it is no longer than KILL_FACTOR times the last completed run', async () => {
    const { made, spawn } = fakeWorkers();
    const ctl = new ComparisonController(spawn, () => t);
    const a = spec('S-chaos');
    const b = { ...a, optim: { kind: 'gd' as const, lr: 1.4 } };
    const c = { ...a, optim: { kind: 'gd' as const, lr: 1.3 } };
    ctl.request(a);
    t = 150; // the first run took 150 ms
    made[0].jobs[0].resolve(compareJob(a));
    await flush();
    ctl.request(b);
    t = 150 + KILL_AFTER_MS + 1;
    ctl.request(c);
    expect(made).toHaveLength(1); // b has run past KILL_AFTER_MS but not past 3 x 150 ms: it may finish
    t = 150 + KILL_FACTOR * 150 + 1;
    vi.advanceTimersByTime(KILL_FACTOR * 150);
    expect(made[0].dead).toBe(true);
    expect(made).toHaveLength(2);
    expect(made[1].jobs[0].spec).toBe(c);
    expect(ctl.snapshot().restarts).toBe(1);
  });

  it('page toggles and the view do not rerun the comparison; the second start does', () => {
    const { made, spawn } = fakeWorkers();
    const ctl = new ComparisonController(spawn, () => t);
    const a = spec('S-ref');
    ctl.request(a);
    ctl.request({ ...a, ui: { ...a.ui, gf: false, view: { x: [-1, 1], y: [-1, 1] } } });
    expect(made[0].jobs).toHaveLength(1);
    expect(comparisonKey({ ...a, ui: { ...a.ui, compare: { a: 1, b: 2 } } })).not.toBe(comparisonKey(a));
  });

  it('going back to the experiment on screen drops the pending one', async () => {
    const { made, spawn } = fakeWorkers();
    const ctl = new ComparisonController(spawn, () => t);
    const a = spec('S-ref');
    ctl.request(a);
    made[0].jobs[0].resolve(compareJob(a));
    await flush();
    const b = { ...a, optim: { kind: 'gd' as const, lr: 0.2 } };
    ctl.request(b);
    expect(ctl.snapshot().pending).toBe(true);
    ctl.request({ ...a });
    expect(ctl.snapshot().pending).toBe(false);
    made[0].jobs[1].resolve(compareJob(b));
    await flush();
    expect(ctl.snapshot().c?.eta).toBe(0.1);
    expect(made[0].jobs).toHaveLength(2);
  });
});

describe('the compare job', () => {
  it('round-trips to the comparison the page computed before (same numbers), with the second start', () => {
    const s = spec('S-tradeoff-init');
    const { c, second } = comparisonFrom(
      JSON.parse(
        JSON.stringify(compareJob(s), (_k, v) => (v instanceof Float64Array ? { f64: Array.from(v) } : v)),
        (_k, v) => (v && typeof v === 'object' && 'f64' in v ? Float64Array.from(v.f64) : v),
      ),
    );
    expect(c.gd.steps).toBe(138);
    expect(c.flow.R).toBeGreaterThan(2);
    expect(second?.steps).toBe(110);
  });

  it('lists every Float64Array buffer once for transfer', () => {
    const data = compareJob(spec('S-tradeoff-init'));
    const bufs = comparisonBuffers(data);
    expect(new Set(bufs).size).toBe(bufs.length);
    // trace (10) + second's trace (10) + GF samples (5) + aVec, bVec + the plots' 12 envelopes (x, y)
    expect(bufs.length).toBe(27 + 24);
  });

  it(`caps what it records: S-chaos at 1e6 steps runs 1e6 steps and keeps at most PAGE_TRACE_CAP = ${PAGE_TRACE_CAP} evenly spaced iterates`, () => {
    const s = { ...spec('S-chaos'), stop: { ...spec('S-chaos').stop, maxSteps: 1e6 } };
    const data = compareJob(s);
    expect(data.gd.steps).toBe(1e6);
    const cov = traceCoverage(data.gd);
    expect(cov).toMatchObject({ thinned: true, iterates: 1e6 + 1 });
    expect(cov.recorded).toBeLessThanOrEqual(PAGE_TRACE_CAP);
    expect(cov.recorded).toBeGreaterThan(PAGE_TRACE_CAP / 2);
    const tr = data.gd.trace!;
    expect(tr.step[tr.n - 1]).toBe(1e6);
    for (let i = 1; i < tr.n; i++) expect(tr.step[i] - tr.step[i - 1]).toBe(cov.stride);
    // 1e9 steps in a link: the recording stays bounded (the run is not done here: it takes seconds)
    expect(traceCoverage(compareJob({ ...s, stop: { ...s.stop, maxSteps: 1e5 } }, 1000).gd).recorded).toBeLessThanOrEqual(1000);
  });
});
