import type { SaddlesSpec } from '../../labs/saddles/schema';
import { Rng } from '../core/rng';
import { FeedForward } from './ff';
import { Toy } from './toy';
import type { HomogeneousModel } from './types';
import { cos, pow, sin } from '../core/det-math';

/** n Gaussian points in R^d, each normalised onto the unit sphere (row-major n x d). */
export function spherePoints(rng: Rng, n: number, d: number): Float64Array {
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let m = 0; m < d; m++) {
      const g = rng.gauss();
      X[i * d + m] = g;
      s += g * g;
    }
    const r = Math.sqrt(s) || 1;
    for (let m = 0; m < d; m++) X[i * d + m] /= r;
  }
  return X;
}

/** The shared 2-D data of lab spec 5.2: x_i = (cos(i pi/8), sin(i pi/8)), y_i = (u1.x)^2 + (u2.x)^2 / 2. */
export function circle8(): { X: Float64Array; y: Float64Array } {
  const X = new Float64Array(16);
  const y = new Float64Array(8);
  const u2 = [0.5, Math.sqrt(3) / 2];
  for (let i = 0; i < 8; i++) {
    const c = cos((i * Math.PI) / 8);
    const s = sin((i * Math.PI) / 8);
    X[2 * i] = c;
    X[2 * i + 1] = s;
    y[i] = c * c + 0.5 * pow(u2[0] * c + u2[1] * s, 2);
  }
  return { X, y };
}

/** The model (with its data) of a saddles spec. */
export function buildModel(spec: Pick<SaddlesSpec, 'model' | 'data' | 'loss'>): HomogeneousModel {
  const { model, data } = spec;
  if (model.kind === 'toy') {
    if (data.kind !== 'toy') throw new Error('the toy model needs the toy data');
    return new Toy(model.Lh, data.y, spec.loss);
  }
  const depth = model.widths.length + 1;
  if (data.kind === 'single') {
    if (model.d !== 1) throw new Error('the single data point x = 1 needs d = 1');
    return new FeedForward({ dims: [1, ...model.widths, 1], p: model.p, alpha: model.alpha, X: Float64Array.of(1), y: Float64Array.of(data.y), loss: spec.loss });
  }
  if (data.kind === 'circle8') {
    const { X, y } = circle8();
    return new FeedForward({ dims: [2, ...model.widths, 1], p: model.p, alpha: model.alpha, X, y, loss: spec.loss });
  }
  if (data.kind !== 'sphere') throw new Error('a feed-forward net needs sphere, circle8 or single data');
  const d = model.d;
  const X = spherePoints(new Rng(data.seed), data.n, d);
  // Teacher: same depth and activation, teacherWidth neurons per hidden layer, N(0, 1) entries.
  const tdims = [d, ...Array.from({ length: depth - 1 }, () => data.teacherWidth), 1];
  const teacher = new FeedForward({ dims: tdims, p: model.p, alpha: model.alpha, X, y: new Float64Array(data.n), loss: 'sq-sum' });
  const tr = new Rng(data.teacherSeed);
  const tw = Float64Array.from({ length: teacher.n }, () => tr.gauss());
  if (data.teacherNonneg) {
    for (let l = 2; l < depth; l++) {
      const off = teacher.offset(l);
      for (let k = 0; k < tdims[l] * tdims[l - 1]; k++) tw[off + k] = Math.abs(tw[off + k]);
    }
  }
  if (data.teacherNorm === 'joint' && depth > 1) {
    const from = teacher.offset(2);
    let s = 0;
    for (let k = from; k < teacher.n; k++) s += tw[k] * tw[k];
    const r = Math.sqrt(s) || 1;
    for (let k = from; k < teacher.n; k++) tw[k] /= r;
  }
  const y = new Float64Array(data.n);
  teacher.outputs(tw, y);
  for (let i = 0; i < y.length; i++) y[i] *= data.labelScale;
  return new FeedForward({ dims: [d, ...model.widths, 1], p: model.p, alpha: model.alpha, X, y, loss: spec.loss });
}

/** Paper-style initial direction: i.i.d. N(0, 1) entries, normalised jointly over all layers. */
export function randomDirection(seed: number, n: number): Float64Array {
  const rng = new Rng(seed);
  return normalise(Float64Array.from({ length: n }, () => rng.gauss()));
}

export function norm(w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * w[i];
  return Math.sqrt(s);
}

export function normalise(w: Float64Array): Float64Array {
  const r = norm(w);
  if (r > 0) for (let i = 0; i < w.length; i++) w[i] /= r;
  return w;
}
