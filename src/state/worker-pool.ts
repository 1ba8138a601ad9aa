import * as Comlink from 'comlink';
import type { SweepResult } from '../../workers/sweep-core';
import type { StabilityJob, StabilityJobResult } from '../engine/stability/jobs';

type SweepApi = { run(spec: unknown): SweepResult; runMany(specs: unknown[]): SweepResult[]; runStabilityMany(jobs: StabilityJob[]): StabilityJobResult[] };

/**
 * A pool of sweep workers (one per core, at most 8): specs go in chunks to whichever worker is free (about
 * eight chunks per worker, so short runs are not dominated by message round trips while progress stays
 * smooth), results come back in input order, and onProgress reports each completion. Cancel with the AbortSignal.
 */
export class WorkerPool {
  private workers: { worker: Worker; api: Comlink.Remote<SweepApi> }[] = [];

  constructor(readonly size = Math.max(1, Math.min(8, globalThis.navigator?.hardwareConcurrency ?? 2))) {}

  private ensure() {
    while (this.workers.length < this.size) {
      const worker = new Worker(new URL('../../workers/sweep.worker.ts', import.meta.url), { type: 'module', name: `sweep-${this.workers.length}` });
      this.workers.push({ worker, api: Comlink.wrap<SweepApi>(worker) });
    }
  }

  async map(specs: unknown[], onProgress?: (done: number, total: number, index: number, result: SweepResult) => void, signal?: AbortSignal): Promise<SweepResult[]> {
    return this.mapVia((api, chunk) => api.runMany(chunk), specs, onProgress, signal);
  }

  /** Like map, for the Stability lab's scalar jobs (GD runs with the lab's own stop rules, bifurcation columns). */
  async mapStability(jobs: StabilityJob[], onProgress?: (done: number, total: number, index: number, result: StabilityJobResult) => void, signal?: AbortSignal): Promise<StabilityJobResult[]> {
    return this.mapVia((api, chunk) => api.runStabilityMany(chunk), jobs, onProgress, signal);
  }

  private async mapVia<T, R>(call: (api: Comlink.Remote<SweepApi>, chunk: T[]) => Promise<R[]>, specs: T[], onProgress?: (done: number, total: number, index: number, result: R) => void, signal?: AbortSignal): Promise<R[]> {
    this.ensure();
    const results: R[] = new Array(specs.length);
    const chunk = Math.max(1, Math.ceil(specs.length / (8 * this.workers.length)));
    let next = 0;
    let done = 0;
    const lane = async (api: Comlink.Remote<SweepApi>) => {
      while (next < specs.length && !signal?.aborted) {
        const from = next;
        next = Math.min(specs.length, from + chunk);
        const out = await call(api, specs.slice(from, next));
        out.forEach((r, k) => {
          results[from + k] = r;
          done++;
          onProgress?.(done, specs.length, from + k, r);
        });
      }
    };
    await Promise.all(this.workers.map((w) => lane(w.api)));
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
  return (shared ??= new WorkerPool());
}
