/**
 * SVG path data for a polyline in pixels, clipped to a box. A landscape's reference lines run far past the plot (the
 * diagonals to a = ±1e3, the minima hyperbola to b = Φ/a near a = 0): drawn unclipped, a dashed line 1e5 px long is
 * tens of thousands of dashes that the compositor re-rasterises at every frame the overlay layer changes.
 * Non-finite points break the line. Liang–Barsky per segment.
 */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function clippedPolylineD(X: (i: number) => number, Y: (i: number) => number, n: number, box: Box): string {
  let out = '';
  let pen = false;
  let px = Number.NaN;
  let py = Number.NaN;
  for (let i = 0; i < n; i++) {
    const x = X(i);
    const y = Y(i);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      px = Number.NaN;
      continue;
    }
    if (Number.isFinite(px)) {
      // thinned to the pixel grid: a point within half a pixel of the last one kept adds nothing to see (a long run
      // has tens of thousands of them), except the last point of all
      if (Math.abs(x - px) < 0.5 && Math.abs(y - py) < 0.5 && i < n - 1) continue;
      if (clip(px, py, x, y, box)) {
        // a segment that enters the box, or the first drawn one, starts a new subpath
        if (!pen || T0 !== 0) out += `M${f(px + T0 * (x - px))},${f(py + T0 * (y - py))}`;
        out += `L${f(px + T1 * (x - px))},${f(py + T1 * (y - py))}`;
        pen = T1 === 1;
      } else pen = false;
    }
    px = x;
    py = y;
  }
  return out;
}

const f = (v: number) => v.toFixed(1);

/** The parameter interval [t0, t1] of the segment p -> q inside the box, or null when it misses it. */
export function clipSegment(px: number, py: number, qx: number, qy: number, b: Box): [number, number] | null {
  return clip(px, py, qx, qy, b) ? [T0, T1] : null;
}

/** clip's interval (module state: it runs once per segment of every drawn path, and allocates nothing). */
let T0 = 0;
let T1 = 1;

/** Liang–Barsky: whether p -> q meets the box, its interval in T0, T1. */
function clip(px: number, py: number, qx: number, qy: number, b: Box): boolean {
  T0 = 0;
  T1 = 1;
  const dx = qx - px;
  const dy = qy - py;
  return edge(-dx, px - b.x0) && edge(dx, b.x1 - px) && edge(-dy, py - b.y0) && edge(dy, b.y1 - py);
}

/** One edge of the box: narrows [T0, T1] to where the segment is on the inner side; false when nothing is left. */
function edge(p: number, q: number): boolean {
  if (p === 0) return q >= 0;
  const r = q / p;
  if (p < 0) {
    if (r > T1) return false;
    if (r > T0) T0 = r;
  } else {
    if (r < T0) return false;
    if (r < T1) T1 = r;
  }
  return true;
}
