import * as Comlink from 'comlink';
import { useEffect, useSyncExternalStore } from 'react';
import type { GdResult } from '../../engine/stability/stability';
import { comparisonFrom, type Comparison, type ComparisonData } from './compare';
import type { StabilitySpec } from './schema';

/**
 * The Stability page's GD-vs-GF comparison, computed off the page's thread: the stability core's `compare` job in a
 * worker of its own (not the sweep pool, so sweeps never delay it). The result on screen stays until a newer one
 * arrives; only the latest request's result is applied; a request still computing when a newer one is waiting is
 * abandoned after KILL_AFTER_MS by terminating its worker and starting a fresh one.
 */

/**
 * A request that has run this long is not worth finishing once a newer one waits: its worker is terminated. Unless
 * the last run took longer: a run is cancelled only after KILL_FACTOR times the last completed run. Terminating is not
 * free (a fresh worker runs its first jobs several times slower than a warm one), so runs of the size just seen are
 * let finish; a run far longer than the last (a link with 1e9 steps) is still cancelled soon.
 */
export const KILL_AFTER_MS = 200;
export const KILL_FACTOR = 3;

export interface ComparisonView {
  /** The comparison on screen (null until the first result). */
  c: Comparison | null;
  second: GdResult | null;
  /** A newer experiment than the one on screen is being computed. */
  pending: boolean;
  /** Worker milliseconds of the result on screen. */
  ms: number;
  /** The latest request failed (the previous result stays on screen). */
  error: string | null;
  /** Workers terminated to cancel superseded runs (for the status line and the tests). */
  restarts: number;
}

/** What the controller needs of a worker: the pool API's `job`, and a way to stop it. */
export interface CompareWorker {
  job(lab: string, name: string, args: unknown[]): Promise<unknown>;
  terminate(): void;
}

interface Request {
  id: number;
  key: string;
  spec: StabilitySpec;
}

/** The part of a spec the comparison depends on (page toggles and the view do not change the runs). */
export function comparisonKey(spec: StabilitySpec): string {
  return JSON.stringify({ ...spec, ui: { compare: spec.ui.compare ?? null } });
}

/**
 * The request policy, without React or a real worker (unit-tested with a fake one): latest request wins, superseded
 * results are dropped, a long superseded run is cancelled by replacing the worker.
 */
export class ComparisonController {
  private worker: CompareWorker | null = null;
  private seq = 0;
  private latest: Request | null = null;
  private inflight: (Request & { t0: number }) | null = null;
  private queued: Request | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private appliedKey: string | null = null;
  /** Milliseconds of the last completed run, as the page saw it. */
  private lastRunMs = 0;
  private view: ComparisonView = { c: null, second: null, pending: false, ms: 0, error: null, restarts: 0 };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly spawn: () => CompareWorker,
    private readonly now: () => number = () => performance.now(),
    private readonly killAfter = KILL_AFTER_MS,
  ) {}

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };

  snapshot = () => this.view;

  /** Asks for the comparison of a spec; a spec with the same key as the latest request changes nothing. */
  request(spec: StabilitySpec): void {
    const key = comparisonKey(spec);
    if (this.latest?.key === key) return;
    const req = { id: ++this.seq, key, spec };
    this.latest = req;
    if (key === this.appliedKey) {
      // Back to the experiment on screen: nothing to compute (a run in flight is now superseded and dropped).
      this.queued = null;
      this.clearTimer();
      this.set({ pending: false });
      return;
    }
    this.set({ pending: true });
    if (!this.inflight) {
      this.send(req);
      return;
    }
    const running = this.now() - this.inflight.t0;
    const killAfter = Math.max(this.killAfter, KILL_FACTOR * this.lastRunMs);
    if (running > killAfter) {
      this.restart(req);
      return;
    }
    // Wait for the run in flight a little: cheap runs finish long before; a long one is cancelled at killAfter.
    this.queued = req;
    if (!this.timer) this.timer = setTimeout(() => this.onTimer(), Math.max(0, killAfter - running));
  }

  /** Stops the worker (the page's state is kept for the next visit). */
  dispose(): void {
    this.clearTimer();
    this.worker?.terminate();
    this.worker = null;
    this.inflight = null;
    this.queued = null;
    this.latest = null;
    this.set({ pending: false });
  }

  private send(req: Request): void {
    this.worker ??= this.spawn();
    const fly = { ...req, t0: this.now() };
    this.inflight = fly;
    this.worker.job('stability', 'compare', [req.spec]).then(
      (data) => this.settle(fly, data as ComparisonData, null),
      (err: unknown) => this.settle(fly, null, err instanceof Error ? err.message : String(err)),
    );
  }

  private settle(fly: Request & { t0: number }, data: ComparisonData | null, error: string | null): void {
    if (this.inflight?.id !== fly.id) return; // from a worker terminated since
    this.lastRunMs = this.now() - fly.t0;
    this.inflight = null;
    this.clearTimer();
    if (fly.id === this.latest?.id) {
      if (data) {
        const { c, second, ms } = comparisonFrom(data);
        this.appliedKey = fly.key;
        this.set({ c, second, ms, pending: false, error: null });
      } else this.set({ pending: false, error });
    }
    const next = this.queued;
    this.queued = null;
    if (next) this.send(next);
  }

  private onTimer(): void {
    this.timer = null;
    const next = this.queued;
    if (!next) return;
    this.queued = null;
    if (this.inflight) this.restart(next);
    else this.send(next);
  }

  private restart(req: Request): void {
    this.clearTimer();
    this.queued = null;
    this.worker?.terminate();
    this.worker = null;
    this.inflight = null;
    this.set({ restarts: this.view.restarts + 1 });
    this.send(req);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<ComparisonView>): void {
    this.view = { ...this.view, ...patch };
    this.listeners.forEach((fn) => fn());
  }
}

/**
 * The comparison's worker. One that fails to load or crashes rejects its jobs with a message (comlink would wait
 * forever) and is dropped: the next request starts a fresh one.
 */
function spawnWorker(): CompareWorker {
  let live: (CompareWorker & { failed: Promise<never> }) | null = null;
  const start = () => {
    const worker = takeWarmWorker();
    const api = Comlink.wrap<{ job(lab: string, name: string, args: unknown[]): unknown }>(worker);
    const failed = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        worker.terminate();
        if (live?.terminate === terminate) live = null;
        reject(
          new Error(
            e.message ? `its worker failed: ${e.message}` : 'its worker could not be loaded (the app may have been updated; change the experiment to retry, or reload the page)',
          ),
        );
      }),
    );
    failed.catch(() => undefined);
    const terminate = () => worker.terminate();
    return { job: (lab: string, name: string, args: unknown[]) => Promise.race([api.job(lab, name, args) as Promise<unknown>, failed]), terminate, failed };
  };
  return {
    job: (lab, name, args) => {
      live ??= start();
      return live.job(lab, name, args);
    },
    terminate: () => {
      live?.terminate();
      live = null;
    },
  };
}

/**
 * A started worker kept ready for the next (re)start. Creating a worker costs the page's thread tens of milliseconds,
 * and a drag over a long run cancels a run (replacing its worker) every KILL_AFTER_MS: the replacement is taken from
 * here at once and the next one is created when the page is idle.
 */
let warm: { worker: Worker; failed: boolean; adopt(): Worker } | null = null;
let refill = false;
const newWorker = () => new Worker(new URL('../../../workers/stability-compare.worker.ts', import.meta.url), { type: 'module', name: 'stability-compare' });
/** A worker started ahead; one whose script failed to load while it waited is never handed out. */
function startWarm(): NonNullable<typeof warm> {
  const worker = newWorker();
  const onError = (e: Event) => {
    e.preventDefault();
    slot.failed = true;
  };
  worker.addEventListener('error', onError);
  // JIT-warmed while it waits (compare-warmup.ts); a job sent meanwhile runs after it
  const api = Comlink.wrap<{ warmup(): number }>(worker);
  api.warmup().catch(() => undefined);
  const slot = {
    worker,
    failed: false,
    adopt: () => {
      worker.removeEventListener('error', onError);
      return worker;
    },
  };
  return slot;
}
function takeWarmWorker(): Worker {
  const ready = warm && !warm.failed ? warm.adopt() : null;
  if (warm && !ready) warm.worker.terminate();
  warm = null;
  if (!refill) {
    refill = true;
    const make = () => {
      refill = false;
      warm ??= startWarm();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(make, { timeout: 2000 });
    else setTimeout(make, 50);
  }
  return ready ?? newWorker();
}

let controller: ComparisonController | null = null;
/** The page's one comparison controller (and worker), created on first use. */
export const comparisonController = () => (controller ??= new ComparisonController(spawnWorker));

/** The comparison of a spec as the page shows it: the last result, and whether a newer one is on its way. */
export function useComparison(spec: StabilitySpec): ComparisonView {
  const ctl = comparisonController();
  const view = useSyncExternalStore(ctl.subscribe, ctl.snapshot);
  useEffect(() => ctl.request(spec), [ctl, spec]);
  return view;
}
