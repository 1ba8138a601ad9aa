import type { LinearRnnProblem } from '../problem';

/** Classic RK4 for d theta/dt = -grad L (written here, independent of the app's integrators). */
export function rk4(p: LinearRnnProblem, theta0: Float64Array, dt: number, steps: number, each?: (th: Float64Array) => void): Float64Array {
  const n = p.n;
  let th = Float64Array.from(theta0);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const y = new Float64Array(n);
  // the gradient at y = th - h k, into out
  const stage = (h: number, k: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) y[i] = th[i] - h * k[i];
    p.grad(y, out);
  };
  for (let s = 0; s < steps; s++) {
    p.grad(th, k1);
    stage(0.5 * dt, k1, k2);
    stage(0.5 * dt, k2, k3);
    stage(dt, k3, k4);
    const nx = new Float64Array(n);
    for (let i = 0; i < n; i++) nx[i] = th[i] - (dt / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    th = nx;
    each?.(th);
  }
  return th;
}
