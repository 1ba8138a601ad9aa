/**
 * Starts explicit (Dopri5) and switches once, for good, to the stiff solver (Rodas4) when the explicit
 * steps are limited by stability rather than accuracy. Gradient flows typically turn stiff as the loss
 * landscape sharpens and rarely turn back, so a one-way switch keeps the logic simple.
 */
import { Dopri5 } from './dopri5';
import { Rodas4 } from './rodas4';
import type { OdeOptions, OdeStepper, OdeSystem, StepOutcome } from './types';

/**
 * Both conditions must hold at the same accepted step:
 *  - cost: the last SMALL_RUN steps were all shorter than SMALL_REL * |t| (so finishing would take
 *    thousands of steps per unit of log-time). Small steps alone also happen for fast but non-stiff
 *    dynamics, hence
 *  - cause: Hairer's DOPRI5 test, h * |lambda| > STIFF_HLAMBDA on STIFF_COUNT steps with no run of
 *    NONSTIFF_RESET non-stiff steps in between (the step sits on the stability boundary).
 */
const SMALL_RUN = 50;
const SMALL_REL = 1e-3;
const T_FLOOR = 1e-300; // max(|t|, T_FLOOR): at t = 0 no step counts as small
const STIFF_HLAMBDA = 3.25;
const STIFF_COUNT = 15;
const NONSTIFF_RESET = 6;

export class AutoStepper implements OdeStepper {
  private readonly sys: OdeSystem;
  private readonly opts: OdeOptions;
  private readonly explicit: Dopri5;
  private implicit: Rodas4 | null = null;
  private switchedAtV: number | null = null;
  private smallRun = 0;
  private stiffCount = 0;
  private nonStiffRun = 0;

  constructor(sys: OdeSystem, t0: number, y0: ArrayLike<number>, opts: OdeOptions) {
    this.sys = sys;
    this.opts = opts;
    this.explicit = new Dopri5(sys, t0, y0, opts);
  }

  /** The method doing the steps now. */
  get name(): 'dopri5' | 'rodas4' {
    return this.implicit ? 'rodas4' : 'dopri5';
  }
  /** Time at which the switch to Rodas4 happened, or null while still explicit. */
  get switchedAt(): number | null {
    return this.switchedAtV;
  }
  /** The explicit stepper while it is still the one stepping (its dense output covers the last step), else null. */
  get explicitStepper(): Dopri5 | null {
    return this.implicit ? null : this.explicit;
  }
  private get active(): OdeStepper {
    return this.implicit ?? this.explicit;
  }
  get t(): number {
    return this.active.t;
  }
  get y(): Float64Array {
    return this.active.y;
  }
  get hLast(): number {
    return this.active.hLast;
  }
  get hNext(): number {
    return this.active.hNext;
  }
  // Counters cover the whole run, across the switch.
  get nfev(): number {
    return this.explicit.nfev + (this.implicit?.nfev ?? 0);
  }
  get njev(): number {
    return this.implicit?.njev ?? 0;
  }
  get naccept(): number {
    return this.explicit.naccept + (this.implicit?.naccept ?? 0);
  }
  get nreject(): number {
    return this.explicit.nreject + (this.implicit?.nreject ?? 0);
  }

  step(tMax: number): StepOutcome {
    if (this.implicit) return this.implicit.step(tMax);
    const out = this.explicit.step(tMax);
    if (out.ok && this.sys.jac && this.stabilityLimited()) {
      const ex = this.explicit;
      // Allocates once, at the switch. The explicit h says nothing about the stiff solver's h, so
      // Rodas4 picks its own starting step.
      this.implicit = new Rodas4(this.sys, ex.t, ex.y, { rtol: this.opts.rtol, atol: this.opts.atol, hmax: this.opts.hmax });
      this.switchedAtV = ex.t;
    }
    return out;
  }

  /** Updates the two run counters with the step just accepted and says whether both criteria hold. */
  private stabilityLimited(): boolean {
    const ex = this.explicit;
    this.smallRun = ex.hLast < SMALL_REL * Math.max(Math.abs(ex.t), T_FLOOR) ? this.smallRun + 1 : 0;
    if (ex.stiffness > STIFF_HLAMBDA) {
      this.stiffCount++;
      this.nonStiffRun = 0;
    } else if (++this.nonStiffRun >= NONSTIFF_RESET) {
      this.stiffCount = 0;
    }
    return this.smallRun >= SMALL_RUN && this.stiffCount >= STIFF_COUNT;
  }
}
