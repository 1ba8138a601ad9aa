import type { Problem } from '../problem';
import { DiscreteIntegrator } from './discrete';
import { MultiStepLr } from './multistep';
import type { StepResult } from './types';

/**
 * Plain full-batch gradient descent, theta <- theta - eta grad. The gradient at the new point is computed
 * right after the update, so the loss there is known for the stop rule and reused by the next step.
 * Optional MultiStepLR (as in Adam): step number t (1-based) uses lr gamma^#{milestones m < t}; t is then the sum of
 * the step sizes. Without milestones the update and t = steps lr are exactly as before.
 */
export class GradientDescent extends DiscreteIntegrator {
  readonly label = 'GD';
  private readonly schedule: MultiStepLr;

  constructor(
    problem: Problem,
    theta0: Float64Array,
    private readonly lr: number,
    milestones?: readonly number[],
    gamma?: number,
  ) {
    super(problem, theta0);
    this.schedule = new MultiStepLr(lr, milestones, gamma);
  }

  step(): StepResult {
    const { theta, g } = this;
    const lr = this.schedule.at(this.steps + 1);
    // A model with a prescribed operation order for its GD step does the update itself (Problem.gdStep).
    if (this.problem.gdStep) this.problem.gdStep(theta, g, lr);
    else for (let i = 0; i < theta.length; i++) theta[i] -= lr * g[i];
    this.steps++;
    this.t = this.schedule.scheduled ? this.t + lr : this.steps * this.lr;
    this.loss = this.problem.grad(theta, g);
    return { ok: true };
  }

  info() {
    return { lr: this.schedule.current };
  }
}
