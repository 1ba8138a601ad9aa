import { create } from 'zustand';
import type { FinalState } from '../../../engine/core/run';
import { zeroSolutionError } from '../../../engine/linear-rnn/metrics';
import { LinearRnnProblem } from '../../../engine/linear-rnn/problem';
import { sharedPool } from '../../../state/worker-pool';
import type { ReproPhase } from '../../../ui/Repro';
import { buildExtrapolation, teacherImpulse } from '../build';
import { extrapolationCore } from '../core';
import type { Prop3Demo } from '../prop3';
import type { ExtrapolationSpec } from '../schema';
import { FITTED_FRACTION } from '../sweeps';
import { estimateManyMs, remainingMs } from './cost';
import { runPointsOnPool } from './pool-runner';
import { type ItemResult, REPRO_ITEMS, type ReproItem, reproItem } from './repro-items';

export type RunMode = 'full' | 'quick';

export interface ItemState {
  phase: ReproPhase;
  mode: RunMode;
  /** By point index; null for runs not made (yet, or not in a quick run). */
  results: (ItemResult | null)[];
  demo: Prop3Demo | null;
}

interface AllState {
  running: boolean;
  done: number;
  total: number;
  current: string | null;
  ms: number;
  estimateMs: number;
  /** Time left: the estimates of the items not finished, scaled by how the finished ones compared (ms). */
  leftMs: number;
  finished: boolean;
}

interface ReproState {
  items: Record<string, ItemState>;
  all: AllState;
  run(id: string, mode?: RunMode): Promise<void>;
  cancel(id: string): void;
  runAll(includeLong: boolean): Promise<void>;
  cancelAll(): void;
}

/** The runs an item makes in a mode (all its points, or the assertion's). */
export function itemRuns(item: ReproItem, mode: RunMode): number[] {
  const keep = mode === 'quick' && item.quick ? item.quick : () => true;
  return item.points.map((p, i) => (keep(p) ? i : -1)).filter((i) => i >= 0);
}

const estimates = new Map<string, number>();

/** Estimated wall time of an item's runs on the pool (computed once per item, mode and pool size). */
export function itemEstimateMs(item: ReproItem, mode: RunMode, workers = sharedPool().size): number {
  if (item.kind === 'static') return 50;
  const key = `${item.id}|${mode}|${workers}`;
  let ms = estimates.get(key);
  if (ms === undefined) {
    ms = estimateManyMs(
      itemRuns(item, mode).map((i) => item.points[i].spec),
      workers,
    );
    estimates.set(key, ms);
  }
  return ms;
}

/** Items longer than this are left out of "reproduce everything" unless asked for (E-4: 150 full-A runs of 40,000 steps). */
export const LONG_MS = 3 * 60_000;

/**
 * An overlay run's score from its final state (the pool's generic run, which returns the parameters), with its final
 * impulse response h and the teacher's w over [0, H), computed here from the spec (cheap: one forward pass).
 */
export function overlayResult(spec: ExtrapolationSpec, final: FinalState): ItemResult {
  const { problem, theta0 } = buildExtrapolation(spec);
  if (!(problem instanceof LinearRnnProblem)) throw new Error('overlay runs are linear RNNs (a GRU has no impulse response)');
  const theta = new Float64Array(problem.n);
  for (const b of problem.blocks) theta.set(final.params[b.name] ?? [], b.offset);
  const { H } = spec.eval;
  const w = Array.from(teacherImpulse(spec).subarray(0, H));
  const loss0 = problem.loss(theta0);
  const m = final.metrics;
  return {
    E: m.E,
    zeroLine: zeroSolutionError(w, spec.training.k, H),
    loss: final.loss,
    loss0,
    fitted: final.loss <= FITTED_FRACTION * loss0,
    betaBC: m.betaBC,
    alphaA: m.alphaA,
    specRadius: m.specRadius,
    effDim: m.effDim,
    steps: final.step,
    reason: final.stop.reason,
    h: Array.from(problem.impulse(theta, H)).slice(0, H),
    w,
  };
}

const controllers = new Map<string, AbortController>();
let allController: AbortController | null = null;

const idle = (item: ReproItem): ItemState => ({ phase: { kind: 'idle' }, mode: 'full', results: item.points.map(() => null), demo: null });

/** The Reproduce page's runs, per item, across the shared worker pool; they outlive the page (switching tabs keeps them). */
export const useRepro = create<ReproState>()((set, get) => {
  const patch = (id: string, p: Partial<ItemState>) => set((s) => ({ items: { ...s.items, [id]: { ...s.items[id], ...p } } }));
  const onRunDone = () => {
    const a = get().all;
    if (a.running) set({ all: { ...a, done: a.done + 1 } });
  };
  return {
    items: Object.fromEntries(REPRO_ITEMS.map((i) => [i.id, idle(i)])),
    all: { running: false, done: 0, total: 0, current: null, ms: 0, estimateMs: 0, leftMs: 0, finished: false },

    async run(id, mode = 'full') {
      const item = reproItem(id);
      if (!item) return;
      controllers.get(id)?.abort();
      const ctrl = new AbortController();
      controllers.set(id, ctrl);
      const runs = itemRuns(item, mode);
      const results: (ItemResult | null)[] = item.points.map(() => null);
      patch(id, { phase: { kind: 'running', done: 0, total: Math.max(1, runs.length) }, mode, results, demo: null });
      const t0 = performance.now();
      const mine = () => controllers.get(id) === ctrl;
      try {
        if (item.kind === 'static') {
          const [demo] = await sharedPool().mapJobs<object, Prop3Demo>(extrapolationCore.id, 'prop3', [{}], undefined, ctrl.signal);
          if (mine()) patch(id, { demo });
          onRunDone();
        } else if (item.kind === 'overlay') {
          const specs = runs.map((i) => item.points[i].spec);
          await sharedPool().map(
            specs,
            (done, total, j, r) => {
              if (!mine()) return;
              if (!r.ok) throw new Error(r.message);
              results[runs[j]] = overlayResult(specs[j], r.final);
              patch(id, { results: [...results], phase: { kind: 'running', done, total } });
              onRunDone();
            },
            ctrl.signal,
          );
        } else {
          await runPointsOnPool(
            runs.map((i) => item.points[i].spec),
            (j, result, done, total) => {
              if (!mine()) return;
              results[runs[j]] = result;
              patch(id, { results: [...results], phase: { kind: 'running', done, total } });
              onRunDone();
            },
            ctrl.signal,
          );
        }
        if (mine()) patch(id, { phase: { kind: 'done', ms: performance.now() - t0 } });
      } catch (err) {
        if (!mine()) return;
        const cancelled = err instanceof DOMException && err.name === 'AbortError';
        patch(id, { phase: cancelled ? { kind: 'idle' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) } });
      } finally {
        if (mine()) controllers.delete(id);
      }
    },

    cancel(id) {
      const c = controllers.get(id);
      if (!c) return;
      c.abort();
      controllers.delete(id);
      patch(id, { phase: { kind: 'idle' } });
    },

    async runAll(includeLong) {
      get().cancelAll();
      const ctrl = new AbortController();
      allController = ctrl;
      const workers = sharedPool().size;
      const queue = REPRO_ITEMS.map((item) => ({ item, ms: itemEstimateMs(item, 'full', workers) }))
        .filter((q) => includeLong || q.ms <= LONG_MS)
        .sort((a, b) => a.ms - b.ms);
      const total = queue.reduce((s, q) => s + Math.max(1, q.item.points.length), 0);
      const estimateMs = queue.reduce((s, q) => s + q.ms, 0);
      const t0 = performance.now();
      set({ all: { running: true, done: 0, total, current: null, ms: 0, estimateMs, leftMs: estimateMs, finished: false } });
      // estimates (wall time on all workers) of the items finished and of the current one, scaled by its progress
      let doneEst = 0;
      let current: { ms: number; id: string } | null = null;
      const tick = setInterval(() => {
        if (allController !== ctrl) return;
        const now = performance.now() - t0;
        const phase = current ? get().items[current.id].phase : null;
        const partial = current && phase?.kind === 'running' && phase.total > 0 ? (current.ms * phase.done) / phase.total : 0;
        set({ all: { ...get().all, ms: now, leftMs: remainingMs(doneEst + partial, estimateMs - doneEst - partial, now, 1) } });
      }, 1000);
      try {
        for (const { item, ms } of queue) {
          if (ctrl.signal.aborted) break;
          current = { ms, id: item.id };
          set({ all: { ...get().all, current: item.id } });
          await get().run(item.id, 'full');
          doneEst += ms;
        }
      } finally {
        clearInterval(tick);
        if (allController === ctrl) {
          allController = null;
          set({ all: { ...get().all, running: false, current: null, ms: performance.now() - t0, finished: !ctrl.signal.aborted } });
        }
      }
    },

    cancelAll() {
      if (!allController) return;
      allController.abort();
      allController = null;
      const current = get().all.current;
      if (current) get().cancel(current);
      set({ all: { ...get().all, running: false, current: null } });
    },
  };
});
