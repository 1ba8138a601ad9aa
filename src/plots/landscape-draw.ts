/**
 * Drawing helpers of the landscape plot: the heatmap image of a grid (perceptually uniform, colour-blind-safe
 * viridis). DOM use is limited to canvases; the contours and levels are in contour-lines.ts (also the worker's).
 */
import { geoPath, geoTransform, interpolateViridis, rgb, scaleSequential } from 'd3';
import type { contourLines, LandscapeGrid } from './contour-lines';

export { contourLines, finiteExtent, integerLevels, type LandscapeGrid } from './contour-lines';

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

export const viridis = scaleSequential(interpolateViridis);

/** Contour rings (in data coordinates) as SVG path data in pixels, one path per level. */
export function contourPaths(set: ReturnType<typeof contourLines>, sx: (x: number) => number, sy: (y: number) => number): { level: number; d: string }[] {
  const toPixels = geoPath(
    geoTransform({
      point(x: number, y: number) {
        this.stream.point(sx(x), sy(y));
      },
    }),
  );
  return set.map((c) => ({ level: c.level, d: toPixels({ type: 'MultiLineString', coordinates: c.rings }) ?? '' }));
}
