import type { Problem } from '../problem';
import { DiscreteIntegrator } from './discrete';
import type { StepResult } from './types';
import { pow } from '../det-math';

/**
 * Adam with the framework defaults of the reference code, in the eps-hat form (lab spec Sec. 4.4):
 * lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), theta -= lr_t m / (sqrt(v) + eps).
 */
export class Adam extends DiscreteIntegrator {
  readonly label = 'Adam';
  private readonly m: Float64Array;
  private readonly v: Float64Array;

  constructor(
    problem: Problem,
    theta0: Float64Array,
    private readonly lr: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
  ) {
    super(problem, theta0);
    this.m = new Float64Array(problem.n);
    this.v = new Float64Array(problem.n);
  }

  step(): StepResult {
    const { theta, g, m, v, beta1, beta2, eps } = this;
    const k = ++this.steps;
    const lrT = (this.lr * Math.sqrt(1 - pow(beta2, k))) / (1 - pow(beta1, k));
    for (let i = 0; i < theta.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      theta[i] -= (lrT * m[i]) / (Math.sqrt(v[i]) + eps);
    }
    this.t += this.lr;
    this.loss = this.problem.grad(theta, g);
    return { ok: true };
  }

  info() {
    return { lr: this.lr };
  }
}
