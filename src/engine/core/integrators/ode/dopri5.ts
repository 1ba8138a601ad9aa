/**
 * Dormand–Prince 5(4) with FSAL and the step-size control of Hairer's DOPRI5 (Hairer, Nørsett & Wanner,
 * Solving ODEs I, sec. II.4-5): local extrapolation, PI controller with beta = 0.04, safety 0.9, step
 * ratio in [0.2, 10], and the same cheap stiffness indicator (h * |lambda| estimate).
 */
import { AdaptiveStepper } from './adaptive';
import { allFinite, errorNorm } from './control';
import type { OdeOptions, OdeSystem } from './types';
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

// Hairer's continuous extension of order 4 (DOPRI5's CONTD5): rcont5 = h sum D_j k_j.
const D = [-12715105075 / 11282082432, 0, 87487479700 / 32700410799, -10690763975 / 1880347072, 701980252875 / 199316789632, -1453857185 / 822651844, 69997945 / 29380423];

const SAFETY = 0.9;
const FAC_MIN = 0.2; // h_new / h >= 0.2
const FAC_MAX = 10; // h_new / h <= 10
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;

export class Dopri5 extends AdaptiveStepper {
  readonly name = 'dopri5' as const;
  private readonly k: Float64Array[]; // k[0..6]; k[0] holds f(t, y) between steps (FSAL)
  private readonly ystage: Float64Array; // after an attempt: the stage-6 state (used by the stiffness test)
  private readonly errv: Float64Array;
  private readonly startFinite: boolean;
  private facOld = 1e-4;
  private stiffV = 0;
  /** Dense output of the last accepted step [tOld, tOld + hOld]: Hairer's rcont1..rcont5. */
  private readonly rcont: Float64Array[];
  private tOld = 0;
  private hOld = 0;

  constructor(sys: OdeSystem, t0: number, y0: ArrayLike<number>, opts: OdeOptions) {
    super(sys, t0, y0, opts);
    const n = sys.n;
    this.k = Array.from({ length: 7 }, () => new Float64Array(n));
    this.ystage = new Float64Array(n);
    this.errv = new Float64Array(n);
    this.rcont = Array.from({ length: 5 }, () => new Float64Array(n));
    this.tOld = t0;
    this.rcont[0].set(this.yv);
    sys.f(t0, this.yv, this.k[0]);
    this.nfev = 1;
    this.startFinite = allFinite(this.k[0]);
    this.setFirstStep(opts, this.k[0], 5, this.ystage, this.k[1]);
  }

  /**
   * Hairer's stiffness indicator for the last accepted step: h * ||k7 - k6|| / ||y_new - y_stage6||,
   * an estimate of h * |lambda_max|. Values above ~3.25 mean the step sits on the edge of DOPRI5's
   * stability region, i.e. h is limited by stability rather than accuracy.
   */
  get stiffness(): number {
    return this.stiffV;
  }

  /** f(t, y) itself is NaN/Inf: no step size can help. */
  protected prepare(): boolean {
    return this.startFinite;
  }

  protected attempt(t: number, h: number): number {
    const { sys, n, k, yv, ystage, ynew, errv } = this;
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
    this.nfev += 6;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < 7; j++) acc += E[j] * k[j][i];
      errv[i] = h * acc;
    }
    return errorNorm(errv, yv, ynew, this.rtol, this.atol);
  }

  protected acceptedStep(err: number, h: number): number {
    let fac = pow(err, EXPO1) / pow(this.facOld, BETA);
    fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, fac / SAFETY));
    this.facOld = Math.max(err, 1e-4);
    this.stiffV = this.stiffnessEstimate(h);
    this.keepDense(h);
    // FSAL: f at the new point is the last stage.
    this.k[0].set(this.k[6]);
    return h / fac;
  }

  protected rejectedStep(err: number, h: number): number {
    return h / Math.min(1 / FAC_MIN, pow(err, EXPO1) / SAFETY);
  }

  /**
   * The state at time t inside the last accepted step (4th-order accurate, continuous across steps), written into
   * out: how a GD iterate at t_k = k eta is compared with the flow without forcing solver steps onto its grid.
   */
  dense(t: number, out: Float64Array): void {
    const { rcont, hOld } = this;
    if (hOld === 0) {
      out.set(rcont[0]);
      return;
    }
    if (!(t >= this.tOld - 1e-12 * hOld && t <= this.tOld + hOld * (1 + 1e-12))) {
      throw new RangeError(`dense output at t = ${t} outside the last step [${this.tOld}, ${this.tOld + hOld}]`);
    }
    const th = (t - this.tOld) / hOld;
    const th1 = 1 - th;
    const [r1, r2, r3, r4, r5] = rcont;
    for (let i = 0; i < out.length; i++) out[i] = r1[i] + th * (r2[i] + th1 * (r3[i] + th * (r4[i] + th1 * r5[i])));
  }

  /**
   * Copies the last accepted step's dense-output coefficients (rcont1..rcont5, n numbers each) into out from offset:
   * a caller that keeps every step's evaluates the flow anywhere later with the formula of dense().
   */
  copyDense(out: Float64Array, offset = 0): void {
    for (let c = 0; c < 5; c++) out.set(this.rcont[c], offset + c * this.n);
  }

  /** Start of the last accepted step (its end is t). */
  get lastStepStart(): number {
    return this.tOld;
  }

  private keepDense(h: number): void {
    const { n, k, yv, ynew, rcont } = this;
    const [r1, r2, r3, r4, r5] = rcont;
    for (let i = 0; i < n; i++) {
      const ydiff = ynew[i] - yv[i];
      const bspl = h * k[0][i] - ydiff;
      r1[i] = yv[i];
      r2[i] = ydiff;
      r3[i] = bspl;
      r4[i] = ydiff - h * k[6][i] - bspl;
      let acc = 0;
      for (let j = 0; j < 7; j++) acc += D[j] * k[j][i];
      r5[i] = h * acc;
    }
    this.tOld = this.t;
    this.hOld = h;
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
