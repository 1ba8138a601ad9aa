import { create } from 'zustand';
import type { FlowReference } from '../../../engine/flow-descent/flow-reference';
import { sharedPool } from '../../../state/worker-pool';
import type { FlowVsDescentSpec } from '../schema';
import { type SweepPointInput, type SweepPointResult, sweepEtas, sweepMaxSteps } from '../sweep';
import type { ReferenceSummary } from './export';
import type { SweepRow } from './model';

/** The lab's id (the core's; spelled here so this store does not pull the core's imports into its tests). */
const LAB = 'flow-vs-descent';

export type FdSweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface FdSweepState {
  status: FdSweepStatus;
  /** The spec the sweep ran from (its out-of-date mark, its exports and each row's "open as a run"). */
  spec: FlowVsDescentSpec | null;
  etas: number[];
  maxSteps: number;
  reference: ReferenceSummary | null;
  rows: SweepRow[];
  /** Jobs finished: the reference counts as one. */
  done: number;
  total: number;
  ms: number;
  workers: number;
  error: string | null;
  revision: number;
  start(spec: FlowVsDescentSpec): Promise<void>;
  cancel(): void;
}

let controller: AbortController | null = null;
let startedAt = 0;

/**
 * The step-size sweep across the shared worker pool (docs/labs/flow-vs-descent.md Sec. 7 item 9): the flow reference
 * first (one job), then one GD job per eta with that reference in its payload; rows fill in as jobs come back.
 */
export const useFdSweep = create<FdSweepState>()((set, get) => ({
  status: 'idle',
  spec: null,
  etas: [],
  maxSteps: 0,
  reference: null,
  rows: [],
  done: 0,
  total: 0,
  ms: 0,
  workers: 0,
  error: null,
  revision: 0,
  async start(spec) {
    controller?.abort();
    const ctrl = new AbortController();
    controller = ctrl;
    const etas = sweepEtas(spec);
    const rows: SweepRow[] = etas.map((eta) => ({ eta, result: null }));
    const pool = sharedPool();
    const t0 = performance.now();
    startedAt = t0;
    set({
      status: 'running',
      spec,
      etas,
      maxSteps: sweepMaxSteps(spec),
      reference: null,
      rows,
      done: 0,
      total: etas.length + 1,
      ms: 0,
      workers: pool.size,
      error: null,
      revision: get().revision + 1,
    });
    const tick = setInterval(() => {
      if (controller === ctrl) set({ ms: performance.now() - t0 });
    }, 500);
    try {
      const [reference] = await pool.mapJobs<FlowVsDescentSpec, FlowReference>(LAB, 'sweepReference', [spec], undefined, ctrl.signal);
      if (controller !== ctrl) return;
      const summary: ReferenceSummary = { horizon: reference.horizon, steps: reference.steps, failure: reference.failure, nfev: reference.nfev };
      set({ reference: summary, done: 1, revision: get().revision + 1 });
      const payloads: SweepPointInput[] = etas.map((eta) => ({ spec, eta, reference }));
      await pool.mapJobs<SweepPointInput, SweepPointResult>(
        LAB,
        'sweepPoint',
        payloads,
        (done, _total, i, result) => {
          if (controller !== ctrl) return;
          rows[i] = { eta: etas[i], result };
          set({ rows: [...rows], done: done + 1, ms: performance.now() - t0, revision: get().revision + 1 });
        },
        ctrl.signal,
      );
      if (controller === ctrl) set({ status: 'done', ms: performance.now() - t0, revision: get().revision + 1 });
    } catch (err) {
      if (controller !== ctrl) return;
      const cancelled = err instanceof DOMException && err.name === 'AbortError';
      set({
        status: cancelled ? 'cancelled' : 'error',
        error: cancelled ? null : err instanceof Error ? err.message : String(err),
        rows: [...rows],
        ms: performance.now() - t0,
        revision: get().revision + 1,
      });
    } finally {
      clearInterval(tick);
      if (controller === ctrl) controller = null;
    }
  },
  cancel() {
    if (!controller) return;
    controller.abort();
    controller = null;
    set({ status: 'cancelled', ms: performance.now() - startedAt, revision: get().revision + 1 });
  },
}));
