import type { Problem } from '../problem';
import type { Integrator, StepResult } from './types';

/**
 * Plain full-batch gradient descent, theta <- theta - eta grad. The gradient at the new point is computed
 * right after the update, so the loss there is known for the stop rule and reused by the next step.
 * Optional MultiStepLR (as in Adam): step number t (1-based) uses lr gamma^#{milestones m < t}; t is then the sum of
 * the step sizes. Without milestones the update and t = steps lr are exactly as before.
 */
export class GradientDescent implements Integrator {
  readonly label = 'GD';
  readonly theta: Float64Array;
  t = 0;
  steps = 0;
  loss: number;
  private readonly g: Float64Array;
  private readonly milestones: number[];
  private readonly gamma: number;
  private nextMilestone = 0;
  private lrNow: number;

  constructor(
    private readonly problem: Problem,
    theta0: Float64Array,
    private readonly lr: number,
    milestones?: readonly number[],
    gamma?: number,
  ) {
    this.theta = Float64Array.from(theta0);
    this.g = new Float64Array(problem.n);
    this.loss = problem.grad(this.theta, this.g);
    this.milestones = milestones ? [...milestones].sort((x, y) => x - y) : [];
    this.gamma = gamma ?? 0.1;
    this.lrNow = lr;
  }

  step(): StepResult {
    const { theta, g } = this;
    const ms = this.milestones;
    while (this.nextMilestone < ms.length && ms[this.nextMilestone] < this.steps + 1) {
      this.lrNow *= this.gamma;
      this.nextMilestone++;
    }
    const lr = this.lrNow;
    // A model with a prescribed operation order for its GD step does the update itself (Problem.gdStep).
    if (this.problem.gdStep) this.problem.gdStep(theta, g, lr);
    else for (let i = 0; i < theta.length; i++) theta[i] -= lr * g[i];
    this.steps++;
    this.t = ms.length === 0 ? this.steps * this.lr : this.t + lr;
    this.loss = this.problem.grad(theta, g);
    return { ok: true };
  }

  info() {
    return { lr: this.lrNow };
  }
}
