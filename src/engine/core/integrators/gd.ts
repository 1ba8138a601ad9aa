import type { Problem } from '../problem';
import type { Integrator, StepResult } from './types';

/**
 * Plain full-batch gradient descent, theta <- theta - eta grad. The gradient at the new point is computed
 * right after the update, so the loss there is known for the stop rule and reused by the next step.
 */
export class GradientDescent implements Integrator {
  readonly label = 'GD';
  readonly theta: Float64Array;
  t = 0;
  steps = 0;
  loss: number;
  private readonly g: Float64Array;

  constructor(private readonly problem: Problem, theta0: Float64Array, private readonly lr: number) {
    this.theta = Float64Array.from(theta0);
    this.g = new Float64Array(problem.n);
    this.loss = problem.grad(this.theta, this.g);
  }

  step(): StepResult {
    const { theta, g, lr } = this;
    // A model with a prescribed operation order for its GD step does the update itself (Problem.gdStep).
    if (this.problem.gdStep) this.problem.gdStep(theta, g, lr);
    else for (let i = 0; i < theta.length; i++) theta[i] -= lr * g[i];
    this.steps++;
    this.t = this.steps * lr;
    this.loss = this.problem.grad(theta, g);
    return { ok: true };
  }

  info() {
    return { lr: this.lr };
  }
}
