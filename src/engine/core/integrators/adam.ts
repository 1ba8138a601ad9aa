import type { Problem } from '../problem';
import { DiscreteIntegrator } from './discrete';
import { MultiStepLr } from './multistep';
import type { StepResult } from './types';
import { pow } from '../det-math';

/**
 * Adam with the framework defaults of the reference code, in the eps-hat form (docs/labs/poisoning.md Sec. 4.4):
 * lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), theta -= lr_t m / (sqrt(v) + eps).
 *
 * Optional extras (each absent: the update above, bit for bit):
 * - MultiStepLR (extrapolation spec Sec. 4.1, PyTorch's scheduler stepped after every update): lr is multiplied by
 *   gamma once for every milestone m already passed, so update number t (1-based) uses lr gamma^#{m < t}.
 *   Repeated milestones multiply repeatedly, as in PyTorch.
 * - epsPlacement 'torch': PyTorch's form theta -= (lr / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps), i.e.
 *   lr mhat / (sqrt(vhat) + eps), the update the extrapolation spec (Sec. 4.1) writes. 'hat' (default) is the form above.
 */
export class Adam extends DiscreteIntegrator {
  readonly label = 'Adam';
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly schedule: MultiStepLr;

  constructor(
    problem: Problem,
    theta0: Float64Array,
    lr: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
    milestones?: readonly number[],
    gamma?: number,
    private readonly epsPlacement: 'hat' | 'torch' = 'hat',
  ) {
    super(problem, theta0);
    this.m = new Float64Array(problem.n);
    this.v = new Float64Array(problem.n);
    this.schedule = new MultiStepLr(lr, milestones, gamma);
  }

  step(): StepResult {
    const { theta, g, m, v, beta1, beta2, eps } = this;
    const k = ++this.steps;
    const lr = this.schedule.at(k);
    if (this.epsPlacement === 'torch') {
      adamTorchUpdate(theta, g, m, v, lr, k, beta1, beta2, eps);
    } else {
      const lrT = (lr * Math.sqrt(1 - pow(beta2, k))) / (1 - pow(beta1, k));
      for (let i = 0; i < theta.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        theta[i] -= (lrT * m[i]) / (Math.sqrt(v[i]) + eps);
      }
    }
    this.t += lr;
    this.loss = this.problem.grad(theta, g);
    return { ok: true };
  }

  info() {
    return { lr: this.schedule.current };
  }
}

/**
 * Update number k (1-based) of Adam in PyTorch's form, in place: m and v take the moments of g, then
 * theta -= (lr / (1 - b1^k)) m / (sqrt(v) / sqrt(1 - b2^k) + eps).
 */
export function adamTorchUpdate(
  theta: Float64Array,
  g: ArrayLike<number>,
  m: Float64Array,
  v: Float64Array,
  lr: number,
  k: number,
  beta1: number,
  beta2: number,
  eps: number,
): void {
  const stepSize = lr / (1 - pow(beta1, k));
  const bc2Sqrt = Math.sqrt(1 - pow(beta2, k));
  for (let i = 0; i < theta.length; i++) {
    m[i] = beta1 * m[i] + (1 - beta1) * g[i];
    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
    theta[i] -= (stepSize * m[i]) / (Math.sqrt(v[i]) / bc2Sqrt + eps);
  }
}
