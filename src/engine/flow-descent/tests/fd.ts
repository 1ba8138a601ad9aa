import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Objective } from '../objective';

/** Central-difference gradient of obj.loss (independent of obj.grad). */
export function fdGrad(obj: Objective, theta: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(obj.n);
  const x = Float64Array.from(theta);
  for (let i = 0; i < obj.n; i++) {
    const xi = x[i];
    x[i] = xi + h;
    const fp = obj.loss(x);
    x[i] = xi - h;
    const fm = obj.loss(x);
    x[i] = xi;
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}

/** H v by central differences of obj.grad along v (step h / ||v||). */
export function fdHvp(obj: Objective, theta: Float64Array, v: Float64Array, h = 1e-5): Float64Array {
  const nv = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const s = h / nv;
  const xp = theta.map((x, i) => x + s * v[i]);
  const xm = theta.map((x, i) => x - s * v[i]);
  const gp = new Float64Array(obj.n);
  const gm = new Float64Array(obj.n);
  obj.grad(xp, gp);
  obj.grad(xm, gm);
  return gp.map((x, i) => (x - gm[i]) / (2 * s));
}

/** max |a - b| / max(floor, max |b|): the relative error of a vector. */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-300): number {
  let d = 0;
  let m = floor;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / m;
}

export function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

export function randVec(n: number, rand: () => number, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => scale * (2 * rand() - 1));
}

/** H assembled column by column from obj.hvp (not symmetrised), row-major. */
export function hvpMatrix(obj: Objective, theta: Float64Array): Float64Array {
  const n = obj.n;
  const H = new Float64Array(n * n);
  const e = new Float64Array(n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e[j] = 1;
    obj.hvp(theta, e, col);
    e[j] = 0;
    for (let i = 0; i < n; i++) H[i * n + j] = col[i];
  }
  return H;
}

/** Sorted eigenvalues of a symmetric row-major matrix by ml-matrix (an independent reference). */
export function refEigenvalues(H: Float64Array, n: number): number[] {
  const rows = Array.from({ length: n }, (_, i) => Array.from(H.slice(i * n, i * n + n)));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) rows[i][j] = rows[j][i] = 0.5 * (rows[i][j] + rows[j][i]);
  return new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true }).realEigenvalues.slice().sort((a, b) => a - b);
}
