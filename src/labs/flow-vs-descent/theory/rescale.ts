import { pow } from '../../../engine/core/det-math';
import { Dopri5 } from '../../../engine/core/integrators/ode/dopri5';
import { lemma7Bound } from '../../../engine/flow-descent/bounds';
import type { DeepLinearNet } from '../../../engine/flow-descent/dln';
import { extremeEigenvalues } from '../../../engine/flow-descent/hessian';
import { frobenius, spectralNorm } from '../../../engine/flow-descent/norms';
import { flowSystem } from '../../../engine/flow-descent/tracking';

/**
 * Layer rescaling (Prop. 6, Lemma 7; FD-DLN3-rescale of docs/labs/flow-vs-descent.md Sec. 5.2): multiplying the
 * layers by factors whose product is 1 keeps W_{n:1}, hence f, but not the curvature. For n = 3 the spec's
 * (W_1/a^2, W_2/a^2, W_3 a^4); for any n: W_j/a^2 for j < n and W_n a^(2(n-1)).
 */
export function layerFactors(n: number, a: number): number[] {
  return Array.from({ length: n }, (_, j) => (j < n - 1 ? 1 / (a * a) : pow(a, 2 * (n - 1))));
}

export function rescaleLayers(net: DeepLinearNet, theta: Float64Array, a: number): Float64Array {
  const out = Float64Array.from(theta);
  layerFactors(net.depth, a).forEach((s, j) => {
    for (let i = net.off[j + 1]; i < net.off[j + 2]; i++) out[i] *= s;
  });
  return out;
}

export interface RescaleRow {
  a: number;
  /** f - min f (unchanged by the rescaling). */
  f: number;
  lmin: number;
  lmax: number;
  /** Lemma 7's lower bound on lmin at the rescaled point (it scales with the largest n-2 layer norms). */
  lemma7: number;
}

export function rescaleRow(net: DeepLinearNet, theta: Float64Array, a: number): RescaleRow {
  const s = rescaleLayers(net, theta, a);
  const w = net.widths;
  const norms = Array.from({ length: net.depth }, (_, j) => spectralNorm(net.layer(s, j + 1), w[j + 1], w[j]));
  const P = net.endToEnd(s);
  const G = P.map((v, i) => v - net.lam[i]);
  const { lmin, lmax } = extremeEigenvalues(net, s);
  return { a, f: net.loss(s) - net.minLoss, lmin, lmax, lemma7: lemma7Bound(norms, w[0], w[net.depth], frobenius(G)) };
}

/** The flow's point at time t (Dopri5, rtol 1e-10 as the run's reference flow). */
export function flowPointAt(net: DeepLinearNet, theta0: Float64Array, t: number, rtol = 1e-10, atol = 1e-12): Float64Array {
  if (t <= 0) return Float64Array.from(theta0);
  const solver = new Dopri5(flowSystem(net, false), 0, theta0, { rtol, atol });
  while (solver.t < t) {
    const out = solver.step(t);
    if (!out.ok) throw new Error(`the flow failed before t = ${t} (${out.reason})`);
  }
  return Float64Array.from(solver.y);
}
