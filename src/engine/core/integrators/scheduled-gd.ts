import type { Problem } from '../problem';
import { DiscreteIntegrator } from './discrete';
import type { StepResult } from './types';

/** Step rules of the saddles lab (docs/labs/saddles.md Sec. 4.1): the paper's piecewise schedule, or a clipped step. */
export type StepRule = { kind: 'piecewise'; at: number[]; lrs: number[] } | { kind: 'clipped'; s: number };

/**
 * Gradient descent with a step that changes along the run, w_(k+1) = w_k - eta_k grad L(w_k); the flow time
 * is t_k = sum_(i<k) eta_i. Piecewise: eta_k = lrs[i] from iteration at[i] on (lr before the first); clipped:
 * eta_k = min(lr, s / ||grad L(w_k)||), safe for deep square nets whose gradients are tiny near the origin.
 */
export class ScheduledGd extends DiscreteIntegrator {
  readonly label = 'GD (scheduled)';
  lastLr: number;

  constructor(
    problem: Problem,
    theta0: Float64Array,
    private readonly lr: number,
    private readonly rule: StepRule,
  ) {
    super(problem, theta0);
    this.lastLr = lr;
  }

  /** The step eta_k the next update will use. */
  currentLr(): number {
    const r = this.rule;
    if (r.kind === 'piecewise') {
      let eta = this.lr;
      for (let i = 0; i < r.at.length; i++) if (this.steps >= r.at[i]) eta = r.lrs[i];
      return eta;
    }
    let s = 0;
    for (let i = 0; i < this.g.length; i++) s += this.g[i] * this.g[i];
    const gn = Math.sqrt(s);
    return gn > 0 ? Math.min(this.lr, r.s / gn) : this.lr;
  }

  step(): StepResult {
    const eta = this.currentLr();
    const { theta, g } = this;
    for (let i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
    this.steps++;
    this.t += eta;
    this.lastLr = eta;
    this.loss = this.problem.grad(theta, g);
    return { ok: true };
  }

  info() {
    return { lr: this.lastLr };
  }
}
