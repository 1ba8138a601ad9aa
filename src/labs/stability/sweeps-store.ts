import { create } from 'zustand';
import type { SweepResult } from '../../../workers/sweep-core';
import { sharedPool } from '../../state/worker-pool';

/** One finished GD run of a sweep, from the pool's final state. */
export interface SweepPoint {
  x: number;
  y?: number;
  outcome: string;
  steps: number;
  lam: number;
  S: number;
  qRatio: number;
}

export type SweepKind = 'eta' | 'scale' | 'fig3';

interface SweepState {
  kind: SweepKind | null;
  running: boolean;
  done: number;
  total: number;
  ms: number;
  points: (SweepPoint | null)[];
  /** Free-form context of the sweep (start, eta, grids) for the plots. */
  meta: Record<string, unknown>;
  revision: number;
  start(kind: SweepKind, jobs: { spec: unknown; x: number; y?: number }[], meta: Record<string, unknown>): Promise<void>;
  cancel(): void;
}

let controller: AbortController | null = null;

function toPoint(r: SweepResult, x: number, y?: number): SweepPoint | null {
  if (!r.ok) return null;
  const m = r.final.metrics;
  return { x, y, outcome: r.final.stop.reason, steps: r.final.step, lam: m.lam, S: m.S, qRatio: m.qRatio };
}

/** Sweeps of the Stability lab across the shared worker pool; results stream in as jobs finish. */
export const useSweeps = create<SweepState>()((set, get) => ({
  kind: null,
  running: false,
  done: 0,
  total: 0,
  ms: 0,
  points: [],
  meta: {},
  revision: 0,
  async start(kind, jobs, meta) {
    controller?.abort();
    const ctrl = new AbortController();
    controller = ctrl;
    const points: (SweepPoint | null)[] = new Array(jobs.length).fill(null);
    set({ kind, running: true, done: 0, total: jobs.length, ms: 0, points, meta, revision: get().revision + 1 });
    const t0 = performance.now();
    let lastPaint = 0;
    try {
      await sharedPool().map(
        jobs.map((j) => j.spec),
        (done, total, i, res) => {
          if (controller !== ctrl) return;
          points[i] = toPoint(res, jobs[i].x, jobs[i].y);
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
