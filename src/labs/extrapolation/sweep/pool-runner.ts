import { sharedPool } from '../../../state/worker-pool';
import { extrapolationCore } from '../core';
import type { ExtrapolationSpec } from '../schema';
import type { PointResult } from '../sweeps';
import { estimateRunMs } from './cost';

/**
 * Runs point specs of the Extrapolation lab across the shared worker pool (the core's `sweepPoint` job: one spec to
 * its end, scored), reporting each result as it arrives.
 *
 * The pool hands out chunks of about n / (8 workers) specs; a cancelled map returns once the chunks in flight are
 * back. Cheap runs (diagonal students, a few ms each) go in one map, so the chunks save message round trips. Runs
 * whose chunks would take longer than CHUNK_MS go in batches of 8 x workers specs, whose chunks are single runs: a
 * cancel then waits for at most one run per worker, and progress moves run by run.
 */
const CHUNK_MS = 1500;

export type OnPointResult = (index: number, result: PointResult, done: number, total: number) => void;

export async function runPointsOnPool(specs: readonly ExtrapolationSpec[], onResult: OnPointResult, signal?: AbortSignal): Promise<PointResult[]> {
  const pool = sharedPool();
  const total = specs.length;
  const results: PointResult[] = new Array(total);
  if (!total) return results;
  const meanMs = specs.reduce((s, sp) => s + estimateRunMs(sp), 0) / total;
  const chunkOfAll = Math.ceil(total / (8 * pool.size));
  const batch = meanMs * chunkOfAll <= CHUNK_MS ? total : 8 * pool.size;
  let done = 0;
  for (let from = 0; from < total; from += batch) {
    if (signal?.aborted) throw new DOMException('sweep cancelled', 'AbortError');
    const slice = specs.slice(from, from + batch);
    await pool.mapJobs<ExtrapolationSpec, PointResult>(
      extrapolationCore.id,
      'sweepPoint',
      slice as ExtrapolationSpec[],
      (_d, _t, i, result) => {
        results[from + i] = result;
        done++;
        onResult(from + i, result, done, total);
      },
      signal,
    );
  }
  return results;
}
