/** A plane sampled at the cell centres of an nx x ny grid over an x/y domain (row 0 at the top, y = y[1]). */
export interface GridDomain {
  x: [number, number];
  y: [number, number];
  nx: number;
  ny: number;
}

export interface GridResult extends GridDomain {
  values: Float64Array;
  ms: number;
}

export function sampleGrid(f: (x: number, y: number) => number, g: GridDomain): GridResult {
  const t0 = performance.now();
  const { nx, ny } = g;
  const [x0, x1] = g.x;
  const [y0, y1] = g.y;
  const dx = (x1 - x0) / nx;
  const dy = (y1 - y0) / ny;
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = y1 - (j + 0.5) * dy;
    for (let i = 0; i < nx; i++) values[j * nx + i] = f(x0 + (i + 0.5) * dx, y);
  }
  return { values, nx, ny, x: [x0, x1], y: [y0, y1], ms: performance.now() - t0 };
}
