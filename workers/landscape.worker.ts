/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { computeGrid, type GridRequest } from './landscape-core';

// Landscape grids, off the main thread.
Comlink.expose({
  async grid(req: GridRequest) {
    const r = await computeGrid(req);
    return Comlink.transfer(r, [r.values.buffer]);
  },
});
