/**
 * Drawing helpers of the landscape plot: the heatmap image of a grid (perceptually uniform, colour-blind-safe
 * viridis), contour paths in data coordinates, and "nice" contour levels. DOM use is limited to canvases.
 */
import { contours, interpolateViridis, rgb, scaleSequential } from 'd3';

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

export type ColorScheme = (t: number) => string;

/** One pixel per cell; non-finite cells are transparent. */
export function gridImage(grid: LandscapeGrid, domain: [number, number], scheme: ColorScheme = interpolateViridis): HTMLCanvasElement {
  const { nx, ny, values } = grid;
  const canvas = document.createElement('canvas');
  canvas.width = nx;
  canvas.height = ny;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(nx, ny);
  const lut = colorLut(scheme);
  const [lo, hi] = domain;
  const span = hi - lo || 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const o = 4 * i;
    if (!Number.isFinite(v)) {
      img.data[o + 3] = 0;
      continue;
    }
    const k = Math.max(0, Math.min(255, Math.round(((v - lo) / span) * 255)));
    img.data[o] = lut[3 * k];
    img.data[o + 1] = lut[3 * k + 1];
    img.data[o + 2] = lut[3 * k + 2];
    img.data[o + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

/** A 256-level lookup table of a colour scheme (r, g, b per level): one colour parse per level, not per cell. */
export function colorLut(scheme: ColorScheme = interpolateViridis): Uint8ClampedArray {
  const hit = LUTS.get(scheme);
  if (hit) return hit;
  const lut = new Uint8ClampedArray(256 * 3);
  for (let k = 0; k < 256; k++) {
    const c = rgb(scheme(k / 255));
    lut[3 * k] = c.r;
    lut[3 * k + 1] = c.g;
    lut[3 * k + 2] = c.b;
  }
  LUTS.set(scheme, lut);
  return lut;
}
const LUTS = new Map<ColorScheme, Uint8ClampedArray>();

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

export const viridis = scaleSequential(interpolateViridis);
