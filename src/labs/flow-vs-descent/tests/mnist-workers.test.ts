import { describe, expect, it } from 'vitest';
import type { ArmRunOf } from '../../../state/run-store';
import { SeriesBuffers } from '../../../state/series';
import { buildFlowVsDescentRun } from '../build';
import { loadLiveMnist } from '../mnist/live-data';
import { fdPresetRow } from '../presets';
import { armEtas, type FlowVsDescentSpec } from '../schema';
import { mergeWorkerRuns, mnistWorkerSpecs, runsPerWorker } from '../run/mnist-workers';

/** A spec run to its end as the page's store holds it: its streamed stamps, its final state. */
function asStored(spec: FlowVsDescentSpec): ArmRunOf<FlowVsDescentSpec> {
  const run = buildFlowVsDescentRun(spec);
  const final = run.runToEnd();
  const buffers = new SeriesBuffers([...run.problem.metricNames], 0);
  buffers.append(run.takeBatch());
  return { spec, buffers, blocks: [], status: run.status(), views: {}, final, error: null, wallMs: 1, id: 1 };
}

describe('the live MNIST mode in one worker per run (Sec. 5.4, FD-MN-live)', () => {
  // FD-MN-live made small: 8 images to t = 0.1 (eta0 = 1e-3: 100, 200 and 500 GD steps)
  const live = fdPresetRow('FD-MN-live')!.spec;
  const spec: FlowVsDescentSpec = { ...live, objective: { family: 'mnist', net: 'fclin', images: 8, seed: 1 }, horizon: 0.1, stamps: 10 };

  it('splits into the flow with eta0, and one worker per eta0/r with eta0 beside it', () => {
    expect(runsPerWorker(spec)).toBe(true);
    const parts = mnistWorkerSpecs(spec);
    expect(parts.map(armEtas)).toEqual([[1e-3], [1e-3, 1e-3 / 2], [1e-3, 1e-3 / 5]]);
    expect(parts[0].protocol).toBe('flow');
  });

  it('merged, the workers give bit for bit the columns and final metrics of the one-worker run', async () => {
    await loadLiveMnist();
    const whole = asStored(spec);
    const merged = mergeWorkerRuns(spec, mnistWorkerSpecs(spec).map(asStored));
    expect(merged).not.toBeNull();
    const a = whole.buffers!;
    const b = merged!.buffers!;
    expect(b.count).toBe(a.count);
    expect(b.metricNames).toEqual(a.metricNames);
    for (const name of a.metricNames) expect(Array.from(b.metric(name).subarray(0, b.count)), name).toEqual(Array.from(a.metric(name).subarray(0, a.count)));
    expect(Array.from(b.t.subarray(0, b.count))).toEqual(Array.from(a.t.subarray(0, a.count)));
    expect(merged!.final!.metrics).toEqual(whole.final!.metrics);
    // the drift between the runs is there (not zero, not missing)
    expect(merged!.final!.metrics['gd2.drift']).toBeGreaterThan(0);
  });

  it('waits for every worker: no merged run until each has one, the status of the one furthest behind', () => {
    const parts = mnistWorkerSpecs(spec).map((s, i) => ({
      spec: s,
      buffers: null,
      blocks: [],
      status: { t: 0.05 * (i + 1), steps: 1, loss: 1, progress: 0.5, done: false, stop: null, info: {} },
      views: {},
      final: null,
      error: null,
      wallMs: null,
      id: 3,
    }));
    expect(mergeWorkerRuns(spec, [parts[0], undefined, parts[2]])).toBeNull();
    const m = mergeWorkerRuns(spec, parts)!;
    expect(m.status!.t).toBe(0.05);
    expect(m.final).toBeNull();
    expect(m.buffers).toBeNull();
    expect(mergeWorkerRuns(spec, [parts[0], { ...parts[1], error: 'worker failed' }, parts[2]])!.error).toBe('worker failed');
  });
});
