/** Gradient-flow ODE solvers: pick one by name, or let 'auto' switch to the stiff one when needed. */
import { AutoStepper } from './auto';
import { Dopri5 } from './dopri5';
import { Rodas4 } from './rodas4';
import type { OdeOptions, OdeStepper, OdeSystem } from './types';

export type OdeMethod = 'auto' | 'dopri5' | 'rodas4';

/** 'rodas4' throws if sys has no jac(); 'auto' then simply stays explicit. */
export function createStepper(method: OdeMethod, sys: OdeSystem, t0: number, y0: ArrayLike<number>, opts: OdeOptions): OdeStepper {
  switch (method) {
    case 'auto':
      return new AutoStepper(sys, t0, y0, opts);
    case 'dopri5':
      return new Dopri5(sys, t0, y0, opts);
    case 'rodas4':
      return new Rodas4(sys, t0, y0, opts);
    default:
      throw new Error(`unknown ODE method: ${String(method)}`);
  }
}

export { AutoStepper, Dopri5, Rodas4 };
export type { OdeOptions, OdeStepper, OdeSystem, StepOutcome } from './types';
