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
import { MAX_NON_FINITE_RETRIES, NON_FINITE, OK, TOO_SMALL, allFinite, checkSetup, checkTarget, errorNorm, initialStep, minStep } from './control';
import { luFactor, luSolve } from './lu';
import type { OdeOptions, OdeStepper, OdeSystem, StepOutcome } from './types';
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

export class Rodas4 implements OdeStepper {
  readonly name = 'rodas4' as const;
  private readonly sys: OdeSystem;
  private readonly jac: (t: number, y: Float64Array, out: Float64Array) => void;
  private readonly n: number;
  private readonly rtol: number;
  private readonly atol: number;
  private readonly hmax: number;
  private readonly k: Float64Array[]; // stage solutions k_1..k_6
  private readonly yv: Float64Array;
  private readonly f0: Float64Array; // f(t, y), valid while fresh === true
  private readonly ytmp: Float64Array; // stage state; ends as the stage-6 state
  private readonly ynew: Float64Array;
  private readonly J: Float64Array;
  private readonly lu: Float64Array;
  private readonly piv: Int32Array;
  private fresh = false; // f0 and J belong to the current (t, y)
  private tc: number;
  private hLastV = 0;
  private hNextV: number;
  private lastRejected = false;
  private hAcc = 0; // last accepted h and error, for the predictive controller
  private errAcc = 1;
  private nfevV = 0;
  private njevV = 0;
  private nacceptV = 0;
  private nrejectV = 0;

  constructor(sys: OdeSystem, t0: number, y0: ArrayLike<number>, opts: OdeOptions) {
    checkSetup(sys, t0, y0, opts);
    if (!sys.jac) throw new Error('Rodas4 needs the analytic Jacobian: the OdeSystem has no jac()');
    const n = sys.n;
    this.sys = sys;
    this.jac = sys.jac.bind(sys);
    this.n = n;
    this.rtol = opts.rtol;
    this.atol = opts.atol;
    this.hmax = opts.hmax ?? Infinity;
    this.k = Array.from({ length: 6 }, () => new Float64Array(n));
    this.yv = Float64Array.from(y0);
    this.f0 = new Float64Array(n);
    this.ytmp = new Float64Array(n);
    this.ynew = new Float64Array(n);
    this.J = new Float64Array(n * n);
    this.lu = new Float64Array(n * n);
    this.piv = new Int32Array(n);
    this.tc = t0;
    sys.f(t0, this.yv, this.f0);
    this.jac(t0, this.yv, this.J);
    this.nfevV = 1;
    this.njevV = 1;
    this.fresh = true;
    if (opts.h0 !== undefined) {
      this.hNextV = opts.h0;
    } else if (allFinite(this.f0)) {
      // The Euler probe borrows ytmp and ynew, which are free until the first step.
      this.hNextV = initialStep(sys, t0, this.yv, this.f0, 4, opts, this.ytmp, this.ynew);
      this.nfevV++;
    } else {
      this.hNextV = 1e-6; // unused: step() reports 'non-finite' straight away
    }
  }

  get t(): number {
    return this.tc;
  }
  get y(): Float64Array {
    return this.yv;
  }
  get hLast(): number {
    return this.hLastV;
  }
  get hNext(): number {
    return this.hNextV;
  }
  get nfev(): number {
    return this.nfevV;
  }
  get njev(): number {
    return this.njevV;
  }
  get naccept(): number {
    return this.nacceptV;
  }
  get nreject(): number {
    return this.nrejectV;
  }

  step(tMax: number): StepOutcome {
    checkTarget(this.tc, tMax);
    const { sys, n, k, yv, f0, ytmp, ynew, J, lu, piv } = this;
    // f and J at the current point are shared by every attempt from it (a rejection leaves (t, y) as is).
    if (!this.fresh) {
      sys.f(this.tc, yv, f0);
      this.jac(this.tc, yv, J);
      this.nfevV++;
      this.njevV++;
      this.fresh = true;
    }
    if (!allFinite(f0) || !allFinite(J)) return NON_FINITE;

    let nonFinite = 0;
    for (;;) {
      const t = this.tc;
      const hProposed = Math.min(this.hNextV, this.hmax);
      if (hProposed < minStep(t)) return TOO_SMALL;
      const landing = t + 1.01 * hProposed >= tMax;
      const h = landing ? tMax - t : hProposed;

      // One LU of (I / (h gamma) - J) serves all six stages.
      const d = 1 / (h * GAMMA);
      for (let i = 0; i < n * n; i++) lu[i] = -J[i];
      for (let i = 0; i < n; i++) lu[i * n + i] += d;
      if (!luFactor(lu, n, piv)) {
        // 1/(h gamma) hit an eigenvalue of J; a different h moves it away.
        this.nrejectV++;
        this.lastRejected = true;
        this.hNextV = 0.5 * h;
        continue;
      }

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
      this.nfevV += 5;
      const kErr = k[5];
      for (let i = 0; i < n; i++) ynew[i] = ytmp[i] + kErr[i];
      const err = errorNorm(kErr, yv, ynew, this.rtol, this.atol);

      if (Number.isNaN(err)) {
        this.nrejectV++;
        this.lastRejected = true;
        this.hNextV = 0.5 * h;
        if (++nonFinite > MAX_NON_FINITE_RETRIES || this.hNextV < minStep(t)) return NON_FINITE;
        continue;
      }

      let fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, pow(err, 0.25) / SAFETY));
      if (err <= 1) {
        if (this.nacceptV > 0) {
          // Gustafsson: also extrapolate from how the error changed between the last two accepted steps.
          const gus = ((this.hAcc / h) * pow((err * err) / this.errAcc, 0.25)) / SAFETY;
          fac = Math.max(fac, Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, gus)));
        }
        this.hAcc = h;
        this.errAcc = Math.max(1e-2, err);
        let hNew = h / fac;
        if (this.lastRejected) hNew = Math.min(hNew, h);
        if (landing) hNew = Math.max(hNew, hProposed);
        this.lastRejected = false;
        yv.set(ynew);
        this.fresh = false;
        this.tc = landing ? tMax : t + h;
        this.hLastV = h;
        this.hNextV = hNew;
        this.nacceptV++;
        return OK;
      }
      this.hNextV = h / fac;
      this.lastRejected = true;
      this.nrejectV++;
    }
  }
}
