/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { computeBifurcation, computeGrid, type BifurcationRequest, type GridRequest } from './landscape-core';

// Landscape grids (and the bifurcation density of the Stability lab), off the main thread.
Comlink.expose({
  grid(req: GridRequest) {
    const r = computeGrid(req);
    return Comlink.transfer(r, [r.values.buffer]);
  },
  bifurcation(req: BifurcationRequest) {
    const r = computeBifurcation(req);
    return Comlink.transfer(r, [r.values.buffer]);
  },
});
