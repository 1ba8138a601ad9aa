import { thm3TrajectoryEtaMax } from '../../../engine/flow-descent/bounds';

/**
 * Thm 3 evaluated on the flow's own path (docs/labs/flow-vs-descent.md Sec. 3.3, erratum 8.2): m(t) = -lmin(theta(t)),
 * beta and gamma the largest |lambda| and ||grad f|| met on [0, t~]. A heuristic, not a guarantee: Thm 3 needs these
 * over the whole eps-tube around the path, not on the path alone.
 */
export interface Thm3Heuristic {
  /** eta_max(t~) at every sample time t~ (index 0: Infinity). */
  eta: Float64Array;
  beta: Float64Array;
  gamma: Float64Array;
  /** I_m(t) = int_0^t max(0, -lmin): how much negative curvature the flow has met (trapezoid). */
  im: Float64Array;
}

export function thm3Heuristic(trace: { t: Float64Array; grad: Float64Array; lmin: Float64Array; lmax: Float64Array }, eps: number, d0: number): Thm3Heuristic {
  const { t, grad, lmin, lmax } = trace;
  const len = t.length;
  const m = Float64Array.from(lmin, (l) => -l);
  // With beta = gamma = 1 the engine returns inf_t (eps - e^{M(t)} d0) / J(t); beta gamma does not depend on the inner t.
  const unit = thm3TrajectoryEtaMax(t, m, 1, 1, eps, d0);
  const eta = new Float64Array(len);
  const beta = new Float64Array(len);
  const gamma = new Float64Array(len);
  const im = new Float64Array(len);
  let b = 0;
  let c = 0;
  for (let i = 0; i < len; i++) {
    b = Math.max(b, Math.abs(lmin[i]), Math.abs(lmax[i]));
    c = Math.max(c, grad[i]);
    beta[i] = b;
    gamma[i] = c;
    eta[i] = i === 0 ? Infinity : unit[i] / (b * c);
    if (i > 0) im[i] = im[i - 1] + 0.5 * (t[i] - t[i - 1]) * (Math.max(0, -lmin[i - 1]) + Math.max(0, -lmin[i]));
  }
  return { eta, beta, gamma, im };
}

/** Value of a sampled curve at time t (linear interpolation; the last value beyond the grid). */
export function valueAt(t: ArrayLike<number>, v: ArrayLike<number>, at: number): number {
  const last = t.length - 1;
  if (at >= t[last]) return v[last];
  let i = 1;
  while (t[i] < at) i++;
  const w = (at - t[i - 1]) / (t[i] - t[i - 1]);
  return Number.isFinite(v[i - 1]) ? v[i - 1] + w * (v[i] - v[i - 1]) : v[i];
}
