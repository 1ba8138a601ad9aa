import * as Comlink from 'comlink';
import { useEffect, useState } from 'react';
import type { GridRequest, GridResult } from '../../workers/landscape-core';

export type { GridRequest, GridResult } from '../../workers/landscape-core';

type LandscapeApi = {
  grid(req: GridRequest): GridResult;
};

let api: Comlink.Remote<LandscapeApi> | null = null;
/** The one landscape worker, created on first use. */
export function landscapeWorker(): Comlink.Remote<LandscapeApi> {
  if (!api) {
    const worker = new Worker(new URL('../../workers/landscape.worker.ts', import.meta.url), { type: 'module', name: 'landscape' });
    api = Comlink.wrap<LandscapeApi>(worker);
  }
  return api;
}

/**
 * The grid of a named field over a view, recomputed in the worker whenever the request changes; results of
 * superseded requests are dropped. Returns null until the first grid arrives; `ms` is the round trip.
 */
export function useLandscapeGrid(req: GridRequest | null): (GridResult & { roundTripMs: number }) | null {
  const [grid, setGrid] = useState<(GridResult & { roundTripMs: number }) | null>(null);
  const key = req ? JSON.stringify(req) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request is compared by value (key), not by its object
  useEffect(() => {
    if (!req) return;
    let live = true;
    const t0 = performance.now();
    void landscapeWorker()
      .grid(req)
      .then((g) => {
        if (live) setGrid({ ...g, roundTripMs: performance.now() - t0 });
      });
    return () => {
      live = false;
    };
  }, [key]);
  return grid;
}
