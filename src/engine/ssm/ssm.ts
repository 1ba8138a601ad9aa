import { addDiagonalImpulse, addUnitCurvature, type DiagonalLayout, diagonalGrad, gaussNewton, weightRows } from '../core/diagonal';
import type { ParamBlock, Problem } from '../core/problem';
import { effectiveRank, genCurve, genError, topGap } from './ssm-metrics';
import { impulseResponse, type DiagonalTeacher } from './teachers';
import { pow as powd } from '../core/det-math';

export interface SsmConfig {
  d: number;
  kappa: number;
  teacher: DiagonalTeacher;
  /** Gram matrix of the training rows (kappa x kappa, row-major), see gramOfRows. */
  gram: Float64Array;
  trainBC: boolean;
  /** Window K of the generalisation error. */
  genWindow: number;
}

/**
 * The diagonal SSM student of paper 000 with teacher labels, in Gram form (docs/labs/poisoning.md Sec. 2.2, 3.1):
 * l = e^T G e with e = h - h*, rho = dl/dh = 2 G e. Parameters are [a] (B = C = 1 fixed, Theorem-1 mode)
 * or [a, b, c]. Cost per gradient O(kappa^2 + d kappa), independent of the number of rows.
 */
export class DiagonalSsm implements Problem {
  readonly n: number;
  readonly blocks: readonly ParamBlock[];
  readonly metricNames = ['gen', 'erank', 'gamma0', 'gap', 'maxAbsA'] as const;
  readonly d: number;
  readonly kappa: number;
  /** Teacher impulse response over max(kappa, genWindow) indices. */
  readonly hStar: Float64Array;
  /** First index the generalisation error looks at (1 when fixed B = C = 1 cannot match h*_0). */
  readonly genFrom: number;
  private readonly G: Float64Array;
  private readonly e: Float64Array;
  private readonly rho: Float64Array;
  private readonly hLong: Float64Array;
  private readonly layout: DiagonalLayout;

  constructor(private readonly cfg: SsmConfig) {
    const { d, kappa, trainBC, genWindow } = cfg;
    this.d = d;
    this.kappa = kappa;
    this.n = trainBC ? 3 * d : d;
    this.layout = trainBC ? 'abc' : 'a';
    this.blocks = trainBC
      ? [
          { name: 'a', offset: 0, size: d },
          { name: 'b', offset: d, size: d },
          { name: 'c', offset: 2 * d, size: d },
        ]
      : [{ name: 'a', offset: 0, size: d }];
    this.G = cfg.gram;
    this.e = new Float64Array(kappa);
    this.rho = new Float64Array(kappa);
    const K = Math.max(kappa, genWindow);
    this.hStar = impulseResponse(cfg.teacher.a, cfg.teacher.b, cfg.teacher.c, K);
    this.hLong = new Float64Array(K);
    // With B = C = 1 fixed, h_0 = d can never equal h*_0 unless the teacher is built for it (thm1).
    // (Compared with a tolerance: the thm1 teacher's h*_0 = 1 + sqrt(d-1)^2 is d only up to rounding.)
    this.genFrom = !trainBC && Math.abs(this.hStar[0] - d) > 1e-12 * d ? 1 : 0;
  }

  /** Fills e = h - h* (first kappa indices) and rho = 2 G e; returns the loss e^T G e. */
  private residual(theta: Float64Array): number {
    const { d, kappa, e, rho, G, hStar } = this;
    for (let k = 0; k < kappa; k++) e[k] = -hStar[k];
    addDiagonalImpulse(theta, d, this.layout, kappa, e);
    let loss = 0;
    for (let k = 0; k < kappa; k++) {
      let w = 0;
      const row = k * kappa;
      for (let m = 0; m < kappa; m++) w += G[row + m] * e[m];
      rho[k] = 2 * w;
      loss += e[k] * w;
    }
    return loss;
  }

  loss(theta: Float64Array): number {
    return this.residual(theta);
  }

  grad(theta: Float64Array, g: Float64Array): number {
    const loss = this.residual(theta);
    diagonalGrad(theta, this.d, this.layout, this.rho, this.kappa, g);
    return loss;
  }

  /**
   * H = J^T (2G) J + sum_k rho_k Hess(h_k), with J = dh/dtheta; Hess(h_k) couples only the (a_j, b_j, c_j)
   * of one unit. O(n kappa^2 + n^2 kappa).
   */
  hess(theta: Float64Array, out: Float64Array): void {
    this.residual(theta);
    const { d, kappa, n, rho, G, cfg } = this;
    const J = new Float64Array(kappa * n);
    for (let j = 0; j < d; j++) {
      const a = theta[j];
      const bc = cfg.trainBC ? theta[d + j] * theta[2 * d + j] : 1;
      let pow = 1; // a^k
      for (let k = 0; k < kappa; k++) {
        if (k >= 1) J[k * n + j] = bc * k * (k === 1 ? 1 : powd(a, k - 1));
        if (cfg.trainBC) {
          J[k * n + d + j] = theta[2 * d + j] * pow;
          J[k * n + 2 * d + j] = theta[d + j] * pow;
        }
        pow *= a;
      }
    }
    // GJ = G J (kappa x n), then out = 2 J^T GJ.
    const GJ = new Float64Array(kappa * n);
    weightRows(G, kappa, J, n, GJ);
    gaussNewton(J, GJ, kappa, n, out);
    for (let j = 0; j < d; j++) {
      const a = theta[j];
      let sAA = 0; // sum rho_k k (k-1) a^{k-2}
      let sA = 0; // sum rho_k k a^{k-1}
      let sH = 0; // sum rho_k a^k
      for (let k = 0; k < kappa; k++) {
        if (k >= 2) sAA += rho[k] * k * (k - 1) * (k === 2 ? 1 : powd(a, k - 2));
        if (k >= 1) sA += rho[k] * k * (k === 1 ? 1 : powd(a, k - 1));
        sH += rho[k] * (k === 0 ? 1 : powd(a, k));
      }
      if (!cfg.trainBC) {
        out[j * n + j] += sAA;
        continue;
      }
      addUnitCurvature(out, n, j, d + j, 2 * d + j, theta[d + j], theta[2 * d + j], sAA, sA, sH);
    }
  }

  /** Student impulse response h_0..h_{K-1} (K = max(kappa, genWindow)). */
  impulse(theta: Float64Array): Float64Array {
    const h = this.hLong;
    h.fill(0);
    addDiagonalImpulse(theta, this.d, this.layout, h.length, h);
    return h;
  }

  /** gamma^(0) = 2 [G (h* - h)]_1 = -rho_1: the coefficient every a_j's ODE shares (Prop. 1). */
  gamma0(theta: Float64Array): number {
    this.residual(theta);
    return this.kappa > 1 ? -this.rho[1] : 0;
  }

  views(theta: Float64Array): Record<string, Float64Array> {
    const K = this.cfg.genWindow;
    const h = this.impulse(theta);
    return {
      h: h.slice(0, K),
      hStar: this.hStar.slice(0, K),
      genByK: genCurve(h, this.hStar, K, this.genFrom),
    };
  }

  metrics(theta: Float64Array, out: Float64Array): void {
    const a = theta.subarray(0, this.d);
    out[0] = genError(this.impulse(theta), this.hStar, this.cfg.genWindow, this.genFrom);
    out[1] = effectiveRank(a);
    out[2] = this.gamma0(theta);
    out[3] = topGap(a);
    let m = 0;
    for (let j = 0; j < this.d; j++) m = Math.max(m, Math.abs(a[j]));
    out[4] = m;
  }

  /**
   * The reference code's adaptive-step norm: ||G_A||_F of the full-matrix A gradient (docs/labs/poisoning.md Sec. 3.4)
   * plus the un-squared norms of the b and c gradients (included even when B, C are fixed).
   */
  adaptiveNorm(theta: Float64Array, g: Float64Array): number {
    const { d, kappa, rho, cfg } = this;
    this.residual(theta);
    const b = (j: number) => (cfg.trainBC ? theta[d + j] : 1);
    const c = (j: number) => (cfg.trainBC ? theta[2 * d + j] : 1);
    let fa = 0;
    for (let p = 0; p < d; p++)
      for (let q = 0; q < d; q++) {
        // G_A[p][q] = sum_{k>=1} rho_k c_p b_q S_k(a_p, a_q), S_k(x, y) = sum_{s<k} x^s y^{k-1-s}
        const x = theta[p];
        const y = theta[q];
        let s = 0;
        let S = 0;
        let xs = 1; // x^{k-1}
        for (let k = 1; k < kappa; k++) {
          S = k === 1 ? 1 : S * y + xs; // S_k = y S_{k-1} + x^{k-1}
          s += rho[k] * S;
          xs *= x;
        }
        const v = c(p) * b(q) * s;
        fa += v * v;
      }
    let nb = 0;
    let nc = 0;
    for (let j = 0; j < d; j++) {
      let sH = 0;
      let pow = 1;
      for (let k = 0; k < kappa; k++) {
        sH += rho[k] * pow;
        pow *= theta[j];
      }
      const gb = c(j) * sH;
      const gc = b(j) * sH;
      nb += gb * gb;
      nc += gc * gc;
    }
    void g;
    return Math.sqrt(fa) + Math.sqrt(nb) + Math.sqrt(nc);
  }
}
