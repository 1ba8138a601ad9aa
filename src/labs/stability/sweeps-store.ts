import { create } from 'zustand';
import type { GdJob, GdJobResult } from '../../engine/stability/jobs';
import { mapStabilityJobs } from './pool';
import type { StabilitySpec } from './schema';
import type { SweepSettings } from './sweep-stale';

/** One finished GD run of a sweep (runGdScalar in a pool worker: the lab's stop rules, the exact Q ratio). */
export interface SweepPoint extends Omit<GdJobResult, 'kind'> {
  x: number;
  y?: number;
  /** The run's start and step size. */
  job: GdJob;
}

export type SweepKind = 'eta' | 'scale' | 'fig3' | 'tradeoff';

interface SweepState {
  kind: SweepKind | null;
  running: boolean;
  done: number;
  total: number;
  ms: number;
  points: (SweepPoint | null)[];
  /** Free-form context of the sweep (start, eta, grids) for the plots. */
  meta: Record<string, unknown>;
  /** The experiment the sweep ran from and the tab's settings it ran with (for its out-of-date mark and its export). */
  spec: StabilitySpec | null;
  settings: SweepSettings | null;
  revision: number;
  start(kind: SweepKind, jobs: { job: GdJob; x: number; y?: number }[], meta: Record<string, unknown>, spec: StabilitySpec, settings: SweepSettings): Promise<void>;
  cancel(): void;
}

let controller: AbortController | null = null;

/** Sweeps of the Stability lab across the shared worker pool; results stream in as jobs finish. */
export const useSweeps = create<SweepState>()((set, get) => ({
  kind: null,
  running: false,
  done: 0,
  total: 0,
  ms: 0,
  points: [],
  meta: {},
  spec: null,
  settings: null,
  revision: 0,
  async start(kind, jobs, meta, spec, settings) {
    controller?.abort();
    const ctrl = new AbortController();
    controller = ctrl;
    const points: (SweepPoint | null)[] = new Array(jobs.length).fill(null);
    set({ kind, running: true, done: 0, total: jobs.length, ms: 0, points, meta, spec, settings, revision: get().revision + 1 });
    const t0 = performance.now();
    let lastPaint = 0;
    try {
      await mapStabilityJobs(
        jobs.map((j) => j.job),
        (done, total, i, res) => {
          if (controller !== ctrl || res.kind !== 'gd') return;
          const { kind: _k, ...r } = res;
          points[i] = { ...r, x: jobs[i].x, y: jobs[i].y, job: jobs[i].job };
          const now = performance.now();
          if (done === total || now - lastPaint > 80) {
            lastPaint = now;
            set({ done, points, ms: now - t0, revision: get().revision + 1 });
          }
        },
        ctrl.signal,
      );
      if (controller === ctrl) set({ running: false, done: jobs.length, ms: performance.now() - t0, revision: get().revision + 1 });
    } catch {
      if (controller === ctrl) set({ running: false });
    }
  },
  cancel() {
    controller?.abort();
    controller = null;
    set({ running: false });
  },
}));
