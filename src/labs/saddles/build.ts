import { Rng } from '../../engine/core/rng';
import { circle8, normalise, randomDirection, spherePoints } from '../../engine/homogeneous/data';
import { FeedForward } from '../../engine/homogeneous/ff';
import { projectedGradientAscent } from '../../engine/homogeneous/ncf';
import { analyseStart, SaddlesProblem, type SaddlesAnalysis } from '../../engine/homogeneous/problem';
import { Toy } from '../../engine/homogeneous/toy';
import type { HomogeneousModel } from '../../engine/homogeneous/types';
import type { SaddlesSpec } from './schema';

/** The Saddles lab's spec -> engine adapter: the model with its data, the initial direction, the problem. */

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

/** Initial direction, NCF limit, active units and every prediction of a saddles spec (no training). */
export function analyseSaddles(spec: SaddlesSpec, model = buildModel(spec)): SaddlesAnalysis {
  const dir = spec.init.dir;
  let w0: Float64Array;
  if (dir.kind === 'explicit') w0 = normalise(Float64Array.from(dir.w0));
  else if (dir.kind === 'kkt') w0 = projectedGradientAscent(model, randomDirection(spec.seed, model.n), dir.step, dir.steps).u;
  else w0 = randomDirection(spec.seed, model.n);
  return analyseStart(model, w0, spec.init.delta, spec.init.zeroNeurons ?? []);
}

/** Everything a saddles run starts from: the problem (with its predictions) and w(0) = delta w0. */
export function buildSaddles(spec: SaddlesSpec): { problem: SaddlesProblem; theta0: Float64Array } {
  const analysis = analyseSaddles(spec);
  const theta0 = Float64Array.from(analysis.w0, (v) => v * analysis.delta);
  return { problem: new SaddlesProblem(analysis, theta0), theta0 };
}
