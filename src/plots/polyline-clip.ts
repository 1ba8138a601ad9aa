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
      const seg = clipSegment(px, py, x, y, box);
      if (seg) {
        // a segment that enters the box, or the first drawn one, starts a new subpath
        if (!pen || seg[0] !== 0) out += `M${f(px + seg[0] * (x - px))},${f(py + seg[0] * (y - py))}`;
        out += `L${f(px + seg[1] * (x - px))},${f(py + seg[1] * (y - py))}`;
        pen = seg[1] === 1;
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
  let t0 = 0;
  let t1 = 1;
  const dx = qx - px;
  const dy = qy - py;
  const edges: [number, number][] = [
    [-dx, px - b.x0],
    [dx, b.x1 - px],
    [-dy, py - b.y0],
    [dy, b.y1 - py],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return [t0, t1];
}
