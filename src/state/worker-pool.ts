import * as Comlink from 'comlink';
import type { SweepResult } from '../../workers/sweep-core';

type SweepApi = { run(spec: unknown): SweepResult };

/**
 * A pool of sweep workers (one per core, at most 8): specs are handed to whichever worker is free, results
 * come back in input order, and onProgress reports each completion. Cancel with the AbortSignal.
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
    this.ensure();
    const results: SweepResult[] = new Array(specs.length);
    let next = 0;
    let done = 0;
    const lane = async (api: Comlink.Remote<SweepApi>) => {
      while (next < specs.length && !signal?.aborted) {
        const i = next++;
        results[i] = await api.run(specs[i]);
        done++;
        onProgress?.(done, specs.length, i, results[i]);
      }
    };
    await Promise.all(this.workers.map((w) => lane(w.api)));
    if (signal?.aborted) {
      // Workers may be mid-run: replace them rather than wait.
      this.dispose();
      throw new DOMException('sweep cancelled', 'AbortError');
    }
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
