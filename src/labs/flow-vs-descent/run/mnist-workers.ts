/**
 * The live MNIST mode (docs/labs/flow-vs-descent.md Sec. 5.4, FD-MN-live) runs one worker per run: the first worker
 * solves the flow beside GD at the spec's own step sizes (eta0 first), and each eta0/r run of the paper protocol has a
 * worker of its own, which solves the same flow (for D(t)) and GD at eta0 beside it (for the drift between the runs).
 * Every worker's tracking is the single-worker tracking of fewer arms, so its columns are bit for bit those of the
 * one-worker run; mergeWorkerRuns lays them out as that run's columns again, for the page's plots and tables.
 */
import type { FinalState, RunStatus } from '../../../engine/core/run';
import type { ArmRunOf } from '../../../state/run-store';
import { SeriesBuffers } from '../../../state/series';
import { armEtas, type FlowVsDescentSpec } from '../schema';

type Run = ArmRunOf<FlowVsDescentSpec>;

/** Whether a spec runs one worker per run (the live MNIST mode). */
export const runsPerWorker = (spec: FlowVsDescentSpec) => spec.objective.family === 'mnist';

/** The spec each worker runs: the flow with the spec's own step sizes, then one per eta0/r (with eta0 beside it). */
export function mnistWorkerSpecs(spec: FlowVsDescentSpec): FlowVsDescentSpec[] {
  const first: FlowVsDescentSpec = { ...spec, protocol: 'flow' };
  if (spec.protocol === 'flow') return [first];
  return [first, ...spec.rs.map((r) => ({ ...spec, etas: [spec.etas[0]], rs: [r] }))];
}

/** Where each merged column comes from: [worker, its column name], in the order of the one-worker run's columns. */
function columnSources(spec: FlowVsDescentSpec, first: readonly string[]): { name: string; worker: number; from: string }[] {
  const own = spec.etas.length;
  const paper = armEtas(spec).length - own;
  const out = first.map((name) => ({ name, worker: 0, from: name }));
  const armColumns = first.filter((n) => n.startsWith('gd0.')).map((n) => n.slice(4));
  for (let k = 0; k < paper; k++) for (const c of armColumns) out.push({ name: `gd${own + k}.${c}`, worker: k + 1, from: `gd1.${c}` });
  return out;
}

/**
 * The workers' runs as the one run of `spec`: its columns (the flow's and each arm's) from the worker that computed
 * them, as many stamps as every worker has reached; the status of the worker furthest behind; the final state once
 * every worker has one (its metrics merged the same way); the first error of any worker.
 */
export function mergeWorkerRuns(spec: FlowVsDescentSpec, workers: readonly (Run | undefined)[]): Run | null {
  const first = workers[0];
  if (!first || workers.some((w) => !w)) return null;
  const runs = workers as readonly Run[];
  const error = runs.find((w) => w.error)?.error ?? null;
  const ready = runs.every((w) => w.buffers);
  let buffers: SeriesBuffers | null = null;
  if (ready) {
    const b0 = first.buffers!;
    const sources = columnSources(spec, b0.metricNames);
    const count = Math.min(...runs.map((w) => w.buffers!.count));
    buffers = new SeriesBuffers(
      sources.map((s) => s.name),
      0,
    );
    buffers.t = b0.t.slice(0, count);
    buffers.step = b0.step.slice(0, count);
    buffers.loss = b0.loss.slice(0, count);
    buffers.metrics = sources.map((s) => runs[s.worker].buffers!.metric(s.from).slice(0, count));
    buffers.count = count;
  }
  const statuses = runs.map((w) => w.status).filter((s): s is RunStatus => s !== null);
  const status = statuses.length === runs.length ? statuses.reduce((a, b) => (b.t < a.t ? b : a)) : null;
  const done = runs.every((w) => w.final);
  let final: FinalState | null = null;
  if (done) {
    const last = runs.reduce((a, b) => ((b.wallMs ?? 0) > (a.wallMs ?? 0) ? b : a));
    const metrics: Record<string, number> = {};
    for (const s of columnSources(spec, Object.keys(first.final!.metrics))) metrics[s.name] = runs[s.worker].final!.metrics[s.from];
    final = { ...first.final!, stop: last.final!.stop, metrics };
  }
  return {
    spec,
    buffers,
    blocks: first.blocks,
    status,
    views: first.views,
    final,
    error,
    wallMs: done ? Math.max(...runs.map((w) => w.wallMs ?? 0)) : null,
    id: first.id,
  };
}
