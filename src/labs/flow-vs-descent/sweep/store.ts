import { create } from 'zustand';
import type { FlowReference } from '../../../engine/flow-descent/flow-reference';
import { poolSession } from '../../../state/pool-session';
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

const session = poolSession();

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
    const ctrl = session.begin();
    const etas = sweepEtas(spec);
    const rows: SweepRow[] = etas.map((eta) => ({ eta, result: null }));
    const pool = sharedPool();
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
    await session.run(
      ctrl,
      async (run) => {
        const [reference] = await pool.mapJobs<FlowVsDescentSpec, FlowReference>(LAB, 'sweepReference', [spec], undefined, run.signal);
        if (!run.live()) return;
        const summary: ReferenceSummary = { horizon: reference.horizon, steps: reference.steps, failure: reference.failure, nfev: reference.nfev };
        set({ reference: summary, done: 1, revision: get().revision + 1 });
        const payloads: SweepPointInput[] = etas.map((eta) => ({ spec, eta, reference }));
        await pool.mapJobs<SweepPointInput, SweepPointResult>(
          LAB,
          'sweepPoint',
          payloads,
          (done, _total, i, result) => {
            if (!run.live()) return;
            rows[i] = { eta: etas[i], result };
            set({ rows: [...rows], done: done + 1, ms: run.elapsed(), revision: get().revision + 1 });
          },
          run.signal,
        );
        if (run.live()) set({ status: 'done', ms: run.elapsed(), revision: get().revision + 1 });
      },
      {
        tick: (ms) => set({ ms }),
        ended: (cancelled, error, ms) => set({ status: cancelled ? 'cancelled' : 'error', error, rows: [...rows], ms, revision: get().revision + 1 }),
      },
    );
  },
  cancel() {
    const ms = session.cancel();
    if (ms === null) return;
    set({ status: 'cancelled', ms, revision: get().revision + 1 });
  },
}));
