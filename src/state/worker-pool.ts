import * as Comlink from 'comlink';
import type { SweepResult } from '../../workers/pool-core';

export type { SweepResult } from '../../workers/pool-core';

export type PoolApi = {
  run(spec: unknown): SweepResult;
  runMany(specs: unknown[]): SweepResult[];
  job(lab: string, name: string, args: unknown[]): unknown;
  jobs(lab: string, name: string, payloads: unknown[]): unknown[] | Promise<unknown[]>;
};
type SweepApi = PoolApi;

/** A fresh pool worker (the pool's members, and labs that want one of their own for a cancellable job). */
export function newPoolWorker(name: string): Worker {
  return new Worker(new URL('../../workers/pool.worker.ts', import.meta.url), { type: 'module', name });
}

/**
 * A pool of sweep workers (one per core, at most 8): specs go in chunks to whichever worker is free (about
 * eight chunks per worker, so short runs are not dominated by message round trips while progress stays
 * smooth), results come back in input order, and onProgress reports each completion. Cancel with the AbortSignal.
 */
export class WorkerPool {
  private workers: { worker: Worker; api: Comlink.Remote<SweepApi>; failed: Promise<never> }[] = [];

  constructor(readonly size = Math.max(1, Math.min(8, globalThis.navigator?.hardwareConcurrency ?? 2))) {}

  private ensure() {
    while (this.workers.length < this.size) {
      const worker = newPoolWorker(`pool-${this.workers.length}`);
      // A worker whose script fails to load, or that crashes, never answers: its failure ends the map instead.
      const failed = new Promise<never>((_, reject) => {
        worker.addEventListener('error', (e) => reject(new Error(`A pool worker failed: ${(e as ErrorEvent).message || 'its script could not be loaded or it crashed'}.`)));
        worker.addEventListener('messageerror', () => reject(new Error('A message from a pool worker could not be read.')));
      });
      failed.catch(() => undefined);
      this.workers.push({ worker, api: Comlink.wrap<SweepApi>(worker), failed });
    }
  }

  async map(specs: unknown[], onProgress?: (done: number, total: number, index: number, result: SweepResult) => void, signal?: AbortSignal): Promise<SweepResult[]> {
    return this.mapVia((api, chunk) => api.runMany(chunk), specs, onProgress, signal);
  }

  /** Like map, for one of a lab's named jobs (LabRuntime.jobs), one payload each. */
  async mapJobs<T, R>(lab: string, name: string, payloads: T[], onProgress?: (done: number, total: number, index: number, result: R) => void, signal?: AbortSignal): Promise<R[]> {
    return this.mapVia((api, chunk) => api.jobs(lab, name, chunk) as Promise<R[]>, payloads, onProgress, signal);
  }

  private async mapVia<T, R>(
    call: (api: Comlink.Remote<SweepApi>, chunk: T[]) => Promise<R[]>,
    specs: T[],
    onProgress?: (done: number, total: number, index: number, result: R) => void,
    signal?: AbortSignal,
  ): Promise<R[]> {
    this.ensure();
    const results: R[] = new Array(specs.length);
    const chunk = Math.max(1, Math.ceil(specs.length / (8 * this.workers.length)));
    let next = 0;
    let done = 0;
    const lane = async ({ api, failed }: { api: Comlink.Remote<SweepApi>; failed: Promise<never> }) => {
      while (next < specs.length && !signal?.aborted) {
        const from = next;
        next = Math.min(specs.length, from + chunk);
        const out = await Promise.race([call(api, specs.slice(from, next)), failed]);
        out.forEach((r, k) => {
          results[from + k] = r;
          done++;
          onProgress?.(done, specs.length, from + k, r);
        });
      }
    };
    try {
      await Promise.all(this.workers.map(lane));
    } catch (err) {
      // a failed worker takes the pool down with it: the next map starts fresh workers
      this.dispose();
      throw err;
    }
    // A cancelled map hands out no new chunks and returns once the chunks in flight are back; the workers are
    // shared with other maps, so they are not terminated under them.
    if (signal?.aborted) throw new DOMException('sweep cancelled', 'AbortError');
    return results;
  }

  dispose() {
    this.workers.forEach((w) => w.worker.terminate());
    this.workers = [];
  }
}

let shared: WorkerPool | null = null;
/** The app's one pool, created on first use. */
export function sharedPool(): WorkerPool {
  if (!shared) shared = new WorkerPool();
  return shared;
}
