import { cos } from '../../engine/core/det-math';
import { jacobiRotation, rotateLines } from '../../engine/core/jacobi-rotation';

/**
 * Proposition 3 made concrete (docs/labs/extrapolation.md Sec. 6, preset E-P3): with d > k, a student can
 * fit every length-k sequence exactly and still do anything beyond k. A diagonal student with d = 12 fixed
 * eigenvalues a_i = 0.95 cos((2i - 1) pi / 24) (Chebyshev points, which keep the Vandermonde matrix tame), c = 1 and
 * b = g with V g = r, V[j][i] = a_i^j, r_j = w_j for j < k and 0 for k <= j < d. Its first d impulse entries are
 * then r: the teacher's on [0, k), zero on [k, d). No training: a static demonstration.
 */
export interface Prop3Demo {
  teacher: { lambda: number[]; p: number[] };
  k: number;
  d: number;
  H: number;
  /** Student eigenvalues a_i. */
  a: number[];
  /** Student b_i (= g_i; c_i = 1, so the atom masses p_i = b_i c_i = g_i). */
  g: number[];
  /** Teacher w_j and student h_j, j < H. */
  w: number[];
  h: number[];
  /** max_{j<k} |h_j - w_j|. */
  fitError: number;
  /** max_{k<=j<H} |h_j - w_j| / max_{j<H} |w_j|. */
  E: number;
  /** Number of g_i < 0: a balanced student has every p_i >= 0, so this one is not balanced. */
  negative: number;
  /** 2-norm condition number of V (float64 keeps d <= 16 solvable). */
  condV: number;
}

export interface Prop3Options {
  lambda?: number[];
  p?: number[];
  k?: number;
  d?: number;
  H?: number;
  /** Radius of the Chebyshev points. */
  radius?: number;
}

/** The E-P3 construction (defaults: teacher atoms (0.9, -0.5) with masses (0.6, 0.4), k = 6, d = 12, H = 50). */
export function prop3Demo(o: Prop3Options = {}): Prop3Demo {
  const lambda = o.lambda ?? [0.9, -0.5];
  const p = o.p ?? [0.6, 0.4];
  const k = o.k ?? 6;
  const d = o.d ?? 12;
  const H = o.H ?? 50;
  const radius = o.radius ?? 0.95;
  if (!(d > k)) throw new RangeError(`Proposition 3 needs d > k (d = ${d}, k = ${k})`);
  if (d > 16) throw new RangeError(`d = ${d}: the Vandermonde system is too ill-conditioned in float64 beyond d = 16`);
  const w = moments(lambda, p, H);
  const a = Array.from({ length: d }, (_, i) => radius * cos(((2 * (i + 1) - 1) * Math.PI) / (2 * d)));
  // V[j][i] = a_i^j, row-major.
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    let x = 1;
    for (let j = 0; j < d; j++) {
      V[j * d + i] = x;
      x *= a[i];
    }
  }
  const r = Array.from({ length: d }, (_, j) => (j < k ? w[j] : 0));
  const g = solve(V, r, d);
  const h = moments(a, g, H);
  let fitError = 0;
  for (let j = 0; j < k; j++) fitError = Math.max(fitError, Math.abs(h[j] - w[j]));
  let tail = 0;
  let scale = 0;
  for (let j = 0; j < H; j++) {
    scale = Math.max(scale, Math.abs(w[j]));
    if (j >= k) tail = Math.max(tail, Math.abs(h[j] - w[j]));
  }
  return {
    teacher: { lambda: [...lambda], p: [...p] },
    k,
    d,
    H,
    a,
    g,
    w,
    h,
    fitError,
    E: tail / scale,
    negative: g.filter((x) => x < 0).length,
    condV: condition2(V, d),
  };
}

/** sum_i p_i x_i^j for j < n (x^0 = 1 even at x = 0), by repeated multiplication. */
function moments(x: number[], p: number[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < x.length; i++) {
    let t = p[i];
    for (let j = 0; j < n; j++) {
      out[j] += t;
      t *= x[i];
    }
  }
  return out;
}

/** Solves M x = b (M row-major n x n) by Gaussian elimination with partial pivoting. */
function solve(M: Float64Array, b: number[], n: number): number[] {
  const A = Float64Array.from(M);
  const x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r * n + c]) > Math.abs(A[piv * n + c])) piv = r;
    if (piv !== c) {
      for (let j = 0; j < n; j++) [A[c * n + j], A[piv * n + j]] = [A[piv * n + j], A[c * n + j]];
      [x[c], x[piv]] = [x[piv], x[c]];
    }
    for (let r = c + 1; r < n; r++) {
      const f = A[r * n + c] / A[c * n + c];
      if (f === 0) continue;
      for (let j = c; j < n; j++) A[r * n + j] -= f * A[c * n + j];
      x[r] -= f * x[c];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r];
    for (let j = r + 1; j < n; j++) s -= A[r * n + j] * x[j];
    x[r] = s / A[r * n + r];
  }
  return Array.from(x);
}

/** sigma_max / sigma_min of M (row-major n x n), from the eigenvalues of M^T M by cyclic Jacobi. */
function condition2(M: Float64Array, n: number): number {
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += M[r * n + i] * M[r * n + j];
      S[i * n + j] = s;
    }
  const ev = jacobiEigenvalues(S, n);
  const max = Math.max(...ev);
  const min = Math.min(...ev);
  return Math.sqrt(max / min);
}

function jacobiEigenvalues(S: Float64Array, n: number): number[] {
  const A = Float64Array.from(S);
  let total = 0;
  for (let i = 0; i < n * n; i++) total += A[i] * A[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += A[i * n + j] * A[i * n + j];
    if (off <= 1e-40 * total) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        const { c, s } = jacobiRotation((A[q * n + q] - A[p * n + p]) / (2 * apq));
        rotateLines(A, n, p, q, n, c, s); // columns p, q
        rotateLines(A, n, p * n, q * n, 1, c, s); // rows p, q
      }
  }
  return Array.from({ length: n }, (_, i) => A[i * n + i]);
}
