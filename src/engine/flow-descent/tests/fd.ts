import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Objective } from '../objective';

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

export function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

export function randVec(n: number, rand: () => number, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => scale * (2 * rand() - 1));
}

/** Sorted eigenvalues of a symmetric row-major matrix by ml-matrix (an independent reference). */
export function refEigenvalues(H: Float64Array, n: number): number[] {
  const rows = Array.from({ length: n }, (_, i) => Array.from(H.slice(i * n, i * n + n)));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) rows[i][j] = rows[j][i] = 0.5 * (rows[i][j] + rows[j][i]);
  return new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true }).realEigenvalues.slice().sort((a, b) => a - b);
}
