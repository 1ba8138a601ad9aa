/**
 * The landscape's contour rings and level choices, without the DOM: the landscape worker computes the rings (d3-contour
 * over a 200 x 200 grid took 150 ms of the page's thread each time a grid arrived) and tests call the same code.
 */
import { contours } from 'd3';

/** A scalar field sampled at cell centres: values[j * nx + i] at x = x0 + (i + 0.5) dx, y = y1 - (j + 0.5) dy. */
export interface LandscapeGrid {
  values: Float64Array;
  nx: number;
  ny: number;
  x: [number, number];
  y: [number, number];
}

/** Finite min and max of the values (null when none is finite). */
export function finiteExtent(values: ArrayLike<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Contour rings of the grid at the given levels, as polylines in data coordinates. */
export function contourLines(grid: LandscapeGrid, levels: number[]): { level: number; rings: [number, number][][] }[] {
  const { nx, ny, values } = grid;
  const clean = new Float64Array(values.length);
  const ext = finiteExtent(values) ?? [0, 1];
  for (let i = 0; i < values.length; i++) clean[i] = Number.isFinite(values[i]) ? values[i] : ext[0];
  const dx = (grid.x[1] - grid.x[0]) / nx;
  const dy = (grid.y[1] - grid.y[0]) / ny;
  // d3-contour puts sample i at coordinate i + 0.5 (cell centres), so coordinate g maps to x0 + g dx.
  const gen = contours().size([nx, ny]).thresholds(levels);
  return gen(Array.from(clean)).map((mp) => ({
    level: mp.value,
    rings: mp.coordinates.flatMap((poly) => poly.map((ring) => ring.map(([gx, gy]) => [grid.x[0] + gx * dx, grid.y[1] - gy * dy] as [number, number]))),
  }));
}

/** Whole-number levels inside the extent (at most maxLevels, thinned evenly), e.g. decades of a log10 field. */
export function integerLevels(extent: [number, number], maxLevels = 14): number[] {
  const lo = Math.ceil(extent[0]);
  const hi = Math.floor(extent[1]);
  const step = Math.max(1, Math.ceil((hi - lo + 1) / maxLevels));
  const out: number[] = [];
  for (let v = lo; v <= hi; v += step) out.push(v);
  return out;
}
