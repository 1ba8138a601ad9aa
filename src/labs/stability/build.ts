import { dataFit, type StabilitySpec } from './schema';
import type { Problem } from '../../engine/core/problem';
import { Rng } from '../../engine/core/rng';
import { StabilityModel } from '../../engine/stability/stability';

/** Initial (a, b) of a stability spec: explicit, or a seeded draw of total scale `scale` with a structure. */
export function initialAB(spec: StabilitySpec): { a: Float64Array; b: Float64Array } {
  const { d } = spec.model;
  const init = spec.init;
  if (init.kind === 'explicit') return { a: Float64Array.from(init.a), b: Float64Array.from(init.b) };
  const rng = new Rng(spec.seed);
  const s = init.scale / Math.sqrt(d);
  const a = new Float64Array(d);
  const b = new Float64Array(d);
  for (let i = 0; i < d; i++) a[i] = s * rng.gauss();
  for (let i = 0; i < d; i++) b[i] = s * rng.gauss();
  if (init.structure === 'orthogonal') {
    // Remove from b its component along a (a^T b = 0; needs d > 1 to leave anything).
    let ab = 0;
    let aa = 0;
    for (let i = 0; i < d; i++) (ab += a[i] * b[i]), (aa += a[i] * a[i]);
    for (let i = 0; i < d; i++) b[i] -= (ab / aa) * a[i];
  } else if (init.structure === 'balanced' || init.structure === 'anti') {
    const sign = init.structure === 'balanced' ? 1 : -1;
    for (let i = 0; i < d; i++) b[i] = sign * a[i] + 0.1 * b[i];
  }
  return { a, b };
}

export function buildStability(spec: StabilitySpec): { problem: Problem; theta0: Float64Array } {
  const { a, b } = initialAB(spec);
  const d = spec.model.d;
  const theta0 = new Float64Array(2 * d);
  theta0.set(a, 0);
  theta0.set(b, d);
  // Data mode: the run loop's GD step lr on s L is the lab's eta_eff = s lr on L.
  const s = spec.model.data ? dataFit(spec.model.data).s : 1;
  return { problem: new StabilityModel(d, spec.model.phi, theta0, s), theta0 };
}
