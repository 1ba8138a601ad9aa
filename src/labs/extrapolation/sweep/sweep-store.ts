import { create } from 'zustand';
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

let controller: AbortController | null = null;
let startedAt = 0;

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
    controller?.abort();
    const ctrl = new AbortController();
    controller = ctrl;
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
    const t0 = performance.now();
    startedAt = t0;
    let lastPaint = 0;
    const left = (now: number) => remainingMs(doneEst, leftEst, now - t0, workers);
    const tick = setInterval(() => {
      const now = performance.now();
      if (controller === ctrl) set({ ms: now - t0, leftMs: doneEst > 0 ? left(now) : Math.max(0, estimateMs - (now - t0)) });
    }, 500);
    try {
      await runPointsOnPool(
        points.map((p) => p.spec),
        (i, result, done, total) => {
          if (controller !== ctrl) return;
          scored[i] = { ...scored[i], result };
          doneEst += runMs[i];
          leftEst -= runMs[i];
          const now = performance.now();
          if (done === total || now - lastPaint > 100) {
            lastPaint = now;
            set({ scored: [...scored], done, ms: now - t0, leftMs: left(now), revision: get().revision + 1 });
          }
        },
        ctrl.signal,
      );
      if (controller === ctrl) set({ status: 'done', scored: [...scored], done: points.length, ms: performance.now() - t0, revision: get().revision + 1 });
    } catch (err) {
      if (controller !== ctrl) return;
      const cancelled = err instanceof DOMException && err.name === 'AbortError';
      set({
        status: cancelled ? 'cancelled' : 'error',
        error: cancelled ? null : err instanceof Error ? err.message : String(err),
        scored: [...scored],
        done: scored.filter((p) => p.result).length,
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
    const { scored } = get();
    set({ status: 'cancelled', done: scored.filter((p) => p.result).length, ms: performance.now() - startedAt, revision: get().revision + 1 });
  },
}));
