/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { contourLines, type LandscapeGrid } from '../src/plots/contour-lines';
import { computeGrid, type GridRequest } from './landscape-core';

// Landscape grids and their contour rings, off the main thread.
Comlink.expose({
  async grid(req: GridRequest) {
    const r = await computeGrid(req);
    return Comlink.transfer(r, [r.values.buffer]);
  },
  contours(grid: LandscapeGrid, levels: number[]) {
    return contourLines(grid, levels);
  },
});
