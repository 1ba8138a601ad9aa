import { exp, log } from '../core/det-math';
import { addDiagonalImpulse } from '../core/diagonal';
import { symmetricEigenvalues } from './jacobi';

/**
 * Metrics of paper 002 (lab spec Sec. 2.5) on plain arrays, for the problem, the lab and the tests. Conventions of
 * Sec. 2.1: h_j = C A^j B (0-based), the teacher's w_j likewise.
 */

export type StudentParam = 'diag-tied' | 'diag' | 'sym' | 'full';

/** Length of the parameter vector: diag-tied [a, b], diag [a, b, c], sym [theta (d(d+1)/2), B, C], full [A (d^2), B, C]. */
export function paramCount(param: StudentParam, d: number): number {
  switch (param) {
    case 'diag-tied':
      return 2 * d;
    case 'diag':
      return 3 * d;
    case 'sym':
      return (d * (d + 1)) / 2 + 2 * d;
    case 'full':
      return d * d + 2 * d;
  }
}

/** Index of A[i][j] (i <= j) in the row-major upper triangle of a d x d matrix. */
export function triIndex(i: number, j: number, d: number): number {
  return i * d - (i * (i - 1)) / 2 + (j - i);
}

/** The student's A as a dense row-major d x d matrix (diagonal students: diag(a)). */
export function denseA(param: StudentParam, d: number, theta: ArrayLike<number>, out: Float64Array = new Float64Array(d * d)): Float64Array {
  out.fill(0);
  if (param === 'diag' || param === 'diag-tied') for (let i = 0; i < d; i++) out[i * d + i] = theta[i];
  else if (param === 'full') for (let i = 0; i < d * d; i++) out[i] = theta[i];
  else
    for (let i = 0; i < d; i++)
      for (let j = i; j < d; j++) {
        const v = theta[triIndex(i, j, d)];
        out[i * d + j] = v;
        out[j * d + i] = v;
      }
  return out;
}

/** Offsets of B and C in theta (tied: C is B). */
export function bcOffsets(param: StudentParam, d: number): { B: number; C: number } {
  switch (param) {
    case 'diag-tied':
      return { B: d, C: d };
    case 'diag':
      return { B: d, C: 2 * d };
    case 'sym': {
      const m = (d * (d + 1)) / 2;
      return { B: m, C: m + d };
    }
    case 'full':
      return { B: d * d, C: d * d + d };
  }
}

/**
 * sum_q a[ao + q] b[bo + q] for q < len with four partial sums ((s0 + s1) + (s2 + s3)), which hides the add latency
 * (about 2x faster in V8 than one running sum). The order is fixed, so the result is the same double in every engine.
 */
function dot4(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let q = 0;
  for (; q + 3 < len; q += 4) {
    s0 += a[ao + q] * b[bo + q];
    s1 += a[ao + q + 1] * b[bo + q + 1];
    s2 += a[ao + q + 2] * b[bo + q + 2];
    s3 += a[ao + q + 3] * b[bo + q + 3];
  }
  for (; q < len; q++) s0 += a[ao + q] * b[bo + q];
  return s0 + s1 + (s2 + s3);
}

/**
 * y[yo + p] = sum_q A[p][q] x[xo + q] for a row-major d x d matrix A, each row a dot4; the same double for A and
 * an exactly equal A^T.
 */
export function matVec(A: ArrayLike<number>, d: number, x: Float64Array, xo: number, y: Float64Array, yo: number): void {
  for (let p = 0; p < d; p++) y[yo + p] = dot4(A, p * d, x, xo, d);
}

/** Y = X X for row-major d x d matrices, via the transposed copy Xt (rows of Xt = columns of X). */
function square(X: Float64Array, Xt: Float64Array, Y: Float64Array, d: number): void {
  for (let r = 0; r < d; r++) for (let q = 0; q < d; q++) Xt[q * d + r] = X[r * d + q];
  for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) Y[p * d + q] = dot4(X, p * d, Xt, q * d, d);
}

/**
 * The student's impulse response h_0..h_{H-1}: diagonal students sum_i b_i c_i a_i^j by running products (c = b
 * when tied); sym/full C A^j B by H - 1 matrix-vector products u <- A u.
 */
export function impulseOf(param: StudentParam, d: number, theta: ArrayLike<number>, H: number, out: Float64Array = new Float64Array(H)): Float64Array {
  out.fill(0, 0, H);
  if (param === 'diag' || param === 'diag-tied') {
    addDiagonalImpulse(theta, d, param === 'diag' ? 'abc' : 'ab-tied', H, out);
    return out;
  }
  const { B, C } = bcOffsets(param, d);
  const A = param === 'full' ? theta : denseA(param, d, theta);
  let u = new Float64Array(d);
  let nx = new Float64Array(d);
  for (let i = 0; i < d; i++) u[i] = theta[B + i];
  for (let j = 0; j < H; j++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += theta[C + i] * u[i];
    out[j] = s;
    if (j + 1 === H) break;
    matVec(A, d, u, 0, nx, 0);
    const tmp = u;
    u = nx;
    nx = tmp;
  }
  return out;
}

/** How E is normalised (lab spec Sec. 8 "Evaluation"): the normalised tail (default), the raw tail, or the whole window. */
export type ENorm = 'normalised' | 'raw' | 'whole';

/**
 * Extrapolation error E(k, H) = max_{k<=j<H} |h_j - w_j| / max_{0<=j<H} |w_j| (Sec. 2.5, lab default).
 * 'raw': the numerator alone; 'whole': max over 0 <= j < H instead of the tail. A zero teacher leaves the numerator.
 */
export function extrapolationError(h: ArrayLike<number>, w: ArrayLike<number>, k: number, H: number, norm: ENorm = 'normalised'): number {
  let num = 0;
  let den = 0;
  for (let j = 0; j < H; j++) {
    den = Math.max(den, Math.abs(w[j]));
    if (j < k && norm !== 'whole') continue;
    const err = Math.abs(h[j] - w[j]);
    if (Number.isNaN(err)) return NaN; // a diverged student must not score 0
    num = Math.max(num, err);
  }
  if (norm === 'raw') return num;
  return den > 0 ? num / den : num;
}

/**
 * E of the all-zero response, max_{k<=j<H} |w_j| / max_{j<H} |w_j| (App. C.3: a run whose E exceeds it does not
 * extrapolate). When the teacher's tail is identically zero (delay with k >= dHat) this is 1, the all-zero
 * response's error over the whole window [0, H), which is where the lab draws the reference (Sec. 2.5).
 */
export function zeroSolutionError(w: ArrayLike<number>, k: number, H: number): number {
  let num = 0;
  let den = 0;
  for (let j = 0; j < H; j++) {
    den = Math.max(den, Math.abs(w[j]));
    if (j >= k) num = Math.max(num, Math.abs(w[j]));
  }
  if (den === 0) return 0;
  return num === 0 ? 1 : num / den;
}

function norm2(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** Balancedness beta_BC = ||B - C^T|| / ||B + C^T|| (C given as a vector); 0 when B = C = 0. */
export function betaBC(B: ArrayLike<number>, C: ArrayLike<number>): number {
  let dm = 0;
  let dp = 0;
  for (let i = 0; i < B.length; i++) {
    dm += (B[i] - C[i]) * (B[i] - C[i]);
    dp += (B[i] + C[i]) * (B[i] + C[i]);
  }
  if (dm === 0) return 0;
  return Math.sqrt(dm) / Math.sqrt(dp);
}

/** Asymmetry alpha_A = ||A - A^T||_F / ||A||_F (A row-major d x d); 0 for A = 0. */
export function alphaA(A: ArrayLike<number>, d: number): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      const v = A[i * d + j];
      den += v * v;
      if (j > i) {
        const t = v - A[j * d + i];
        num += 2 * t * t;
      }
    }
  return den > 0 ? Math.sqrt(num) / Math.sqrt(den) : 0;
}

/** The Hankel matrix H_n[i][j] = h_{i+j}, i, j < n (row-major; needs h_0..h_{2n-2}). */
export function hankelMatrix(h: ArrayLike<number>, n: number, out: Float64Array = new Float64Array(n * n)): Float64Array {
  if (h.length < 2 * n - 1) throw new RangeError(`hankel: need ${2 * n - 1} values of h, got ${h.length}`);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = h[i + j];
  return out;
}

/** Eigenvalues of H_n (signed, descending): the PSD check of a balanced diagonal student (oracle 8). */
export function hankelEigenvalues(h: ArrayLike<number>, n: number): Float64Array {
  return symmetricEigenvalues(hankelMatrix(h, n), n).sort().reverse();
}

/**
 * Singular values sigma_1 >= ... >= sigma_n of the Hankel matrix H_n (raw, not normalised). H_n is symmetric, so
 * they are the absolute eigenvalues, from the cyclic Jacobi routine of ./jacobi.
 */
export function hankelSingularValues(h: ArrayLike<number>, n: number): Float64Array {
  const ev = symmetricEigenvalues(hankelMatrix(h, n), n);
  for (let i = 0; i < n; i++) ev[i] = Math.abs(ev[i]);
  return ev.sort().reverse();
}

/** Effective state dimension #{i : sigma_i > tau sigma_1} of descending singular values; 0 for a zero matrix. */
export function effectiveDimension(sigmas: ArrayLike<number>, tau: number): number {
  const s1 = sigmas.length > 0 ? sigmas[0] : 0;
  if (!(s1 > 0)) return 0;
  let n = 0;
  for (let i = 0; i < sigmas.length; i++) if (sigmas[i] > tau * s1) n++;
  return n;
}

/** Coefficients c_0..c_m of P(z) = prod_l (z - lambda_l) = sum_r c_r z^r (c_m = 1). */
export function polyFromRoots(roots: ArrayLike<number>): Float64Array {
  const m = roots.length;
  const c = new Float64Array(m + 1);
  c[0] = 1;
  for (let l = 0; l < m; l++) {
    // Multiply by (z - lambda_l): c_r <- c_{r-1} - lambda_l c_r, from the top down.
    for (let r = l + 1; r >= 1; r--) c[r] = c[r - 1] - roots[l] * c[r];
    c[0] = -roots[l] * c[0];
  }
  return c;
}

/**
 * Off-support mass Phi = sum_{r,s <= m} c_r c_s h_{r+s} with P(z) = prod (z - lambdaHat_l) = sum c_r z^r
 * (= sum_i p_i P(a_i)^2 for a diagonal student): 0 at the teacher, >= 0 for a balanced student. Needs h_0..h_{2m};
 * NaN when h is shorter.
 */
export function offSupportMass(h: ArrayLike<number>, lambdaHat: ArrayLike<number>): number {
  const m = lambdaHat.length;
  if (h.length < 2 * m + 1) return NaN;
  const c = polyFromRoots(lambdaHat);
  let phi = 0;
  for (let r = 0; r <= m; r++) {
    let s = 0;
    for (let q = 0; q <= m; q++) s += c[q] * h[r + q];
    phi += c[r] * s;
  }
  return phi;
}

/** Moments m_j = h_j / h_0 (a probability measure's moments for a balanced student with h_0 > 0). */
export function moments(h: ArrayLike<number>): Float64Array {
  const out = new Float64Array(h.length);
  for (let j = 0; j < h.length; j++) out[j] = h[j] / h[0];
  return out;
}

/**
 * Spectral radius of a general real d x d matrix (row-major), estimated by Gelfand's formula
 * rho = lim ||A^m||^(1/m) with m = 2^squarings, by repeated squaring renormalised at each step (no overflow):
 * log ||A^(2^(i+1))|| = 2 log ||A^(2^i)|| + log ||X_i^2|| with X_i = A^(2^i) / ||A^(2^i)||. For a diagonalisable A
 * the estimate overshoots by at most a factor (kappa(V) sqrt d)^(1/m) (never undershoots: ||A^m||_F >= rho^m);
 * 14 squarings (m = 16384) give < 0.1 % at kappa(V) sqrt(d) = 1e6, and 0.2 % for a Jordan block of size 4
 * (||J^m|| ~ m^3 rho^m). 0 for a nilpotent A (once a power vanishes). O(squarings d^3).
 */
export function spectralRadiusEstimate(A: ArrayLike<number>, d: number, squarings = 14): number {
  let X = Float64Array.from({ length: d * d }, (_, i) => A[i]);
  let Y = new Float64Array(d * d);
  const Xt = new Float64Array(d * d);
  let nrm = norm2(X);
  if (nrm === 0 || !Number.isFinite(nrm)) return nrm === 0 ? 0 : NaN;
  let L = log(nrm);
  for (let i = 0; i < d * d; i++) X[i] /= nrm;
  let m = 1;
  for (let it = 0; it < squarings; it++) {
    square(X, Xt, Y, d);
    nrm = norm2(Y);
    if (nrm === 0) return 0;
    L = 2 * L + log(nrm);
    m *= 2;
    for (let i = 0; i < d * d; i++) Y[i] /= nrm;
    const t = X;
    X = Y;
    Y = t;
  }
  return exp(L / m);
}
