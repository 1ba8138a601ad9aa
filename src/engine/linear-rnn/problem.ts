import { addDiagonalImpulse, addUnitCurvature, type DiagonalLayout, diagonalGrad, gaussNewton, weightRows } from '../core/diagonal';
import { fdHessian } from '../core/finite-diff';
import type { ParamBlock, Problem } from '../core/problem';
import { Rng } from '../core/rng';
import { generalEigenvalues } from './hqr';
import { complexAtoms } from './residues';
import { symmetricEigenvalues } from './jacobi';
import {
  alphaA,
  bcOffsets,
  betaBC,
  denseA,
  type ENorm,
  effectiveDimension,
  extrapolationError,
  hankelSingularValues,
  impulseOf,
  matVec,
  offSupportMass,
  paramCount,
  type StudentParam,
  spectralRadiusEstimate,
} from './metrics';

export type { StudentParam } from './metrics';

/** The losses of lab spec Sec. 2.4; all depend on e_j = h_j - w_j (j < k) only. */
export type LossKind = 'population' | 'accumulating' | 'empirical' | 'empirical-acc';

export interface LinearRnnConfig {
  param: StudentParam;
  /** Student state dimension. */
  d: number;
  /** Training sequence length. */
  k: number;
  /** Teacher impulse w_0.., length >= max(k, H, 2 hankelN - 1). */
  w: Float64Array;
  loss: LossKind;
  /**
   * Empirical losses: N sequences of N(0,1) inputs x^(n)_0..x^(n)_{k-1}, drawn from MT(seed) sequence by sequence
   * (n outer, t inner). fixed: one dataset for the whole run. fresh: a new batch of N at every grad() call (a
   * stochastic gradient, deterministic given the seed); loss() and hess() use the batch of the last grad() call
   * (the constructor draws the first one).
   */
  empirical?: { N: number; seed: number; fresh: boolean };
  /** Evaluation horizon of E (Sec. 2.5). */
  H: number;
  /** Hankel size n (uses h_0..h_{2n-2}) and threshold tau of the effective state dimension. */
  hankelN: number;
  tau: number;
  /** Addition: the teacher's real eigenvalues (LinearTeacher.roots) for the metric phi; NaN without them. */
  lambdaHat?: ArrayLike<number> | null;
  /** Addition: the initial point, the reference of invDrift (else the first point metrics() sees). */
  theta0?: Float64Array;
  /** Addition: the normalisation of the metric E (default 'normalised', Sec. 2.5). */
  eNorm?: ENorm;
}

const METRICS = ['E', 'betaBC', 'alphaA', 'invBC', 'invDrift', 'phi', 'effDim', 'specRadius'] as const;

/**
 * A linear RNN student of paper 002 (lab spec Sec. 2-3) against a fixed teacher impulse w. Parameter layouts:
 *   diag-tied [a (d), b (d)] (c := b); diag [a, b, c]; sym [theta = upper triangle of A row-major (d(d+1)/2), B, C];
 *   full [A (d^2 row-major), B, C].
 * grad() returns the exact loss and the factor-2 gradient of Sec. 3 without allocating: O(k d) for diagonal
 * students (X_i, Y_i of Sec. 3.3), O(k d^2 + k^2 d) for sym/full (U, V, Gh of Sec. 3.1). hess() is the closed form
 * of Sec. 3.4 for diagonal students and central differences of the closed-form gradient for sym/full.
 */
/** Sec. 4.2: an empirical run checks its population loss every 500 steps and stops below 1e-8. */
const POPULATION_CHECK = 500;
const POPULATION_BELOW = 1e-8;

export class LinearRnnProblem implements Problem {
  readonly n: number;
  readonly blocks: readonly ParamBlock[];
  readonly metricNames: readonly string[] = METRICS;
  readonly param: StudentParam;
  readonly d: number;
  readonly k: number;
  readonly lossKind: LossKind;
  /** Teacher impulse (a copy of cfg.w). */
  readonly w: Float64Array;
  private readonly H: number;
  private readonly hankelN: number;
  private readonly tau: number;
  private readonly eNorm: ENorm;
  private readonly lambdaHat: Float64Array | null;
  private readonly offB: number;
  private readonly offC: number;
  /** The parameter layout of a diagonal student (diag-tied, diag). */
  private readonly diagLayout: DiagonalLayout;
  // Loss buffers: e = h - w, gh = dL/dh, We = W e.
  private readonly e: Float64Array;
  private readonly gh: Float64Array;
  private readonly We: Float64Array;
  // Empirical data: the k x k matrix S (or S_acc) of the current dataset / batch.
  private readonly S: Float64Array | null = null;
  private readonly X: Float64Array | null = null;
  private readonly lag: Float64Array | null = null;
  private readonly dataRng: Rng | null = null;
  private readonly fresh: boolean = false;
  private readonly N: number = 0;
  // sym/full buffers.
  private readonly Ad: Float64Array | null = null;
  private readonly U: Float64Array | null = null;
  private readonly V: Float64Array | null = null;
  private readonly M: Float64Array | null = null;
  private readonly T1: Float64Array | null = null;
  private readonly At: Float64Array | null = null;
  // Metrics.
  private readonly HL: number;
  private readonly hTeacherHankel: Float64Array;
  private ref: Float64Array | null = null;
  private J: Float64Array | null = null;
  private WJ: Float64Array | null = null;

  constructor(cfg: LinearRnnConfig) {
    const { param, d, k, H, hankelN } = cfg;
    if (!(d >= 1 && k >= 1 && H >= 1 && hankelN >= 1) || ![d, k, H, hankelN].every(Number.isInteger))
      throw new RangeError('linear RNN: d, k, H, hankelN must be positive integers');
    const lam = cfg.lambdaHat ? Float64Array.from(cfg.lambdaHat) : null;
    const needW = Math.max(H, 2 * hankelN - 1, k);
    if (cfg.w.length < needW) throw new RangeError(`linear RNN: the teacher impulse needs ${needW} values, got ${cfg.w.length}`);
    // The student's impulse for the metrics also covers h_0..h_{2m} for Phi (m = number of teacher roots).
    this.HL = Math.max(needW, lam ? 2 * lam.length + 1 : 0);
    this.param = param;
    this.d = d;
    this.k = k;
    this.lossKind = cfg.loss;
    this.w = Float64Array.from(cfg.w);
    this.H = H;
    this.hankelN = hankelN;
    this.tau = cfg.tau;
    this.eNorm = cfg.eNorm ?? 'normalised';
    this.lambdaHat = lam;
    this.n = paramCount(param, d);
    const { B, C } = bcOffsets(param, d);
    this.offB = B;
    this.offC = C;
    this.diagLayout = param === 'diag-tied' ? 'ab-tied' : 'abc';
    const nA = param === 'full' ? d * d : param === 'sym' ? (d * (d + 1)) / 2 : d;
    const blocks: ParamBlock[] = [
      { name: param === 'sym' ? 'theta' : param === 'full' ? 'A' : 'a', offset: 0, size: nA },
      { name: param === 'diag' || param === 'diag-tied' ? 'b' : 'B', offset: B, size: d },
    ];
    if (param !== 'diag-tied') blocks.push({ name: param === 'diag' ? 'c' : 'C', offset: C, size: d });
    this.blocks = blocks;
    this.e = new Float64Array(k);
    this.gh = new Float64Array(k);
    this.We = new Float64Array(k);
    if (cfg.loss === 'empirical' || cfg.loss === 'empirical-acc') {
      const emp = cfg.empirical;
      if (!emp || !(emp.N >= 1) || !Number.isInteger(emp.N)) throw new RangeError('linear RNN: an empirical loss needs empirical.N >= 1');
      this.N = emp.N;
      this.fresh = emp.fresh;
      this.S = new Float64Array(k * k);
      this.X = new Float64Array(emp.N * k);
      if (cfg.loss === 'empirical-acc') this.lag = new Float64Array(k * k);
      this.dataRng = new Rng(emp.seed);
      this.drawData();
    }
    if (param === 'sym' || param === 'full') {
      if (param === 'sym') this.Ad = new Float64Array(d * d);
      this.U = new Float64Array(k * d);
      this.V = new Float64Array(k * d);
      this.M = new Float64Array(k * d);
      this.T1 = new Float64Array(d * d);
      if (param === 'full') this.At = new Float64Array(d * d);
    }
    const sw = hankelSingularValues(this.w, hankelN);
    this.hTeacherHankel = sw.map((s) => (sw[0] > 0 ? s / sw[0] : 0));
    if (cfg.theta0) this.setReference(cfg.theta0);
  }

  /** Sets the reference point of invDrift (b_i^2 - c_i^2, or Q, at init). */
  setReference(theta0: Float64Array): void {
    this.ref = this.invariants(theta0);
  }

  /** Draws the next dataset / batch (n outer, t inner) and builds S (empirical) or S_acc (empirical-acc). */
  private drawData(): void {
    const { N, k } = this;
    const X = this.X!;
    const S = this.S!;
    const rng = this.dataRng!;
    for (let i = 0; i < N * k; i++) X[i] = rng.gauss();
    S.fill(0);
    if (this.lossKind === 'empirical') {
      // S[i][j] = (1/N) sum_n x_{k-1-i} x_{k-1-j}: the reversed input u_i = x_{k-1-i} feeds h_i.
      for (let s = 0; s < N; s++) {
        const o = s * k;
        for (let i = 0; i < k; i++) {
          const ui = X[o + k - 1 - i];
          for (let j = i; j < k; j++) S[i * k + j] += ui * X[o + k - 1 - j];
        }
      }
    } else {
      // S_acc[i][j] (i <= j) = (1/N) sum_n sum_{t=j+1..k} x_{t-1-i} x_{t-1-j} = (1/N) sum_n sum_{s=0..k-1-j} x_s x_{s+j-i}:
      // per sequence, cumulative lagged products lag[l][m] = sum_{s<=m} x_s x_{s+l}, then S[i][i+l] += lag[l][k-1-i-l].
      const lag = this.lag!;
      for (let s = 0; s < N; s++) {
        const o = s * k;
        for (let l = 0; l < k; l++) {
          let cum = 0;
          for (let m = 0; m + l < k; m++) {
            cum += X[o + m] * X[o + m + l];
            lag[l * k + m] = cum;
          }
        }
        for (let l = 0; l < k; l++) for (let i = 0; i + l < k; i++) S[i * k + i + l] += lag[l * k + (k - 1 - i - l)];
      }
    }
    for (let i = 0; i < k; i++)
      for (let j = i; j < k; j++) {
        const v = S[i * k + j] / N;
        S[i * k + j] = v;
        S[j * k + i] = v;
      }
  }

  /** The current empirical matrix S or S_acc (k x k row-major), null for population losses. For tests and plots. */
  dataMatrix(): Float64Array | null {
    return this.S ? Float64Array.from(this.S) : null;
  }

  /** The current dataset / batch x^(n)_t (N x k row-major), null for population losses. */
  dataInputs(): Float64Array | null {
    return this.X ? Float64Array.from(this.X) : null;
  }

  /** Fills e = h - w (j < k); for sym/full also U (rows A^s B) and, for sym, the dense A. */
  private forward(theta: Float64Array): void {
    const { d, k, e, w, offB, offC } = this;
    if (this.param === 'diag' || this.param === 'diag-tied') {
      // h first, then e = h - w: h is summed exactly as impulseOf and the teachers' atomImpulse do, so a student
      // that embeds a diagonal teacher has e = 0 exactly.
      e.fill(0);
      addDiagonalImpulse(theta, d, this.diagLayout, k, e);
      for (let j = 0; j < k; j++) e[j] -= w[j];
      return;
    }
    const A = this.denseA(theta);
    const U = this.U!;
    for (let i = 0; i < d; i++) U[i] = theta[offB + i];
    for (let s = 0; s + 1 < k; s++) matVec(A, d, U, s * d, U, (s + 1) * d);
    for (let j = 0; j < k; j++) {
      let t = 0;
      const o = j * d;
      for (let i = 0; i < d; i++) t += theta[offC + i] * U[o + i];
      e[j] = t - w[j];
    }
  }

  /** A as a dense d x d matrix: theta itself (full) or the symmetric expansion of the triangle (sym). */
  private denseA(theta: Float64Array): Float64Array {
    if (this.param === 'full') return theta;
    const { d } = this;
    const A = this.Ad!;
    let o = 0;
    for (let i = 0; i < d; i++)
      for (let j = i; j < d; j++) {
        const v = theta[o++];
        A[i * d + j] = v;
        A[j * d + i] = v;
      }
    return A;
  }

  /** Loss from e, and gh = dL/dh = 2 W e (W = I, diag(k - j), S or S_acc). */
  private lossFromE(): number {
    const { k, e, gh, We } = this;
    let loss = 0;
    switch (this.lossKind) {
      case 'population':
        for (let j = 0; j < k; j++) {
          loss += e[j] * e[j];
          gh[j] = 2 * e[j];
        }
        return loss;
      case 'accumulating':
        for (let j = 0; j < k; j++) {
          const we = (k - j) * e[j];
          loss += e[j] * we;
          gh[j] = 2 * we;
        }
        return loss;
      default: {
        const S = this.S!;
        for (let i = 0; i < k; i++) {
          let t = 0;
          for (let j = 0; j < k; j++) t += S[i * k + j] * e[j];
          We[i] = t;
          loss += e[i] * t;
          gh[i] = 2 * t;
        }
        return loss;
      }
    }
  }

  loss(theta: Float64Array): number {
    this.forward(theta);
    return this.lossFromE();
  }

  /**
   * Sec. 4.2: an empirical run stops once its population loss, checked every POPULATION_CHECK steps, is below
   * POPULATION_BELOW (a fresh batch's own loss never settles).
   */
  converged(theta: Float64Array, steps: number): string | null {
    const empirical = this.lossKind === 'empirical' || this.lossKind === 'empirical-acc';
    if (!empirical || steps === 0 || steps % POPULATION_CHECK !== 0) return null;
    const pop = this.populationLoss(theta);
    return pop < POPULATION_BELOW ? `population loss ${pop.toExponential(3)} < ${POPULATION_BELOW} (checked every ${POPULATION_CHECK} steps)` : null;
  }

  /**
   * The expected loss over inputs at the current e: sum e_j^2 (population, empirical) or sum (k - j) e_j^2
   * (accumulating, empirical-acc), the quantity Sec. 4.2 checks every 500 steps of an empirical run.
   */
  populationLoss(theta: Float64Array): number {
    this.forward(theta);
    const { k, e } = this;
    const acc = this.lossKind === 'accumulating' || this.lossKind === 'empirical-acc';
    let s = 0;
    for (let j = 0; j < k; j++) s += (acc ? k - j : 1) * e[j] * e[j];
    return s;
  }

  grad(theta: Float64Array, g: Float64Array): number {
    if (this.fresh) this.drawData();
    return this.gradAt(theta, g);
  }

  /** The gradient on the current data (no fresh draw). */
  private gradAt(theta: Float64Array, g: Float64Array): number {
    this.forward(theta);
    const loss = this.lossFromE();
    // Sec. 3.3: X_i = sum_j g_j a^j, Y_i = sum_{j>=1} j g_j a^{j-1}; da = b c Y, db = c X, dc = b X (tied: db = 2 b X).
    if (this.param === 'diag' || this.param === 'diag-tied') diagonalGrad(theta, this.d, this.diagLayout, this.gh, this.k, g);
    else this.gradDense(theta, g);
    return loss;
  }

  /**
   * Sec. 3.1-3.2: V rows (A^T)^r C^T, dB = V^T g, dC^T = U^T g, dA = V^T Gh U with Gh[r][s] = g_{r+s+1}.
   * V is built by the same matVec as U, from an explicit A^T, so V = U bit for bit when A is symmetric and B = C^T,
   * and then dB = dC. In that case (full A only; checked exactly, O(d^2)) the exact dA = U^T Gh U is symmetric, and
   * dA = (T + T^T) / 2 with T = V^T Gh U makes it so bit for bit: GD, Adam and GF from a symmetric, balanced start
   * stay there exactly (Sec. 3.2). sym: dtheta_ii = dA_ii, dtheta_ij = dA_ij + dA_ji.
   */
  private gradDense(theta: Float64Array, g: Float64Array): void {
    const { d, k, gh, offB, offC } = this;
    const full = this.param === 'full';
    const U = this.U!;
    const V = this.V!;
    const M = this.M!;
    const T = this.T1!;
    // A^T: sym's A is symmetric by construction; full's is transposed into At.
    let At = this.Ad!;
    let symBal = false;
    if (full) {
      At = this.At!;
      for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) At[q * d + p] = theta[p * d + q];
      symBal = true;
      for (let i = 0; i < d && symBal; i++) if (theta[offB + i] !== theta[offC + i]) symBal = false;
      for (let i = 0; i < d * d && symBal; i++) if (At[i] !== theta[i]) symBal = false;
    }
    for (let i = 0; i < d; i++) V[i] = theta[offC + i];
    for (let r = 0; r + 1 < k; r++) matVec(At, d, V, r * d, V, (r + 1) * d);
    // dB = V^T gh, dC = U^T gh.
    for (let p = 0; p < d; p++) {
      g[offB + p] = 0;
      g[offC + p] = 0;
    }
    for (let r = 0; r < k; r++) {
      const gr = gh[r];
      const o = r * d;
      for (let p = 0; p < d; p++) {
        g[offB + p] += gr * V[o + p];
        g[offC + p] += gr * U[o + p];
      }
    }
    // M = Gh U (rows r = 0..k-2), T = V^T M.
    this.hankelTimes(U, M);
    this.outerSum(V, M, T);
    if (full) {
      if (symBal) for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) g[p * d + q] = 0.5 * (T[p * d + q] + T[q * d + p]);
      else for (let i = 0; i < d * d; i++) g[i] = T[i];
    } else {
      let o = 0;
      for (let p = 0; p < d; p++) {
        g[o++] = T[p * d + p];
        for (let q = p + 1; q < d; q++) g[o++] = T[p * d + q] + T[q * d + p];
      }
    }
  }

  /** out[r] = sum_{s <= k-2-r} gh[r+s+1] In[s], r = 0..k-2 (the Hankel matrix Gh times the rows of In). */
  private hankelTimes(In: Float64Array, out: Float64Array): void {
    const { d, k, gh } = this;
    for (let r = 0; r + 1 < k; r++) {
      const o = r * d;
      for (let q = 0; q < d; q++) out[o + q] = 0;
      for (let s = 0; r + s + 1 < k; s++) {
        const gv = gh[r + s + 1];
        const os = s * d;
        for (let q = 0; q < d; q++) out[o + q] += gv * In[os + q];
      }
    }
  }

  /** T = sum_{r=0..k-2} L[r] R[r]^T (d x d), four rank-one terms per pass over T (fewer loads and stores of T). */
  private outerSum(L: Float64Array, R: Float64Array, T: Float64Array): void {
    const { d, k } = this;
    T.fill(0);
    let r = 0;
    for (; r + 4 < k; r += 4) {
      const o1 = r * d;
      const o2 = o1 + d;
      const o3 = o2 + d;
      const o4 = o3 + d;
      for (let p = 0; p < d; p++) {
        const l1 = L[o1 + p];
        const l2 = L[o2 + p];
        const l3 = L[o3 + p];
        const l4 = L[o4 + p];
        const row = p * d;
        for (let q = 0; q < d; q++) T[row + q] += l1 * R[o1 + q] + l2 * R[o2 + q] + (l3 * R[o3 + q] + l4 * R[o4 + q]);
      }
    }
    for (; r + 1 < k; r++) {
      const o = r * d;
      for (let p = 0; p < d; p++) {
        const l1 = L[o + p];
        const row = p * d;
        for (let q = 0; q < d; q++) T[row + q] += l1 * R[o + q];
      }
    }
  }

  /**
   * Sec. 3.4 for diagonal students: Hess = 2 J^T W J + blockdiag_i K_i with g = 2 W e (W = I, diag(k - j), S or
   * S_acc of the current data). sym/full: central differences (h = 1e-6) of the closed-form gradient on the current
   * data; those are only offered with the explicit solver.
   */
  hess(theta: Float64Array, out: Float64Array): void {
    if (this.param === 'sym' || this.param === 'full') {
      fdHessian({ n: this.n, grad: (x, g) => this.gradAt(x, g) }, theta, 1e-6, out);
      return;
    }
    const { d, k, n, gh, offB, offC } = this;
    const tied = this.param === 'diag-tied';
    this.forward(theta);
    this.lossFromE();
    if (!this.J) {
      this.J = new Float64Array(k * n);
      this.WJ = new Float64Array(k * n);
    }
    const J = this.J;
    const WJ = this.WJ!;
    J.fill(0);
    for (let i = 0; i < d; i++) {
      const a = theta[i];
      const b = theta[offB + i];
      const c = theta[offC + i];
      let pw = 1; // a^j
      let pm = 0; // a^(j-1)
      for (let j = 0; j < k; j++) {
        const row = j * n;
        J[row + i] = j * b * c * pm;
        if (tied) J[row + offB + i] = 2 * b * pw;
        else {
          J[row + offB + i] = c * pw;
          J[row + offC + i] = b * pw;
        }
        pm = pw;
        pw *= a;
      }
    }
    // WJ = W J.
    if (this.lossKind === 'population') WJ.set(J);
    else if (this.lossKind === 'accumulating') for (let j = 0; j < k; j++) for (let p = 0; p < n; p++) WJ[j * n + p] = (k - j) * J[j * n + p];
    else weightRows(this.S!, k, J, n, WJ);
    gaussNewton(J, WJ, k, n, out);
    for (let i = 0; i < d; i++) {
      const a = theta[i];
      const b = theta[offB + i];
      const c = theta[offC + i];
      // sAA = sum g_j j(j-1) a^(j-2), sA = sum g_j j a^(j-1), sH = sum g_j a^j.
      let sAA = 0;
      let sA = 0;
      let sH = 0;
      let pw = 1;
      let pm = 0;
      let pmm = 0;
      for (let j = 0; j < k; j++) {
        sAA += gh[j] * j * (j - 1) * pmm;
        sA += gh[j] * j * pm;
        sH += gh[j] * pw;
        pmm = pm;
        pm = pw;
        pw *= a;
      }
      const ia = i;
      const ib = offB + i;
      if (tied) {
        out[ia * n + ia] += b * b * sAA;
        out[ia * n + ib] += 2 * b * sA;
        out[ib * n + ia] += 2 * b * sA;
        out[ib * n + ib] += 2 * sH;
      } else addUnitCurvature(out, n, ia, ib, offC + i, b, c, sAA, sA, sH);
    }
  }

  /** The student's impulse h_0..h_{len-1} (len defaults to max(k, H, 2 hankelN - 1, 2 lambdaHat.length + 1)). */
  impulse(theta: Float64Array, len = this.HL): Float64Array {
    return impulseOf(this.param, this.d, theta, len);
  }

  /** Conserved quantities: diagonal b_i^2 - c_i^2 (d); sym/full Q = A A^T - A^T A + B B^T - C^T C (d x d). */
  invariants(theta: Float64Array): Float64Array {
    const { d, offB, offC } = this;
    if (this.param === 'diag' || this.param === 'diag-tied') {
      return Float64Array.from({ length: d }, (_, i) => theta[offB + i] * theta[offB + i] - theta[offC + i] * theta[offC + i]);
    }
    const A = denseA(this.param, d, theta);
    const Q = new Float64Array(d * d);
    for (let p = 0; p < d; p++)
      for (let q = 0; q < d; q++) {
        let s = 0;
        for (let r = 0; r < d; r++) s += A[p * d + r] * A[q * d + r] - A[r * d + p] * A[r * d + q];
        Q[p * d + q] = s + theta[offB + p] * theta[offB + q] - theta[offC + p] * theta[offC + q];
      }
    return Q;
  }

  metrics(theta: Float64Array, out: Float64Array): void {
    const { d, k, offB, offC, param } = this;
    const h = this.impulse(theta);
    out[0] = extrapolationError(h, this.w, k, this.H, this.eNorm);
    const B = theta.subarray(offB, offB + d);
    const C = theta.subarray(offC, offC + d);
    out[1] = betaBC(B, C);
    out[2] = param === 'full' ? alphaA(theta, d) : 0;
    let nb = 0;
    let nc = 0;
    for (let i = 0; i < d; i++) {
      nb += B[i] * B[i];
      nc += C[i] * C[i];
    }
    out[3] = nb - nc;
    const inv = this.invariants(theta);
    if (!this.ref) this.ref = inv;
    let drift = 0;
    for (let i = 0; i < inv.length; i++) drift = Math.max(drift, Math.abs(inv[i] - this.ref[i]));
    out[4] = drift;
    out[5] = this.lambdaHat ? offSupportMass(h, this.lambdaHat) : NaN;
    out[6] = effectiveDimension(hankelSingularValues(h, this.hankelN), this.tau);
    if (param === 'diag' || param === 'diag-tied') {
      let r = 0;
      for (let i = 0; i < d; i++) r = Math.max(r, Math.abs(theta[i]));
      out[7] = r;
    } else if (param === 'sym') {
      const ev = symmetricEigenvalues(denseA(param, d, theta), d);
      let r = 0;
      for (let i = 0; i < d; i++) r = Math.max(r, Math.abs(ev[i]));
      out[7] = r;
    } else {
      const ev = generalEigenvalues(theta, d);
      if (ev) {
        let r = 0;
        for (let i = 0; i < d; i++) r = Math.max(r, Math.sqrt(ev.re[i] * ev.re[i] + ev.im[i] * ev.im[i]));
        out[7] = r;
      } else out[7] = spectralRadiusEstimate(theta, d);
    }
  }

  /**
   * Plot vectors: h and w (j < H); atomsA / atomsP = a_i and p_i = b_i c_i (diagonal students); hankel = the
   * student's Hankel singular values over sigma_1 (hankelN of them). Additions: hankelTeacher = the teacher's; for
   * sym/full students eigRe / eigIm = the eigenvalues of A (conjugate pairs adjacent) and resRe / resIm their
   * residues r_i, h_j = sum_i r_i mu_i^j (all four absent in the rare case the QR iteration does not converge).
   */
  views(theta: Float64Array): Record<string, Float64Array> {
    const { d, H, offB, offC } = this;
    const h = this.impulse(theta);
    const sv = hankelSingularValues(h, this.hankelN);
    const s1 = sv[0];
    const out: Record<string, Float64Array> = {
      h: h.slice(0, H),
      w: this.w.slice(0, H),
      hankel: sv.map((s) => (s1 > 0 ? s / s1 : 0)),
      hankelTeacher: Float64Array.from(this.hTeacherHankel),
    };
    if (this.param === 'diag' || this.param === 'diag-tied') {
      out.atomsA = theta.slice(0, d);
      out.atomsP = Float64Array.from({ length: d }, (_, i) => theta[offB + i] * theta[offC + i]);
    } else {
      // The eigenvalues mu of A with their residues r (complex for full students; ./residues).
      const A = this.param === 'full' ? theta.subarray(0, d * d) : denseA('sym', d, theta);
      const at = complexAtoms(A, theta.subarray(offB, offB + d), theta.subarray(offC, offC + d), d);
      if (at) {
        out.eigRe = at.re;
        out.eigIm = at.im;
        out.resRe = at.resRe;
        out.resIm = at.resIm;
      }
    }
    return out;
  }

  /** Sec. 4.2: a non-finite parameter, or a loss that is non-finite or above 1e12. */
  diverged(theta: Float64Array, loss: number): string | null {
    return rnnDivergence(theta, loss);
  }
}

/**
 * Sec. 4.2's divergence rule of the recurrent students (linear and GRU): a non-finite parameter, or a loss that is
 * non-finite or above 1e12. The loss is said in words and three digits, never a raw NaN / Infinity or seventeen
 * digits (the message is shown on the page).
 */
export function rnnDivergence(theta: Float64Array, loss: number): string | null {
  for (let i = 0; i < theta.length; i++) if (!Number.isFinite(theta[i])) return `a non-finite parameter (index ${i})`;
  if (!(loss <= 1e12)) return Number.isFinite(loss) ? `the loss ${loss.toPrecision(3)} exceeds 1e12` : 'the loss is no longer a finite number';
  return null;
}
