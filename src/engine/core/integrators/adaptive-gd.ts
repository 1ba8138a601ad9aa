import type { Problem } from '../problem';
import { DiscreteIntegrator } from './discrete';
import type { StepResult } from './types';
import { pow } from '../det-math';

/**
 * The adaptive-step GD of the reference code ("code" variant, docs/labs/poisoning.md Sec. 4.3):
 * Gamma_t = 0.8 Gamma_{t-1} + 0.2 g_t with g_t the model's un-squared norm sum, and
 * eta_t = lr / (sqrt(Gamma_t / (1 - 0.8^(t+1))) + 1e-6).
 */
export class AdaptiveGd extends DiscreteIntegrator {
  readonly label = 'adaptive-step GD';
  eta = 0;
  private gamma = 0;

  constructor(
    problem: Problem,
    theta0: Float64Array,
    private readonly lr: number,
  ) {
    super(problem, theta0);
  }

  private norm(): number {
    const { problem, theta, g } = this;
    if (problem.adaptiveNorm) return problem.adaptiveNorm(theta, g);
    let s = 0;
    for (let i = 0; i < g.length; i++) s += g[i] * g[i];
    return Math.sqrt(s);
  }

  step(): StepResult {
    const k = this.steps;
    this.gamma = 0.8 * this.gamma + 0.2 * this.norm();
    this.eta = this.lr / (Math.sqrt(this.gamma / (1 - pow(0.8, k + 1))) + 1e-6);
    const { theta, g, eta } = this;
    for (let i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
    this.steps++;
    this.t += eta;
    this.loss = this.problem.grad(theta, g);
    return { ok: true };
  }

  info() {
    return { eta: this.eta };
  }
}
