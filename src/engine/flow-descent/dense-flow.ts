/**
 * The flow stepper of the tracking with a dense output on every accepted step (docs/labs/flow-vs-descent.md Sec. 4):
 * Dopri5's own 4th-order interpolant, or, once the stiff solver (Rodas4) steps, the cubic Hermite interpolant of the
 * step's two ends and their slopes (3rd order, like Rodas4's own). 'auto' starts explicit and switches for good when
 * the explicit steps are limited by stability (the engine's AutoStepper rule).
 */
import { AutoStepper, Dopri5, Rodas4 } from '../core/integrators/ode';
import type { OdeStepper, OdeSystem, StepOutcome } from '../core/integrators/ode/types';

export type FlowSolver = 'dopri5' | 'rodas4' | 'auto';

export class DenseFlow {
  /** The solver stepping now (its t, y and name are the flow's). */
  readonly stepper: OdeStepper;
  private readonly y0: Float64Array;
  private readonly f0: Float64Array;
  private readonly f1: Float64Array;
  private t0 = 0;
  private hermite = false;

  constructor(
    private readonly sys: OdeSystem,
    y0: Float64Array,
    readonly method: FlowSolver,
    opts: { rtol: number; atol: number },
  ) {
    this.stepper = method === 'dopri5' ? new Dopri5(sys, 0, y0, opts) : method === 'rodas4' ? new Rodas4(sys, 0, y0, opts) : new AutoStepper(sys, 0, y0, opts);
    this.y0 = Float64Array.from(y0);
    this.f0 = new Float64Array(sys.n);
    this.f1 = new Float64Array(sys.n);
    if (method !== 'dopri5') sys.f(0, this.y0, this.f1);
  }

  get counters() {
    const s = this.stepper;
    return { method: s.name, h: s.hLast, nfev: s.nfev, njev: s.njev, accepted: s.naccept, rejected: s.nreject };
  }

  step(tMax: number): StepOutcome {
    if (this.method !== 'dopri5') {
      this.y0.set(this.stepper.y);
      this.f0.set(this.f1);
      this.t0 = this.stepper.t;
    }
    const out = this.stepper.step(tMax);
    if (out.ok && this.method !== 'dopri5') {
      // the slope at the new point, for the Hermite interpolant (one more f per step)
      this.sys.f(this.stepper.t, this.stepper.y, this.f1);
      this.hermite = this.explicit() === null;
    }
    return out;
  }

  /** The state at time t inside the last accepted step, into out. */
  dense(t: number, out: Float64Array): void {
    const ex = this.explicit();
    if (ex && !this.hermite) {
      ex.dense(t, out);
      return;
    }
    const t1 = this.stepper.t;
    const h = t1 - this.t0;
    if (h === 0) {
      out.set(this.stepper.y);
      return;
    }
    if (!(t >= this.t0 - 1e-12 * h && t <= t1 + 1e-12 * h)) throw new RangeError(`dense output at t = ${t} outside the last step [${this.t0}, ${t1}]`);
    const s = (t - this.t0) / h;
    const h00 = (1 + 2 * s) * (1 - s) * (1 - s);
    const h10 = s * (1 - s) * (1 - s);
    const h01 = s * s * (3 - 2 * s);
    const h11 = s * s * (s - 1);
    const y1 = this.stepper.y;
    for (let i = 0; i < out.length; i++) out[i] = h00 * this.y0[i] + h10 * h * this.f0[i] + h01 * y1[i] + h11 * h * this.f1[i];
  }

  /** The Dopri5 doing the steps, if it is one. */
  private explicit(): Dopri5 | null {
    const s = this.stepper;
    if (s instanceof Dopri5) return s;
    if (s instanceof AutoStepper) return s.explicitStepper;
    return null;
  }
}
