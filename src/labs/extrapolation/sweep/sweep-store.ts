import { create } from 'zustand';
import { poolSession } from '../../../state/pool-session';
import { sharedPool } from '../../../state/worker-pool';
import type { ExtrapolationSpec, SweepDef } from '../schema';
import { sweepPoints, type SweepPoint } from '../sweeps';
import { estimateManyMs, estimateRunMs, remainingMs } from './cost';
import { runPointsOnPool } from './pool-runner';
import type { ScoredPoint } from './sweep-model';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface SweepState {
  status: SweepStatus;
  /** The experiment the sweep ran from and the sweep it ran (for its out-of-date mark, its cells and its export). */
  spec: ExtrapolationSpec | null;
  sweep: SweepDef | null;
  /** Every point of the sweep, with its spec (a cell opens it as a run). */
  points: SweepPoint[];
  scored: ScoredPoint[];
  done: number;
  total: number;
  /** Wall time so far (or in all, once finished), ms. */
  ms: number;
  /** The cost model's estimate before the start, ms. */
  estimateMs: number;
  /** Time left, from the estimates of the runs not finished and how the finished ones compared (ms). */
  leftMs: number;
  workers: number;
  error: string | null;
  revision: number;
  start(spec: ExtrapolationSpec, sweep: SweepDef): Promise<void>;
  cancel(): void;
}

const session = poolSession();

/** The Sweeps page's sweep, across the shared worker pool: results stream in as runs finish, and outlive the page. */
export const useSweepRun = create<SweepState>()((set, get) => ({
  status: 'idle',
  spec: null,
  sweep: null,
  points: [],
  scored: [],
  done: 0,
  total: 0,
  ms: 0,
  estimateMs: 0,
  leftMs: 0,
  workers: 0,
  error: null,
  revision: 0,
  async start(spec, sweep) {
    const ctrl = session.begin();
    const points = sweepPoints(spec, sweep);
    const scored: ScoredPoint[] = points.map(({ spec: _s, ...at }, index) => ({ ...at, index, result: null }));
    const workers = sharedPool().size;
    const base = { ...spec, ui: { ...spec.ui, sweep } };
    const runMs = points.map((p) => estimateRunMs(p.spec));
    let leftEst = runMs.reduce((a, b) => a + b, 0);
    let doneEst = 0;
    const estimateMs = estimateManyMs(
      points.map((p) => p.spec),
      workers,
    );
    set({
      status: 'running',
      spec: base,
      sweep,
      points,
      scored,
      done: 0,
      total: points.length,
      ms: 0,
      estimateMs,
      leftMs: estimateMs,
      workers,
      error: null,
      revision: get().revision + 1,
    });
    // the first result always paints
    let lastPaint = Number.NEGATIVE_INFINITY;
    const left = (ms: number) => remainingMs(doneEst, leftEst, ms, workers);
    await session.run(
      ctrl,
      async (run) => {
        await runPointsOnPool(
          points.map((p) => p.spec),
          (i, result, done, total) => {
            if (!run.live()) return;
            scored[i] = { ...scored[i], result };
            doneEst += runMs[i];
            leftEst -= runMs[i];
            const ms = run.elapsed();
            if (done === total || ms - lastPaint > 100) {
              lastPaint = ms;
              set({ scored: [...scored], done, ms, leftMs: left(ms), revision: get().revision + 1 });
            }
          },
          run.signal,
        );
        if (run.live()) set({ status: 'done', scored: [...scored], done: points.length, ms: run.elapsed(), revision: get().revision + 1 });
      },
      {
        tick: (ms) => set({ ms, leftMs: doneEst > 0 ? left(ms) : Math.max(0, estimateMs - ms) }),
        ended: (cancelled, error, ms) =>
          set({
            status: cancelled ? 'cancelled' : 'error',
            error,
            scored: [...scored],
            done: scored.filter((p) => p.result).length,
            ms,
            revision: get().revision + 1,
          }),
      },
    );
  },
  cancel() {
    const ms = session.cancel();
    if (ms === null) return;
    const { scored } = get();
    set({ status: 'cancelled', done: scored.filter((p) => p.result).length, ms, revision: get().revision + 1 });
  },
}));
