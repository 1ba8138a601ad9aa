/**
 * RODAS4: the 6-stage, order 4(3), L-stable and stiffly accurate Rosenbrock method of Hairer & Wanner
 * (Solving ODEs II, sec. IV.7), for stiff gradient flows. Written by hand because no maintained
 * JavaScript package provides a stiff solver that takes an analytic Jacobian.
 *
 * Formulation: the "W-transformed" one of Hairer's rodas.f (gamma = 0.25), with stage variables
 * k_i solving
 *     (I / (h gamma) - J) k_i = f(t + c_i h, y + sum_j a_ij k_j) + sum_j (c_ij / h) k_j,
 * y_new = y + sum_j a_6j k_j + k_6 and error estimate k_6. The a/c coefficients below are those of
 * rodas.f (METH = 1); SciML's Rodas4Tableau carries the same numbers.
 *
 * Assumes an autonomous system: f is evaluated at the stage times, but the df/dt terms of the
 * non-autonomous method are omitted. (Append t as a state with t' = 1 if f depends on time.)
 */
import { AdaptiveStepper, RETRY_HALF } from './adaptive';
import { allFinite, errorNorm } from './control';
import { luFactor, luSolve } from './lu';
import type { OdeOptions, OdeSystem } from './types';
import { pow } from '../../det-math';

const GAMMA = 0.25;
const C = [0, 0.386, 0.21, 0.63, 1, 1];
// Row s: coefficients of k_1..k_s in the state at which stage s+1 evaluates f. Row 5 is row 4 plus
// k_5 (stiffly accurate: stage 6 sits at t + h on the way to y_new = stage-6 state + k_6).
const A: readonly (readonly number[])[] = [
  [],
  [1.544],
  [0.9466785280815826, 0.2557011698983284],
  [3.314825187068521, 2.896124015972201, 0.9986419139977817],
  [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895],
  [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895, 1],
];
const CC: readonly (readonly number[])[] = [
  [],
  [-5.6688],
  [-2.430093356833875, -0.2063599157091915],
  [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
  [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.7089089320616],
  [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054],
];

// Step control as in rodas.f: safety 0.9, h_new / h in [0.2, 6], Gustafsson's predictive controller.
const SAFETY = 0.9;
const FAC_MIN = 0.2;
const FAC_MAX = 6;

export class Rodas4 extends AdaptiveStepper {
  readonly name = 'rodas4' as const;
  private readonly jac: (t: number, y: Float64Array, out: Float64Array) => void;
  private readonly k: Float64Array[]; // stage solutions k_1..k_6
  private readonly f0: Float64Array; // f(t, y), valid while fresh === true
  private readonly ytmp: Float64Array; // stage state; ends as the stage-6 state
  private readonly J: Float64Array;
  private readonly lu: Float64Array;
  private readonly piv: Int32Array;
  private fresh = false; // f0 and J belong to the current (t, y)
  private hAcc = 0; // last accepted h and error, for the predictive controller
  private errAcc = 1;

  constructor(sys: OdeSystem, t0: number, y0: ArrayLike<number>, opts: OdeOptions) {
    super(sys, t0, y0, opts);
    if (!sys.jac) throw new Error('Rodas4 needs the analytic Jacobian: the OdeSystem has no jac()');
    const n = sys.n;
    this.jac = sys.jac.bind(sys);
    this.k = Array.from({ length: 6 }, () => new Float64Array(n));
    this.f0 = new Float64Array(n);
    this.ytmp = new Float64Array(n);
    this.J = new Float64Array(n * n);
    this.lu = new Float64Array(n * n);
    this.piv = new Int32Array(n);
    sys.f(t0, this.yv, this.f0);
    this.jac(t0, this.yv, this.J);
    this.nfev = 1;
    this.njev = 1;
    this.fresh = true;
    // The Euler probe borrows ytmp and ynew, which are free until the first step.
    this.setFirstStep(opts, this.f0, 4, this.ytmp, this.ynew);
  }

  /** f and J at the current point are shared by every attempt from it (a rejection leaves (t, y) as is). */
  protected prepare(): boolean {
    const { yv, f0, J } = this;
    if (!this.fresh) {
      this.sys.f(this.t, yv, f0);
      this.jac(this.t, yv, J);
      this.nfev++;
      this.njev++;
      this.fresh = true;
    }
    return allFinite(f0) && allFinite(J);
  }

  protected attempt(t: number, h: number): number {
    const { sys, n, k, yv, f0, ytmp, ynew, J, lu, piv } = this;
    // One LU of (I / (h gamma) - J) serves all six stages.
    const d = 1 / (h * GAMMA);
    for (let i = 0; i < n * n; i++) lu[i] = -J[i];
    for (let i = 0; i < n; i++) lu[i * n + i] += d;
    // 1/(h gamma) hit an eigenvalue of J; a different h moves it away.
    if (!luFactor(lu, n, piv)) return RETRY_HALF;

    k[0].set(f0);
    luSolve(lu, n, piv, k[0]);
    for (let s = 1; s < 6; s++) {
      const a = A[s];
      const c = CC[s];
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < s; j++) acc += a[j] * k[j][i];
        ytmp[i] = yv[i] + acc;
      }
      const ks = k[s];
      sys.f(t + C[s] * h, ytmp, ks);
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < s; j++) acc += c[j] * k[j][i];
        ks[i] += acc / h;
      }
      luSolve(lu, n, piv, ks);
    }
    this.nfev += 5;
    const kErr = k[5];
    for (let i = 0; i < n; i++) ynew[i] = ytmp[i] + kErr[i];
    return errorNorm(kErr, yv, ynew, this.rtol, this.atol);
  }

  /** h_new / h = 1 / fac from the error alone, fac clipped to [1 / FAC_MAX, 1 / FAC_MIN]. */
  private fac(err: number): number {
    return Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, pow(err, 0.25) / SAFETY));
  }

  protected acceptedStep(err: number, h: number): number {
    let fac = this.fac(err);
    if (this.naccept > 0) {
      // Gustafsson: also extrapolate from how the error changed between the last two accepted steps.
      const gus = ((this.hAcc / h) * pow((err * err) / this.errAcc, 0.25)) / SAFETY;
      fac = Math.max(fac, Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, gus)));
    }
    this.hAcc = h;
    this.errAcc = Math.max(1e-2, err);
    this.fresh = false; // f and J are evaluated afresh at the new point
    return h / fac;
  }

  protected rejectedStep(err: number, h: number): number {
    return h / this.fac(err);
  }
}
