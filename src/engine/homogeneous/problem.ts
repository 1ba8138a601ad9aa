import { activeUnits, kktResidual, ncfFlowLimit, predictEscape } from './ncf';
import { Dopri5 } from '../core/integrators/ode';
import type { ParamBlock, Problem } from '../core/problem';
import { norm } from './data';
import { FeedForward } from './ff';
import { Toy } from './toy';
import type { HomogeneousModel } from './types';
import { pow } from '../core/det-math';
import { zeroedIndices } from './zero';

/** Scalars the lab predicts before a run (views.pred, in this order). */
export const PRED_KEYS = ['Lh', 'L0', 'delta', 'Nstar', 'kktRes', 'Tblow', 'c', 'tEscW0', 'tEscWstar', 'saddleLoss', 'nActive', 'nUnits', 'ncfConverged', 'saddleBalance'] as const;
export type PredKey = (typeof PRED_KEYS)[number];
export type Predictions = Record<PredKey, number>;

export const BASE_METRICS = ['norm', 'ncf', 'cosStar', 'kktRes', 'sparsity', 'consDrift'] as const;
export const unitMetric = (label: string) => `unit:${label}`;

export interface SaddlesAnalysis {
  model: HomogeneousModel;
  delta: number;
  /** Unit initial direction. */
  w0: Float64Array;
  /** Unit KKT direction the NCF flow from w0 converges to. */
  wstar: Float64Array;
  active: boolean[];
  pred: Predictions;
}

/**
 * The first saddle predicted from w*: gradient flow of the sub-network of the units active in w*, started at
 * delta times w* restricted to them, run until it settles after escaping (docs/labs/saddles.md Sec. 3.2, oracle 9). Returns the
 * loss there and, for two-layer nets, ||a||^2 / v^2 of the strongest neuron.
 */
export function restrictedSaddle(
  model: HomogeneousModel,
  wstar: Float64Array,
  active: boolean[],
  delta: number,
  tEsc: number,
): { loss: number; balance: number; converged: boolean; theta: Float64Array } {
  let sub: HomogeneousModel;
  let start: Float64Array;
  let embed: (s: Float64Array) => Float64Array;
  if (model instanceof FeedForward) {
    const s = model.subnetwork(active);
    sub = s.model;
    start = s.restrict(wstar);
    embed = s.embed;
  } else {
    sub = model;
    start = Float64Array.from(wstar, (v, k) => (active[k] ? v : 0));
    embed = (x) => x;
  }
  for (let i = 0; i < start.length; i++) start[i] *= delta;
  const L0 = sub.loss(new Float64Array(sub.n));
  const g = new Float64Array(sub.n);
  const sys = {
    n: sub.n,
    f(_t: number, y: Float64Array, dy: Float64Array) {
      sub.grad(y, dy);
      for (let i = 0; i < dy.length; i++) dy[i] = -dy[i];
    },
  };
  const st = new Dopri5(sys, 0, start, { rtol: 1e-11, atol: 1e-15 * delta });
  const tMax = Number.isFinite(tEsc) ? 50 * tEsc + 200 : 1e6;
  let converged = false;
  for (let k = 0; k < 20_000 && st.t < tMax; k++) {
    if (!st.step(tMax).ok) break;
    const L = sub.grad(st.y, g);
    if (L <= 0.99 * L0 && norm(g) * norm(st.y) < 1e-9 * Math.max(L, 1e-300)) {
      converged = true;
      break;
    }
  }
  const theta = embed(st.y);
  let balance = NaN;
  if (model instanceof FeedForward && model.depth === 2) {
    let best = -1;
    for (const u of model.units) {
      let a2 = 0;
      for (const k of u.inIdx) a2 += theta[k] * theta[k];
      const v2 = pow(theta[u.outIdx[0]], 2);
      if (a2 + v2 > best) {
        best = a2 + v2;
        balance = a2 / v2;
      }
    }
  }
  return { loss: sub.loss(st.y), balance, converged, theta };
}

/**
 * NCF limit, active units and every prediction from a unit initial direction w0 and scale delta (no training).
 * Neurons named in `zero` start at exactly 0: the run then starts at delta' w0' with w0' the unit direction of
 * what is left and delta' = delta ||left||.
 */
export function analyseStart(model: HomogeneousModel, w0: Float64Array, delta0: number, zero: readonly string[] = []): SaddlesAnalysis {
  let delta = delta0;
  if (zero.length > 0) {
    for (const k of zeroedIndices(model, zero)) w0[k] = 0;
    const r = norm(w0);
    if (!(r > 0)) throw new Error('init.zeroNeurons: zeroing these neurons leaves w(0) = 0');
    for (let i = 0; i < w0.length; i++) w0[i] /= r;
    delta *= r;
  }
  // ReLU-type activations (p = 1, alpha < 1) have kinks: the NCF flow's residual stalls instead of vanishing
  const kinked = model instanceof FeedForward && model.p === 1 && model.alpha !== 1;
  const lim = ncfFlowLimit(model, w0, kinked ? { patience: 250 } : {});
  const active = activeUnits(model, lim.u);
  const esc = predictEscape(model.Lh, lim.N, delta, lim.Tblow, lim.c);
  const L0 = model.loss(new Float64Array(model.n));
  let saddle = { loss: NaN, balance: NaN };
  if (lim.N > 0 && active.some((a) => !a)) saddle = restrictedSaddle(model, lim.u, active, delta, esc.fromWstar);
  const pred: Predictions = {
    Lh: model.Lh,
    L0,
    delta,
    Nstar: lim.N,
    kktRes: lim.residual,
    Tblow: lim.Tblow,
    c: lim.c,
    tEscW0: esc.fromW0,
    tEscWstar: esc.fromWstar,
    saddleLoss: saddle.loss,
    nActive: active.filter(Boolean).length,
    nUnits: active.length,
    ncfConverged: lim.converged ? 1 : 0,
    saddleBalance: saddle.balance,
  };
  return { model, delta, w0, wstar: lim.u, active, pred };
}

/**
 * The Problem a saddles run trains: the model's loss and gradient plus the lab's metrics (docs/labs/saddles.md Sec. 2.5):
 * ||w||, N(w/||w||), cos(w, w*), KKT residual, sparsity ||w_z||/||w|| over the units inactive in w*, the drift
 * of the conserved c_(l,j) relative to each neuron's energy, and every unit's norm.
 */
export class SaddlesProblem implements Problem {
  readonly n: number;
  readonly blocks: readonly ParamBlock[];
  readonly metricNames: string[];
  private readonly model: HomogeneousModel;
  private readonly zeroMask: Uint8Array;
  private readonly c0: Float64Array;
  private readonly scratch: Float64Array;
  private readonly gp: Float64Array;
  private readonly gm: Float64Array;
  private readonly predView: Float64Array;
  private readonly activeView: Float64Array;
  private readonly wstarView: Float64Array;

  constructor(
    readonly analysis: SaddlesAnalysis,
    theta0: Float64Array,
  ) {
    const model = analysis.model;
    this.model = model;
    this.n = model.n;
    this.blocks = model.blocks;
    this.metricNames = [...BASE_METRICS, ...model.units.map((u) => unitMetric(u.label))];
    this.zeroMask = new Uint8Array(model.n);
    model.units.forEach((u, j) => {
      if (analysis.active[j]) return;
      for (const k of u.inIdx) this.zeroMask[k] = 1;
      for (const k of u.outIdx) this.zeroMask[k] = 1;
    });
    this.c0 = new Float64Array(model.units.length);
    model.units.forEach((u, j) => (this.c0[j] = this.conserved(theta0, u.inIdx, u.outIdx)[0]));
    this.scratch = new Float64Array(model.n);
    this.gp = new Float64Array(model.n);
    this.gm = new Float64Array(model.n);
    this.predView = Float64Array.from(PRED_KEYS, (k) => analysis.pred[k]);
    this.activeView = Float64Array.from(analysis.active, (a) => (a ? 1 : 0));
    this.wstarView = Float64Array.from(analysis.wstar);
  }

  /** [c, energy] = [||in||^2 - p ||out||^2, ||in||^2 + p ||out||^2]. */
  private conserved(theta: Float64Array, inIdx: Int32Array, outIdx: Int32Array): [number, number] {
    let a = 0;
    let b = 0;
    for (const k of inIdx) a += theta[k] * theta[k];
    for (const k of outIdx) b += theta[k] * theta[k];
    const p = this.model.p;
    return [a - p * b, a + p * b];
  }

  loss(theta: Float64Array): number {
    return this.model.loss(theta);
  }

  grad(theta: Float64Array, g: Float64Array): number {
    return this.model.grad(theta, g);
  }

  /**
   * Hessian for the stiff solver: exact for the toys; for networks by central differences of the exact
   * gradient with h scaled to ||w|| (docs/labs/saddles.md Sec. 3.1, fallback), symmetrised.
   */
  hess(theta: Float64Array, out: Float64Array): void {
    const n = this.n;
    out.fill(0);
    if (this.model instanceof Toy) {
      const d = new Float64Array(2);
      this.model.hessDiag(theta, d);
      out[0] = d[0];
      out[3] = d[1];
      return;
    }
    const h = 1e-5 * Math.max(norm(theta), 1e-12);
    const x = Float64Array.from(theta);
    for (let j = 0; j < n; j++) {
      const xj = x[j];
      x[j] = xj + h;
      this.model.grad(x, this.gp);
      x[j] = xj - h;
      this.model.grad(x, this.gm);
      x[j] = xj;
      for (let i = 0; i < n; i++) out[i * n + j] = (this.gp[i] - this.gm[i]) / (2 * h);
    }
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const s = 0.5 * (out[i * n + j] + out[j * n + i]);
        out[i * n + j] = s;
        out[j * n + i] = s;
      }
  }

  metrics(theta: Float64Array, out: Float64Array): void {
    const w = norm(theta);
    const { N, residual } = w > 0 ? kktResidual(this.model, theta, this.scratch) : { N: NaN, residual: NaN };
    let dot = 0;
    let z = 0;
    const ws = this.analysis.wstar;
    for (let i = 0; i < theta.length; i++) {
      dot += theta[i] * ws[i];
      if (this.zeroMask[i]) z += theta[i] * theta[i];
    }
    out[0] = w;
    out[1] = N;
    out[2] = w > 0 ? dot / w : NaN;
    out[3] = residual;
    out[4] = w > 0 ? Math.sqrt(z) / w : NaN;
    let drift = this.model.hasConservation ? 0 : NaN;
    const units = this.model.units;
    for (let j = 0; j < units.length; j++) {
      const u = units[j];
      const [c, e] = this.conserved(theta, u.inIdx, u.outIdx);
      if (this.model.hasConservation && e > 0) drift = Math.max(drift, Math.abs(c - this.c0[j]) / e);
      let s = 0;
      for (const k of u.inIdx) s += theta[k] * theta[k];
      for (const k of u.outIdx) s += theta[k] * theta[k];
      out[BASE_METRICS.length + j] = Math.sqrt(s);
    }
    out[5] = drift;
  }

  views(): Record<string, Float64Array> {
    // wstar lets the page build the restricted first-saddle run (the sub-network active in w*, from delta w*)
    return { pred: this.predView.slice(), active: this.activeView.slice(), wstar: this.wstarView.slice() };
  }
}

export function predictionsOf(view: Float64Array | undefined): Predictions | null {
  if (!view) return null;
  const out = {} as Predictions;
  PRED_KEYS.forEach((k, i) => (out[k] = view[i]));
  return out;
}
