/**
 * Dormand–Prince 5(4) with FSAL and the step-size control of Hairer's DOPRI5 (Hairer, Nørsett & Wanner,
 * Solving ODEs I, sec. II.4-5): local extrapolation, PI controller with beta = 0.04, safety 0.9, step
 * ratio in [0.2, 10], and the same cheap stiffness indicator (h * |lambda| estimate).
 */
import { MAX_NON_FINITE_RETRIES, NON_FINITE, OK, TOO_SMALL, allFinite, checkSetup, checkTarget, errorNorm, initialStep, minStep } from './control';
import type { OdeOptions, OdeStepper, OdeSystem, StepOutcome } from './types';
import { pow } from '../../det-math';

// Butcher tableau; row s gives the coefficients of k_1..k_s for stage s+1. Row 6 is the 5th-order
// solution (FSAL: k7 = f(t+h, y_new) becomes the next k1).
const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1];
const A: readonly (readonly number[])[] = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
// y5 - y4 (difference between the 5th- and embedded 4th-order weights), over k1..k7.
const E = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];

const SAFETY = 0.9;
const FAC_MIN = 0.2; // h_new / h >= 0.2
const FAC_MAX = 10; // h_new / h <= 10
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;

export class Dopri5 implements OdeStepper {
  readonly name = 'dopri5' as const;
  private readonly sys: OdeSystem;
  private readonly n: number;
  private readonly rtol: number;
  private readonly atol: number;
  private readonly hmax: number;
  private readonly k: Float64Array[]; // k[0..6]; k[0] holds f(t, y) between steps (FSAL)
  private readonly yv: Float64Array;
  private readonly ystage: Float64Array; // after an attempt: the stage-6 state (used by the stiffness test)
  private readonly ynew: Float64Array;
  private readonly errv: Float64Array;
  private tc: number;
  private hLastV = 0;
  private hNextV: number;
  private facOld = 1e-4;
  private lastRejected = false;
  private startFinite: boolean;
  private stiffV = 0;
  private nfevV = 0;
  private nacceptV = 0;
  private nrejectV = 0;

  constructor(sys: OdeSystem, t0: number, y0: ArrayLike<number>, opts: OdeOptions) {
    checkSetup(sys, t0, y0, opts);
    const n = sys.n;
    this.sys = sys;
    this.n = n;
    this.rtol = opts.rtol;
    this.atol = opts.atol;
    this.hmax = opts.hmax ?? Infinity;
    this.k = Array.from({ length: 7 }, () => new Float64Array(n));
    this.yv = Float64Array.from(y0);
    this.ystage = new Float64Array(n);
    this.ynew = new Float64Array(n);
    this.errv = new Float64Array(n);
    this.tc = t0;
    sys.f(t0, this.yv, this.k[0]);
    this.nfevV = 1;
    this.startFinite = allFinite(this.k[0]);
    if (opts.h0 !== undefined) {
      this.hNextV = opts.h0;
    } else if (this.startFinite) {
      this.hNextV = initialStep(sys, t0, this.yv, this.k[0], 5, opts, this.ystage, this.k[1]);
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
  /** Always 0: the explicit method never evaluates the Jacobian. */
  get njev(): number {
    return 0;
  }
  get naccept(): number {
    return this.nacceptV;
  }
  get nreject(): number {
    return this.nrejectV;
  }
  /**
   * Hairer's stiffness indicator for the last accepted step: h * ||k7 - k6|| / ||y_new - y_stage6||,
   * an estimate of h * |lambda_max|. Values above ~3.25 mean the step sits on the edge of DOPRI5's
   * stability region, i.e. h is limited by stability rather than accuracy.
   */
  get stiffness(): number {
    return this.stiffV;
  }

  step(tMax: number): StepOutcome {
    checkTarget(this.tc, tMax);
    // f(t, y) itself is NaN/Inf: no step size can help.
    if (!this.startFinite) return NON_FINITE;
    const { sys, n, k, yv, ystage, ynew, errv } = this;
    let nonFinite = 0;
    for (;;) {
      const t = this.tc;
      const hProposed = Math.min(this.hNextV, this.hmax);
      if (hProposed < minStep(t)) return TOO_SMALL;
      // Stretch by up to 1% rather than leave a sliver before tMax (as in DOPRI5).
      const landing = t + 1.01 * hProposed >= tMax;
      const h = landing ? tMax - t : hProposed;

      for (let s = 1; s < 7; s++) {
        const a = A[s];
        const out = s === 6 ? ynew : ystage;
        for (let i = 0; i < n; i++) {
          let acc = 0;
          for (let j = 0; j < s; j++) acc += a[j] * k[j][i];
          out[i] = yv[i] + h * acc;
        }
        sys.f(s === 6 ? t + h : t + C[s] * h, out, k[s]);
      }
      this.nfevV += 6;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < 7; j++) acc += E[j] * k[j][i];
        errv[i] = h * acc;
      }
      const err = errorNorm(errv, yv, ynew, this.rtol, this.atol);

      if (Number.isNaN(err)) {
        // Some stage left f's domain: retry with half the step, up to a point.
        this.nrejectV++;
        this.lastRejected = true;
        this.hNextV = 0.5 * h;
        if (++nonFinite > MAX_NON_FINITE_RETRIES || this.hNextV < minStep(t)) return NON_FINITE;
        continue;
      }

      const fac11 = pow(err, EXPO1);
      if (err <= 1) {
        let fac = fac11 / pow(this.facOld, BETA);
        fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, fac / SAFETY));
        let hNew = h / fac;
        if (this.lastRejected) hNew = Math.min(hNew, h);
        // A step cut short to hit tMax says nothing against the step the controller wanted.
        if (landing) hNew = Math.max(hNew, hProposed);
        this.facOld = Math.max(err, 1e-4);
        this.lastRejected = false;
        this.stiffV = this.stiffnessEstimate(h);
        yv.set(ynew);
        k[0].set(k[6]);
        this.tc = landing ? tMax : t + h;
        this.hLastV = h;
        this.hNextV = hNew;
        this.nacceptV++;
        return OK;
      }
      this.hNextV = h / Math.min(1 / FAC_MIN, fac11 / SAFETY);
      this.lastRejected = true;
      this.nrejectV++;
    }
  }

  /** h * ||f(y_new) - f(y_stage6)|| / ||y_new - y_stage6||; both points sit at t + h. */
  private stiffnessEstimate(h: number): number {
    const { n, k, ynew, ystage } = this;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      num += pow(k[6][i] - k[5][i], 2);
      den += pow(ynew[i] - ystage[i], 2);
    }
    return den > 0 ? h * Math.sqrt(num / den) : 0;
  }
}
