import type { Problem } from '../problem';
import type { Integrator, StepResult } from './types';

/**
 * What every GD-type map shares: it owns a copy of the start, and keeps the gradient at the current point (with
 * the loss there) so the stop rule knows the loss and the next step reuses the gradient.
 */
export abstract class DiscreteIntegrator implements Integrator {
  abstract readonly label: string;
  readonly theta: Float64Array;
  t = 0;
  steps = 0;
  loss: number;
  protected readonly g: Float64Array;

  constructor(
    protected readonly problem: Problem,
    theta0: Float64Array,
  ) {
    this.theta = Float64Array.from(theta0);
    this.g = new Float64Array(problem.n);
    this.loss = problem.grad(this.theta, this.g);
  }

  abstract step(tMax: number): StepResult;
  abstract info(): Record<string, number | string>;
}
