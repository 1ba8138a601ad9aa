import { addPowers } from '../core/diagonal';
import { Rng } from '../core/rng';

/**
 * A teacher linear RNN of paper 002 (lab spec Sec. 2.3): w_j = C_hat A_hat^j B_hat, of state dimension dHat.
 * impulse(H) returns w_0..w_{H-1} (a fresh array). atoms are the (lambda_i, p_i) with w_j = sum_i p_i lambda_i^j
 * for the diagonal balanced teachers (p_i >= 0), null otherwise. A, B, C are the realisation (A row-major dHat x dHat).
 */
export interface LinearTeacher {
  dHat: number;
  impulse(H: number): Float64Array;
  atoms: { lambda: number[]; p: number[] } | null;
  A: Float64Array | null;
  B: Float64Array | null;
  C: Float64Array | null;
  /**
   * The eigenvalues of A_hat with multiplicity when they are all real (every teacher here), for the off-support
   * mass Phi of Sec. 2.5: P(z) = prod (z - roots_l) is A_hat's characteristic polynomial, so Phi = C P(A)^2 B = 0 at
   * the teacher (Cayley-Hamilton). The atoms' lambda for bal/atoms/T1/T2, zeros for delay, the diagonal for bidiag.
   */
  roots: number[] | null;
}

/** w_j = sum_i p_i lambda_i^j, j < H, by running products (the same loop as a diagonal student's impulse). */
export function atomImpulse(lambda: ArrayLike<number>, p: ArrayLike<number>, H: number): Float64Array {
  const w = new Float64Array(H);
  for (let i = 0; i < lambda.length; i++) addPowers(w, H, p[i], lambda[i]);
  return w;
}

function diagMatrix(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) A[i * n + i] = v[i];
  return A;
}

/** numpy.linspace(start, stop, num): start + i step, with the last point set to stop exactly. */
export function linspace(start: number, stop: number, num: number): number[] {
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  const out = Array.from({ length: num }, (_, i) => i * step + start);
  out[num - 1] = stop;
  return out;
}

function balancedDiagonal(lambda: number[], bHat: Float64Array, p: number[]): LinearTeacher {
  return {
    dHat: lambda.length,
    impulse: (H) => atomImpulse(lambda, p, H),
    atoms: { lambda: [...lambda], p: [...p] },
    A: diagMatrix(lambda),
    B: Float64Array.from(bHat),
    C: Float64Array.from(bHat),
    roots: [...lambda],
  };
}

/**
 * bal(s, dHat) (App. C.2.1): from the stream MT(s), lambda = linspace(0.6, 1.05, dHat) (no draws) or, with
 * spacing 'uniform', dHat draws 0.6 + (1.05 - 0.6) rand() (numpy's uniform, unsorted) first; then
 * b_i = 0.5 + gauss() (dHat draws), b_hat = b / ||b||_2, C_hat = b_hat^T, p = b_hat^2 (so w_0 = sum p = 1).
 */
export function balTeacher(seed: number, dHat: number, spacing: 'linspace' | 'uniform'): LinearTeacher {
  const rng = new Rng(seed);
  const lambda = spacing === 'linspace' ? linspace(0.6, 1.05, dHat) : Array.from({ length: dHat }, () => 0.6 + (1.05 - 0.6) * rng.rand());
  const b = new Float64Array(dHat);
  for (let i = 0; i < dHat; i++) b[i] = 0.5 + rng.gauss();
  let ss = 0;
  for (let i = 0; i < dHat; i++) ss += b[i] * b[i];
  const nrm = Math.sqrt(ss);
  for (let i = 0; i < dHat; i++) b[i] /= nrm;
  const p = Array.from(b, (v) => v * v);
  return balancedDiagonal(lambda, b, p);
}

/** B_hat = e_dHat, C_hat = e_1^T: the input enters the last state and the output reads the first (delay, bidiag). */
function chainEnds(dHat: number): { B: Float64Array; C: Float64Array } {
  const B = new Float64Array(dHat);
  B[dHat - 1] = 1;
  const C = new Float64Array(dHat);
  C[0] = 1;
  return { B, C };
}

/** delay(dHat) (Eq. C.1): the shift A_hat[i][i+1] = 1, B_hat = e_dHat, C_hat = e_1^T, so w_j = [j = dHat - 1]. */
export function delayTeacher(dHat: number): LinearTeacher {
  const A = new Float64Array(dHat * dHat);
  for (let i = 0; i + 1 < dHat; i++) A[i * dHat + i + 1] = 1;
  return {
    dHat,
    impulse: (H) => {
      const w = new Float64Array(H);
      if (dHat - 1 < H) w[dHat - 1] = 1;
      return w;
    },
    atoms: null,
    A,
    ...chainEnds(dHat),
    roots: new Array(dHat).fill(0),
  };
}

/**
 * Complete homogeneous symmetric polynomials hc_0..hc_m of x (hc_0 = 1), by the recursion over the variables
 * hc_m(x_1..x_l) = hc_m(x_1..x_{l-1}) + x_l hc_{m-1}(x_1..x_l).
 */
export function completeHomogeneous(x: ArrayLike<number>, m: number): Float64Array {
  const h = new Float64Array(m + 1);
  h[0] = 1;
  for (let l = 0; l < x.length; l++) for (let r = 1; r <= m; r++) h[r] += x[l] * h[r - 1];
  return h;
}

/**
 * bidiag(s, dHat) (App. B.2): from MT(s), the diagonal delta_i = 0.1 gauss() (dHat draws), then the
 * super-diagonal sigma_i = 0.7 + 0.1 gauss() (dHat - 1 draws); B_hat, C_hat as delay. The impulse is the closed form
 * w_j = (prod sigma) hc_{j - dHat + 1}(delta) (hc_m = 0 for m < 0): the paths from state 1 to state dHat in j steps.
 */
export function bidiagTeacher(seed: number, dHat: number): LinearTeacher {
  const rng = new Rng(seed);
  const delta = Array.from({ length: dHat }, () => 0.1 * rng.gauss());
  const sigma = Array.from({ length: dHat - 1 }, () => 0.7 + 0.1 * rng.gauss());
  let prod = 1;
  for (const s of sigma) prod *= s;
  const A = new Float64Array(dHat * dHat);
  for (let i = 0; i < dHat; i++) {
    A[i * dHat + i] = delta[i];
    if (i + 1 < dHat) A[i * dHat + i + 1] = sigma[i];
  }
  return {
    dHat,
    impulse: (H) => {
      const w = new Float64Array(H);
      const m = H - dHat;
      if (m < 0) return w;
      const hc = completeHomogeneous(delta, m);
      for (let j = dHat - 1; j < H; j++) w[j] = prod * hc[j - dHat + 1];
      return w;
    },
    atoms: null,
    A,
    ...chainEnds(dHat),
    roots: [...delta],
  };
}

/** A user's balanced diagonal teacher: atoms (lambda_i, p_i >= 0), b_hat = c_hat = sqrt(p), w_j = sum p_i lambda_i^j. */
export function atomsTeacher(lambda: number[], p: number[]): LinearTeacher {
  if (lambda.length !== p.length || lambda.length === 0) throw new RangeError('atoms: lambda and p need the same, non-zero length');
  for (let i = 0; i < p.length; i++) {
    if (!Number.isFinite(lambda[i]) || !Number.isFinite(p[i]) || p[i] < 0) throw new RangeError(`atoms: need finite lambda and p >= 0 (atom ${i})`);
  }
  return balancedDiagonal(
    [...lambda],
    Float64Array.from(p, (v) => Math.sqrt(v)),
    [...p],
  );
}

/**
 * The twin teachers of App. A (Lemma A.1 with dHat = 2): T1 lambda = (-1/sqrt2, 1/sqrt2), p = (1/2, 1/2);
 * T2 lambda = (-0.5, 1), p = (2/3, 1/3). They agree on w_0..w_2 and differ at w_3.
 */
export function twinTeacher(which: 'T1' | 'T2'): LinearTeacher {
  return which === 'T1' ? atomsTeacher([-Math.SQRT1_2, Math.SQRT1_2], [0.5, 0.5]) : atomsTeacher([-0.5, 1], [2 / 3, 1 / 3]);
}
