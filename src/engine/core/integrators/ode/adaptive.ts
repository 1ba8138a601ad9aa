/**
 * The step loop both adaptive steppers share (Hairer's DOPRI5 / RODAS drivers): the step proposal capped by hmax,
 * the landing on tMax, the halving retries after a non-finite attempt, the acceptance bookkeeping and the counters.
 * A method supplies its attempt (the stages and the error norm) and its step-size controller.
 */
import { MAX_NON_FINITE_RETRIES, NON_FINITE, OK, TOO_SMALL, allFinite, checkSetup, checkTarget, initialStep, minStep } from './control';
import type { OdeOptions, OdeStepper, OdeSystem, StepOutcome } from './types';

/** What attempt() returns when no step of this size can be tried (a singular matrix): halve h and retry. */
export const RETRY_HALF = -1;

export abstract class AdaptiveStepper implements OdeStepper {
  abstract readonly name: 'dopri5' | 'rodas4';
  protected readonly sys: OdeSystem;
  protected readonly n: number;
  protected readonly rtol: number;
  protected readonly atol: number;
  private readonly hmax: number;
  protected readonly yv: Float64Array;
  /** The attempted step's end state, written by attempt() and copied into y when the step is accepted. */
  protected readonly ynew: Float64Array;
  private tc: number;
  private lastRejected = false;
  // Plain fields, not getters: OdeStepper exposes them read-only to everyone but the steppers that count.
  hLast = 0;
  hNext = 0;
  nfev = 0;
  /** Always 0 for the explicit method, which never evaluates the Jacobian. */
  njev = 0;
  naccept = 0;
  nreject = 0;

  constructor(sys: OdeSystem, t0: number, y0: ArrayLike<number>, opts: OdeOptions) {
    checkSetup(sys, t0, y0, opts);
    this.sys = sys;
    this.n = sys.n;
    this.rtol = opts.rtol;
    this.atol = opts.atol;
    this.hmax = opts.hmax ?? Infinity;
    this.yv = Float64Array.from(y0);
    this.ynew = new Float64Array(sys.n);
    this.tc = t0;
  }

  get t(): number {
    return this.tc;
  }
  get y(): Float64Array {
    return this.yv;
  }
  /**
   * Sets the first step: opts.h0, else Hairer's starting step for a method of this order from f0 = f(t0, y0) (one
   * more evaluation of f; y1 and f1 are scratch). A non-finite f0 gets a placeholder: step() then reports
   * 'non-finite' straight away.
   */
  protected setFirstStep(opts: OdeOptions, f0: Float64Array, order: number, y1: Float64Array, f1: Float64Array): void {
    if (opts.h0 !== undefined) {
      this.hNext = opts.h0;
    } else if (allFinite(f0)) {
      this.hNext = initialStep(this.sys, this.tc, this.yv, f0, order, opts, y1, f1);
      this.nfev++;
    } else {
      this.hNext = 1e-6;
    }
  }

  /** Readies the attempts from the current point; false when f (or J) is not finite there (no step size helps). */
  protected abstract prepare(): boolean;
  /** Tries a step of size h from (t, y): fills ynew and returns the error norm (NaN if non-finite, or RETRY_HALF). */
  protected abstract attempt(t: number, h: number): number;
  /**
   * Accepts the attempt of size h with error norm err <= 1: moves the method's own state on to the new point and
   * returns the controller's next step (before the caps of step()).
   */
  protected abstract acceptedStep(err: number, h: number): number;
  /** The controller's next attempt after rejecting h with error norm err > 1. */
  protected abstract rejectedStep(err: number, h: number): number;

  step(tMax: number): StepOutcome {
    checkTarget(this.tc, tMax);
    if (!this.prepare()) return NON_FINITE;
    let nonFinite = 0;
    for (;;) {
      const t = this.tc;
      const hProposed = Math.min(this.hNext, this.hmax);
      if (hProposed < minStep(t)) return TOO_SMALL;
      // Stretch by up to 1% rather than leave a sliver before tMax (as in DOPRI5).
      const landing = t + 1.01 * hProposed >= tMax;
      const h = landing ? tMax - t : hProposed;

      const err = this.attempt(t, h);
      if (err === RETRY_HALF) {
        this.reject(0.5 * h);
        continue;
      }
      if (Number.isNaN(err)) {
        // Some stage left f's domain: retry with half the step, up to a point.
        this.reject(0.5 * h);
        if (++nonFinite > MAX_NON_FINITE_RETRIES || this.hNext < minStep(t)) return NON_FINITE;
        continue;
      }
      if (err > 1) {
        this.reject(this.rejectedStep(err, h));
        continue;
      }

      let hNew = this.acceptedStep(err, h);
      if (this.lastRejected) hNew = Math.min(hNew, h);
      // A step cut short to hit tMax says nothing against the step the controller wanted.
      if (landing) hNew = Math.max(hNew, hProposed);
      this.lastRejected = false;
      this.yv.set(this.ynew);
      this.tc = landing ? tMax : t + h;
      this.hLast = h;
      this.hNext = hNew;
      this.naccept++;
      return OK;
    }
  }

  private reject(hNext: number): void {
    this.hNext = hNext;
    this.lastRejected = true;
    this.nreject++;
  }
}
