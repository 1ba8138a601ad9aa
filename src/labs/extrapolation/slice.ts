import { log10 } from '../../engine/core/det-math';
import { sampleGrid } from '../../engine/core/grid';
import { Rng } from '../../engine/core/rng';
import { buildExtrapolation } from './build';
import type { ExtrapolationSpec } from './schema';

/**
 * Plot 9 of docs/labs/extrapolation.md Sec. 8: the training loss on a 2-D slice through the current parameters,
 * theta* + x d1 + y d2, along two coordinates (e.g. (a_i, a_j) or (a_i, b_i)) or two seeded random orthonormal
 * directions, with the recorded trajectory projected onto it. A pool job: plain data in and out. An empirical loss
 * is sliced as its population counterpart (a fresh batch per point would make the surface noise).
 */
export interface SliceRequest {
  spec: ExtrapolationSpec;
  /** The point the slice passes through (the run's current or final parameters). */
  theta: number[];
  /**
   * Recorded parameter vectors along the run (thinned), projected onto the slice: row after row, each theta.length
   * long, in one typed array (a 300 x 2600 path as nested arrays took 40 ms to build and as long to post).
   */
  path: Float64Array;
  directions: { kind: 'axes'; i: number; j: number } | { kind: 'random'; seed: number };
  /** Grid points per side. */
  n: number;
}

export interface SliceResult {
  x: [number, number];
  y: [number, number];
  nx: number;
  ny: number;
  /** log10 of the loss on the landscape grid's cells (sampleGrid's layout). */
  values: Float64Array;
  path: { x: number[]; y: number[] };
  /** The loss at the slice's centre (the point itself). */
  center: number;
}

/** The loss of a slice: the spec's own, or the population counterpart of an empirical one. */
export function sliceSpec(spec: ExtrapolationSpec): ExtrapolationSpec {
  const { loss } = spec.training;
  if (loss !== 'empirical' && loss !== 'empirical-acc') return spec;
  const { empirical: _dropped, ...training } = spec.training;
  return { ...spec, training: { ...training, loss: loss === 'empirical' ? 'population' : 'accumulating' } };
}

function unit(n: number, rng: Rng): Float64Array {
  const v = Float64Array.from({ length: n }, () => rng.gauss());
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

/** Two orthonormal directions: coordinate axes i and j, or two seeded Gaussian vectors (Gram-Schmidt). */
export function sliceDirections(n: number, d: SliceRequest['directions']): [Float64Array, Float64Array] {
  if (d.kind === 'axes') {
    if (!(d.i >= 0 && d.i < n && d.j >= 0 && d.j < n && d.i !== d.j)) throw new RangeError(`slice axes ${d.i}, ${d.j} must be two different indices below ${n}`);
    const e1 = new Float64Array(n);
    const e2 = new Float64Array(n);
    e1[d.i] = 1;
    e2[d.j] = 1;
    return [e1, e2];
  }
  const rng = new Rng(d.seed);
  const u = unit(n, rng);
  const v = unit(n, rng);
  const p = v.reduce((s, x, k) => s + x * u[k], 0);
  const w = v.map((x, k) => x - p * u[k]);
  const wn = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
  return [u, w.map((x) => x / wn)];
}

export function lossSlice(req: SliceRequest): SliceResult {
  const { problem } = buildExtrapolation(sliceSpec(req.spec));
  const n = problem.n;
  if (req.theta.length !== n) throw new RangeError(`the slice needs ${n} parameters, got ${req.theta.length}`);
  const [d1, d2] = sliceDirections(n, req.directions);
  const center = Float64Array.from(req.theta);
  // the projected path: coordinates of theta(t) - theta* along d1, d2
  const path = { x: [] as number[], y: [] as number[] };
  if (req.path.length % n !== 0) throw new RangeError(`the slice's path must hold whole rows of ${n} parameters, got ${req.path.length} values`);
  for (let row = 0; row < req.path.length; row += n) {
    let px = 0;
    let py = 0;
    for (let k = 0; k < n; k++) {
      const p = req.path[row + k] - center[k];
      px += p * d1[k];
      py += p * d2[k];
    }
    path.x.push(px);
    path.y.push(py);
  }
  // The window holds the path and at least +-max(0.5, |theta*| along each direction) around the point.
  const along = (d: Float64Array) => Math.abs(center.reduce((s, x, k) => s + x * d[k], 0));
  const half = (xs: number[], d: Float64Array) => 1.1 * Math.max(0.5, along(d), ...xs.map(Math.abs));
  const hx = half(path.x, d1);
  const hy = half(path.y, d2);
  const size = Math.max(2, Math.min(200, Math.floor(req.n)));
  const th = new Float64Array(n);
  const grid = sampleGrid(
    (x, y) => {
      for (let k = 0; k < n; k++) th[k] = center[k] + x * d1[k] + y * d2[k];
      return log10(Math.max(problem.loss(th), 1e-300));
    },
    { x: [-hx, hx], y: [-hy, hy], nx: size, ny: size },
  );
  return { x: [-hx, hx], y: [-hy, hy], nx: size, ny: size, values: grid.values, path, center: problem.loss(center) };
}
