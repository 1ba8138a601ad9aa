import type { Problem } from '../problem';
import { createStepper } from './ode';
import type { OdeStepper, OdeSystem } from './ode/types';
import type { Integrator, StepResult } from './types';

export type FlowMethod = 'auto' | 'dopri5' | 'rodas4';

/** The gradient-flow ODE d theta/dt = -grad l, with Jacobian -Hess l for the stiff solver. */
export function gradientFlowSystem(problem: Problem): OdeSystem {
  return {
    n: problem.n,
    f(_t, y, dydt) {
      problem.grad(y, dydt);
      for (let i = 0; i < dydt.length; i++) dydt[i] = -dydt[i];
    },
    jac(_t, y, out) {
      problem.hess(y, out);
      for (let i = 0; i < out.length; i++) out[i] = -out[i];
    },
  };
}

/** Gradient flow as a real adaptive ODE solution (explicit DOPRI5, stiff RODAS4, or automatic switching). */
export class GradientFlow implements Integrator {
  private readonly stepper: OdeStepper;

  loss: number;

  constructor(
    private readonly problem: Problem,
    theta0: Float64Array,
    method: FlowMethod,
    rtol: number,
    atol: number,
  ) {
    this.stepper = createStepper(method, gradientFlowSystem(problem), 0, theta0, { rtol, atol });
    this.loss = problem.loss(this.stepper.y);
  }

  get label() {
    return `gradient flow (${this.stepper.name})`;
  }
  get t() {
    return this.stepper.t;
  }
  get steps() {
    return this.stepper.naccept;
  }
  get theta() {
    return this.stepper.y;
  }

  step(tMax: number): StepResult {
    const out = this.stepper.step(tMax);
    if (!out.ok) {
      return { ok: false, reason: out.reason === 'non-finite' ? 'the flow produced a non-finite value' : 'the ODE step size collapsed (step too small)' };
    }
    this.loss = this.problem.loss(this.stepper.y);
    return { ok: true };
  }

  info() {
    const s = this.stepper;
    return { method: s.name, h: s.hLast, nfev: s.nfev, njev: s.njev, rejected: s.nreject };
  }
}
