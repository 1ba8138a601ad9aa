import type { Problem } from './problem';
import { symmetrize } from './symmetrize';

/** Central-difference gradient of problem.loss (independent of its grad), for checking closed forms in tests. */
export function fdGradient(problem: Pick<Problem, 'n' | 'loss'>, theta: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(problem.n);
  const x = Float64Array.from(theta);
  for (let i = 0; i < problem.n; i++) {
    const xi = x[i];
    x[i] = xi + h;
    const fp = problem.loss(x);
    x[i] = xi - h;
    const fm = problem.loss(x);
    x[i] = xi;
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}

/**
 * Central-difference Hessian from the closed-form gradient (row-major n x n), step h max(1, |theta_j|),
 * symmetrised. Tests check closed forms with it; models without a closed-form Hessian use it too.
 */
export function fdHessian(problem: Pick<Problem, 'n' | 'grad'>, theta: Float64Array, h = 1e-6, H: Float64Array = new Float64Array(problem.n * problem.n)): Float64Array {
  const n = problem.n;
  const x = Float64Array.from(theta);
  const gp = new Float64Array(n);
  const gm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const xj = x[j];
    const step = h * Math.max(1, Math.abs(xj));
    x[j] = xj + step;
    problem.grad(x, gp);
    x[j] = xj - step;
    problem.grad(x, gm);
    x[j] = xj;
    for (let i = 0; i < n; i++) H[i * n + j] = (gp[i] - gm[i]) / (2 * step);
  }
  return symmetrize(H, n);
}

/** max_i |x_i - y_i| / max(max_i |y_i|, floor): one relative error for a whole vector. */
export function relError(x: ArrayLike<number>, y: ArrayLike<number>, floor = 1e-300): number {
  let num = 0;
  let den = floor;
  for (let i = 0; i < y.length; i++) {
    num = Math.max(num, Math.abs(x[i] - y[i]));
    den = Math.max(den, Math.abs(y[i]));
  }
  return num / den;
}
