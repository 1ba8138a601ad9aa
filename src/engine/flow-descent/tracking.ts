/**
 * Gradient flow and gradient descent side by side on one objective (docs/labs/flow-vs-descent.md Sec. 4): the flow,
 * with the Euler error E(t) of the error ODE dE/dt = -H (E + grad f / 2), is integrated by Dopri5, and every GD arm
 * steps in lockstep behind it; each iterate k is compared with the flow at t_k = k eta through the solver's dense
 * output (never by forcing solver steps onto the GD grid). Results come out as one row per stamp (uniform in t).
 */
import { DenseFlow, type FlowSolver } from './dense-flow';
import { HessianScratch, hvpColumns } from './hessian';
import type { OdeSystem } from '../core/integrators/ode/types';
import type { Integrator, StepResult } from '../core/integrators/types';
import { distance, norm } from './mat';
import type { Objective } from './objective';

export interface Spectrum {
  lmin: number;
  lmax: number;
}

export interface TrackingOptions {
  theta0: Float64Array;
  /** A separate GD start (Thm 3 allows it); theta0 when absent. */
  gdStart?: Float64Array;
  etas: readonly number[];
  horizon: number;
  /** Number of stamp intervals over [0, horizon]. */
  stamps: number;
  rtol: number;
  atol: number;
  /**
   * The flow's solver: explicit Dopri5 (default), the stiff Rodas4 (Jacobian from HVPs), or 'auto' (Dopri5, then
   * Rodas4 for good once its steps are stability-limited).
   */
  solver?: FlowSolver;
  /** Integrate the Euler error ODE with the flow (one HVP per stage). */
  errorOde: boolean;
  /** lmin / lmax of the Hessian at a point, or null to skip spectra (they cost n HVPs and an eigensolve). */
  spectrum: ((theta: Float64Array) => Spectrum) | null;
  /**
   * I_m by Simpson on each stamp interval (one more spectrum per stamp, at its middle); the trapezoid rule when false,
   * for large models where a spectrum costs tens of milliseconds.
   */
  simpson?: boolean;
  /** GD spectra too (dashed in the plots); only where they are cheap. */
  gdSpectrum: boolean;
  /** Model-specific scalars at a point (e.g. DLN's U, r, nu), recorded for the flow and every arm. */
  extra?: { names: readonly string[]; eval(theta: Float64Array, out: Float64Array): void };
  /** f - min f below this marks a GD arm converged (it keeps stepping to the horizon). */
  convergedBelow: number;
  /** Points kept per path for the landscape (thinned by doubling the stride); 0 for no paths. */
  pathPoints: number;
}

export const ARM_RUNNING = 0;
export const ARM_CONVERGED = 1;
export const ARM_DIVERGED = 2;

/** The per-stamp columns of the flow and of each arm, in row order (names become series names). */
export function trackingColumns(nArms: number, extraNames: readonly string[], coords: number): string[] {
  const coordNames = Array.from({ length: coords }, (_, c) => `x${c}`);
  const gf = ['f', 'grad', 'dist', 'E', 'lmin', 'lmax', 'Im', ...extraNames, ...coordNames].map((c) => `gf.${c}`);
  const arms: string[] = [];
  for (let i = 0; i < nArms; i++) {
    for (const c of ['t', 'f', 'grad', 'D', 'Deta', 'maxD', 'maxDt', 'drift', 'dist', 'lmin', 'lmax', 'status', ...extraNames, ...coordNames]) arms.push(`gd${i}.${c}`);
  }
  return [...gf, ...arms];
}

/** A path kept for drawing: at most cap points, the stride doubling whenever it fills. */
class ThinnedPath {
  private pts: number[] = [];
  private stride = 1;
  private seen = 0;
  constructor(
    private readonly dim: number,
    private readonly cap: number,
  ) {}
  push(theta: Float64Array): void {
    if (this.cap === 0) return;
    if (this.seen++ % this.stride !== 0) return;
    for (let c = 0; c < this.dim; c++) this.pts.push(theta[c]);
    if (this.pts.length / this.dim >= this.cap) {
      this.pts = this.pts.filter((_, i) => Math.floor(i / this.dim) % 2 === 0);
      this.stride *= 2;
    }
  }
  values(last: Float64Array): Float64Array {
    const out = new Float64Array(this.pts.length + this.dim);
    out.set(this.pts);
    for (let c = 0; c < this.dim; c++) out[this.pts.length + c] = last[c];
    return out;
  }
}

interface Arm {
  eta: number;
  theta: Float64Array;
  g: Float64Array;
  f: number;
  f0: number;
  k: number;
  status: number;
  D: number;
  maxD: number;
  maxDt: number;
  path: ThinnedPath;
}

export class Tracking implements Integrator {
  readonly label = 'gradient flow + GD';
  readonly columns: string[];
  readonly coords: number;
  /** The latest stamp row (columns order). */
  readonly row: Float64Array;
  readonly n: number;
  private readonly flow: DenseFlow;
  private readonly arms: Arm[];
  private readonly yDense: Float64Array;
  private readonly g: Float64Array;
  private readonly extraBuf: Float64Array;
  private readonly flowPath: ThinnedPath;
  private stamp = 0;
  private Im = 0;
  private lminPrev = NaN;
  private fFlow: number;

  constructor(
    private readonly obj: Objective,
    private readonly opts: TrackingOptions,
  ) {
    const n = obj.n;
    this.n = n;
    this.coords = n <= 3 ? n : 0;
    const extraNames = opts.extra?.names ?? [];
    this.columns = trackingColumns(opts.etas.length, extraNames, this.coords);
    this.row = new Float64Array(this.columns.length).fill(Number.NaN);
    this.extraBuf = new Float64Array(extraNames.length);
    this.g = new Float64Array(n);
    const dim = opts.errorOde ? 2 * n : n;
    this.yDense = new Float64Array(dim);
    const y0 = new Float64Array(dim);
    y0.set(opts.theta0);
    const solver = opts.solver ?? 'dopri5';
    this.flow = new DenseFlow(flowSystem(obj, opts.errorOde, solver !== 'dopri5'), y0, solver, { rtol: opts.rtol, atol: opts.atol });
    this.fFlow = obj.loss(opts.theta0) - obj.minLoss;
    this.flowPath = new ThinnedPath(this.coords, opts.pathPoints);
    const start = opts.gdStart ?? opts.theta0;
    this.arms = opts.etas.map((eta) => {
      const theta = Float64Array.from(start);
      const g = new Float64Array(n);
      const f = obj.grad(theta, g) - obj.minLoss;
      const path = new ThinnedPath(this.coords, opts.pathPoints);
      path.push(theta);
      return { eta, theta, g, f, f0: f, k: 0, status: ARM_RUNNING, D: 0, maxD: 0, maxDt: 0, path };
    });
    for (const arm of this.arms) {
      arm.D = distance(arm.theta, opts.theta0, n);
      arm.maxD = arm.D;
    }
    this.flowPath.push(opts.theta0);
    this.yDense.set(y0);
    this.takeRow(opts.theta0, opts.errorOde ? y0.subarray(n) : null, 0, Number.NaN);
  }

  /** Flow time of the latest stamp. */
  get t(): number {
    return this.stampTime(this.stamp);
  }
  /** Stamps taken (the Run's steps: one stamp is one row). */
  get steps(): number {
    return this.stamp;
  }
  get done(): boolean {
    return this.stamp >= this.opts.stamps;
  }
  /** f - min f on the flow at the latest stamp. */
  get loss(): number {
    return this.fFlow;
  }
  /** The flow's state at the latest stamp (a copy is kept in yDense). */
  get theta(): Float64Array {
    return this.yDense.subarray(0, this.n);
  }
  get solver() {
    return this.flow.counters;
  }
  /** One stamp, as the Run's step. */
  step(): StepResult {
    const failed = this.next();
    return failed ? { ok: false, reason: failed } : { ok: true };
  }
  info() {
    const s = this.solver;
    return { method: s.method, h: s.h, nfev: s.nfev, rejected: s.rejected };
  }

  /** Paths for the landscape: the flow at every accepted step and each arm's Euler polygon (thinned). */
  paths(): Record<string, Float64Array> {
    if (this.coords === 0) return {};
    const out: Record<string, Float64Array> = { 'gf.path': this.flowPath.values(this.flow.stepper.y) };
    this.arms.forEach((a, i) => (out[`gd${i}.path`] = a.path.values(a.theta)));
    return out;
  }

  /** Advances to the next stamp: null when it is taken, else why the flow failed. */
  next(): string | null {
    if (this.done) return null;
    const tPrev = this.stampTime(this.stamp);
    const tau = this.stampTime(this.stamp + 1);
    let lminMid = Number.NaN;
    if (this.opts.spectrum && this.opts.simpson !== false) {
      // I_m by Simpson on each stamp interval: the middle's state comes from the dense output as the flow passes it.
      const tm = tPrev + 0.5 * (tau - tPrev);
      const failed = this.reach(tm);
      if (failed) return failed;
      this.flow.dense(tm, this.yDense);
      lminMid = this.opts.spectrum(this.yDense.subarray(0, this.n)).lmin;
    }
    const failed = this.reach(tau);
    if (failed) return failed;
    this.advanceArms(tau);
    this.flow.dense(tau, this.yDense);
    this.stamp++;
    this.takeRow(this.yDense.subarray(0, this.n), this.opts.errorOde ? this.yDense.subarray(this.n) : null, tau - tPrev, lminMid);
    return null;
  }

  /** Steps the flow until it has passed t (arms kept in lockstep): null, or why the flow failed. */
  private reach(t: number): string | null {
    while (this.flow.stepper.t < t) {
      this.advanceArms(this.flow.stepper.t);
      const out = this.flow.step(this.opts.horizon);
      if (!out.ok) return out.reason === 'non-finite' ? 'the flow produced a non-finite value' : `the ODE step size fell below 1e-14 t at t = ${this.flow.stepper.t}`;
      if (this.flow.counters.rejected > 1e5) return `the ODE solver rejected 1e5 steps (t = ${this.flow.stepper.t})`;
      this.flowPath.push(this.flow.stepper.y);
    }
    return null;
  }

  private stampTime(s: number): number {
    return s === this.opts.stamps ? this.opts.horizon : (s * this.opts.horizon) / this.opts.stamps;
  }

  /** Steps every live arm through all iterates with t_k <= t (t inside the flow's last step). */
  private advanceArms(t: number): void {
    const { obj, n } = this;
    const ref = this.yDense;
    for (const arm of this.arms) {
      if (arm.status === ARM_DIVERGED) continue;
      // Iterate k sits at k eta; the tolerance keeps k eta0 and r k (eta0 / r) on the same stamp despite rounding.
      const kEnd = Math.floor((t / arm.eta) * (1 + 1e-12));
      while (arm.k < kEnd) {
        const { theta, g } = arm;
        for (let i = 0; i < n; i++) theta[i] -= arm.eta * g[i];
        arm.k++;
        arm.f = obj.grad(theta, g) - obj.minLoss;
        arm.path.push(theta);
        if (!(Number.isFinite(arm.f) && arm.f <= 1e6 * Math.max(arm.f0, 1e-300) && norm(theta, n) <= 1e8)) {
          arm.status = ARM_DIVERGED;
          break;
        }
        if (arm.status === ARM_RUNNING && arm.f < this.opts.convergedBelow) arm.status = ARM_CONVERGED;
        const tk = arm.k * arm.eta;
        this.flow.dense(Math.min(tk, this.flow.stepper.t), ref);
        arm.D = distance(theta, ref, n);
        if (arm.D > arm.maxD) {
          arm.maxD = arm.D;
          arm.maxDt = tk;
        }
      }
    }
  }

  /** The row of the stamp just reached (interval h before it) from the flow's state (and E), the arms' current iterates. */
  private takeRow(theta: Float64Array, E: Float64Array | null, h: number, lminMid: number): void {
    const { obj, n, row, opts } = this;
    let c = 0;
    this.fFlow = obj.grad(theta, this.g) - obj.minLoss;
    const spec = opts.spectrum ? opts.spectrum(theta) : null;
    if (spec && h > 0) {
      const ends = Math.max(0, -this.lminPrev) + Math.max(0, -spec.lmin);
      this.Im += Number.isNaN(lminMid) ? 0.5 * h * ends : (h / 6) * (ends + 4 * Math.max(0, -lminMid));
    }
    if (spec) this.lminPrev = spec.lmin;
    row[c++] = this.fFlow;
    row[c++] = norm(this.g, n);
    row[c++] = distance(theta, opts.theta0, n);
    row[c++] = E ? norm(E, n) : Number.NaN;
    row[c++] = spec ? spec.lmin : Number.NaN;
    row[c++] = spec ? spec.lmax : Number.NaN;
    row[c++] = spec ? this.Im : Number.NaN;
    c = this.putExtra(theta, c);
    for (let i = 0; i < this.coords; i++) row[c++] = theta[i];
    const first = this.arms[0];
    for (const arm of this.arms) {
      row[c++] = arm.k * arm.eta;
      row[c++] = arm.f;
      row[c++] = norm(arm.g, n);
      row[c++] = arm.D;
      row[c++] = arm.D / arm.eta;
      row[c++] = arm.maxD;
      row[c++] = arm.maxDt;
      row[c++] = distance(arm.theta, first.theta, n);
      row[c++] = distance(arm.theta, opts.gdStart ?? opts.theta0, n);
      const s = spec && opts.gdSpectrum && arm.status !== ARM_DIVERGED ? opts.spectrum?.(arm.theta) : null;
      row[c++] = s ? s.lmin : Number.NaN;
      row[c++] = s ? s.lmax : Number.NaN;
      row[c++] = arm.status;
      c = this.putExtra(arm.theta, c);
      for (let i = 0; i < this.coords; i++) row[c++] = arm.theta[i];
    }
  }

  private putExtra(theta: Float64Array, c: number): number {
    const ex = this.opts.extra;
    if (!ex) return c;
    ex.eval(theta, this.extraBuf);
    this.row.set(this.extraBuf, c);
    return c + this.extraBuf.length;
  }
}

/**
 * d theta/dt = -grad f and, with the error ODE, dE/dt = -H(theta) (E + grad f / 2). With a Jacobian (for the stiff
 * solver): -H for theta alone; for (theta, E) the block matrix [[-H, 0], [-d/dtheta(H w) - H H / 2, -H]] with
 * w = E + grad f / 2 held fixed, its third-derivative block by central differences of HVPs (2n HVPs).
 */
export function flowSystem(obj: Objective, errorOde: boolean, withJacobian = false): OdeSystem {
  const n = obj.n;
  const v = new Float64Array(n);
  const hv = new Float64Array(n);
  const sys: OdeSystem = {
    n: errorOde ? 2 * n : n,
    f(_t, y, dydt) {
      const theta = y.subarray(0, n);
      const g = dydt.subarray(0, n);
      obj.grad(theta, g);
      if (errorOde) {
        for (let i = 0; i < n; i++) v[i] = y[n + i] + 0.5 * g[i];
        obj.hvp(theta, v, hv);
        for (let i = 0; i < n; i++) dydt[n + i] = -hv[i];
      }
      for (let i = 0; i < n; i++) g[i] = -g[i];
    },
  };
  if (withJacobian) sys.jac = flowJacobian(obj, errorOde);
  return sys;
}

function flowJacobian(obj: Objective, errorOde: boolean): NonNullable<OdeSystem['jac']> {
  const n = obj.n;
  const m = errorOde ? 2 * n : n;
  const scratch = new HessianScratch(n);
  const g = new Float64Array(n);
  const w = new Float64Array(n);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  const th = new Float64Array(n);
  return (_t, y, J) => {
    J.fill(0);
    const theta = y.subarray(0, n);
    const H = hvpColumns(obj, theta, scratch);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) J[i * m + j] = -H[i * n + j];
    if (!errorOde) return;
    obj.grad(theta, g);
    for (let i = 0; i < n; i++) w[i] = y[n + i] + 0.5 * g[i];
    let scale = 0;
    for (let i = 0; i < n; i++) scale += theta[i] * theta[i];
    const h = 1e-5 * Math.max(1, Math.sqrt(scale));
    for (let j = 0; j < n; j++) {
      th.set(theta);
      th[j] = theta[j] + h;
      obj.hvp(th, w, plus);
      th[j] = theta[j] - h;
      obj.hvp(th, w, minus);
      for (let i = 0; i < n; i++) {
        let hh = 0;
        for (let k = 0; k < n; k++) hh += H[i * n + k] * H[k * n + j];
        J[(n + i) * m + j] = -(plus[i] - minus[i]) / (2 * h) - 0.5 * hh;
        J[(n + i) * m + n + j] = -H[i * n + j];
      }
    }
  };
}
