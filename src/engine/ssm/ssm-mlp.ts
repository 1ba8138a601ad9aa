import { addDiagonalImpulse, diagonalGrad } from '../core/diagonal';
import { fdHessian } from '../core/finite-diff';
import type { ParamBlock, Problem } from '../core/problem';
import { Rng } from '../core/rng';
import { effectiveRank, genCurve, topGap } from './ssm-metrics';
import { impulseResponse, type DiagonalTeacher } from './teachers';
import { pow } from '../core/det-math';

export interface SsmMlpConfig {
  d: number;
  kappa: number;
  trainBC: boolean;
  width: number;
  depth: number;
  teacher: DiagonalTeacher;
  rows: number[][];
  seed: number;
  genWindow: number;
}

const TEST_ROWS = 2000;
const TEST_LENGTH = 40;
/** Lab spec Sec. 4.5: still above 0.9 mean(y^2) after this many steps means every ReLU is dead. */
const DEAD_HEAD_STEPS = 20_000;

/**
 * The SSM with a ReLU MLP head of paper 000 (docs/labs/poisoning.md Sec. 2.3, 3.2): phi_w(x) = D_out relu(D_hid relu(D_in z))
 * with z the SSM output, no biases, relu'(0) = 0. Labels come from the teacher SSM under the teacher head
 * D*_in = 1, D*_hid = I, D*_out = 0.5 1^T, i.e. y = (dh/2) relu(z*). Parameters: [a, (b, c), D_in, D_hid..., D_out].
 * Per-example forward and backward (the head breaks the Gram form).
 */
export class SsmMlp implements Problem {
  readonly n: number;
  readonly blocks: ParamBlock[];
  readonly metricNames = ['gen', 'erank', 'gamma0', 'gap', 'maxAbsA'] as const;
  readonly hStar: Float64Array;
  private readonly U: Float64Array; // reversed rows u_k = x_{kappa-k}, n x kappa
  private readonly y: Float64Array;
  private readonly meanY2: number;
  private readonly h: Float64Array;
  private readonly rho: Float64Array;
  private readonly acts: Float64Array[]; // pre-activations p_l per layer
  private readonly outs: Float64Array[]; // post-activations q_l per layer
  private readonly g1: Float64Array;
  private readonly g2: Float64Array;
  private readonly headOffset: number;
  /** Snapshots keep the SSM parameters; the head's dh^2 weights would dominate memory and are not plotted. */
  get recordedPrefix(): number {
    return this.headOffset;
  }
  private testU: Float64Array | null = null;
  private testY: Float64Array | null = null;

  constructor(private readonly cfg: SsmMlpConfig) {
    const { d, kappa, trainBC, width: w, depth } = cfg;
    const nSsm = trainBC ? 3 * d : d;
    this.headOffset = nSsm;
    this.n = nSsm + 2 * w + (depth - 1) * w * w;
    const blocks: ParamBlock[] = [{ name: 'a', offset: 0, size: d }];
    if (trainBC) blocks.push({ name: 'b', offset: d, size: d }, { name: 'c', offset: 2 * d, size: d });
    blocks.push({ name: 'Din', offset: nSsm, size: w });
    for (let l = 0; l < depth - 1; l++) blocks.push({ name: `Dhid${l + 1}`, offset: nSsm + w + l * w * w, size: w * w });
    blocks.push({ name: 'Dout', offset: this.n - w, size: w });
    this.blocks = blocks;
    this.hStar = impulseResponse(cfg.teacher.a, cfg.teacher.b, cfg.teacher.c, Math.max(TEST_LENGTH, cfg.genWindow, kappa));
    const nr = cfg.rows.length;
    this.U = new Float64Array(nr * kappa);
    this.y = new Float64Array(nr);
    cfg.rows.forEach((x, i) => {
      let z = 0;
      for (let k = 0; k < kappa; k++) {
        this.U[i * kappa + k] = x[kappa - 1 - k];
        z += this.hStar[k] * x[kappa - 1 - k];
      }
      this.y[i] = (w / 2) * Math.max(0, z);
    });
    this.meanY2 = this.y.reduce((s, v) => s + v * v, 0) / Math.max(1, nr);
    this.h = new Float64Array(kappa);
    this.rho = new Float64Array(kappa);
    this.acts = Array.from({ length: depth }, () => new Float64Array(w));
    this.outs = Array.from({ length: depth }, () => new Float64Array(w));
    this.g1 = new Float64Array(w);
    this.g2 = new Float64Array(w);
  }

  private impulseInto(theta: Float64Array, h: Float64Array): void {
    h.fill(0);
    addDiagonalImpulse(theta, this.cfg.d, this.cfg.trainBC ? 'abc' : 'a', h.length, h);
  }

  /** Forward pass of the head at SSM output z; fills acts/outs and returns the prediction. */
  private head(theta: Float64Array, z: number): number {
    const { width: w, depth } = this.cfg;
    const o = this.headOffset;
    const p0 = this.acts[0];
    const q0 = this.outs[0];
    for (let r = 0; r < w; r++) {
      p0[r] = theta[o + r] * z;
      // biome-ignore lint/complexity/useMathMinMax: ReLU as written maps NaN to 0 (Math.max would keep NaN), on the hot path
      q0[r] = p0[r] > 0 ? p0[r] : 0;
    }
    for (let l = 1; l < depth; l++) {
      const D = o + w + (l - 1) * w * w;
      const prev = this.outs[l - 1];
      const p = this.acts[l];
      const q = this.outs[l];
      for (let r = 0; r < w; r++) {
        let s = 0;
        for (let c = 0; c < w; c++) s += theta[D + r * w + c] * prev[c];
        p[r] = s;
        // biome-ignore lint/complexity/useMathMinMax: ReLU as written maps NaN to 0 (Math.max would keep NaN), on the hot path
        q[r] = s > 0 ? s : 0;
      }
    }
    const last = this.outs[depth - 1];
    const out = this.n - w;
    let yhat = 0;
    for (let r = 0; r < w; r++) yhat += theta[out + r] * last[r];
    return yhat;
  }

  loss(theta: Float64Array): number {
    const { kappa } = this.cfg;
    this.impulseInto(theta, this.h);
    let loss = 0;
    for (let i = 0; i < this.y.length; i++) {
      let z = 0;
      for (let k = 0; k < kappa; k++) z += this.h[k] * this.U[i * kappa + k];
      const delta = this.y[i] - this.head(theta, z);
      loss += delta * delta;
    }
    return loss / this.y.length;
  }

  grad(theta: Float64Array, g: Float64Array): number {
    const { d, kappa, trainBC, width: w, depth } = this.cfg;
    const nr = this.y.length;
    const o = this.headOffset;
    g.fill(0);
    this.impulseInto(theta, this.h);
    this.rho.fill(0);
    let loss = 0;
    for (let i = 0; i < nr; i++) {
      let z = 0;
      for (let k = 0; k < kappa; k++) z += this.h[k] * this.U[i * kappa + k];
      const delta = this.y[i] - this.head(theta, z);
      loss += delta * delta;
      const e = (-2 / nr) * delta;
      // Backward through the head (docs/labs/poisoning.md Sec. 3.2).
      const out = this.n - w;
      const last = this.outs[depth - 1];
      let gcur = this.g1;
      let gnext = this.g2;
      for (let r = 0; r < w; r++) {
        g[out + r] += e * last[r];
        gcur[r] = this.acts[depth - 1][r] > 0 ? theta[out + r] * e : 0;
      }
      for (let l = depth - 1; l >= 1; l--) {
        const D = o + w + (l - 1) * w * w;
        const prev = this.outs[l - 1];
        for (let r = 0; r < w; r++) {
          const gr = gcur[r];
          if (gr === 0) continue;
          for (let c = 0; c < w; c++) g[D + r * w + c] += gr * prev[c];
        }
        for (let c = 0; c < w; c++) {
          let s = 0;
          for (let r = 0; r < w; r++) s += theta[D + r * w + c] * gcur[r];
          gnext[c] = this.acts[l - 1][c] > 0 ? s : 0;
        }
        [gcur, gnext] = [gnext, gcur];
      }
      let dz = 0;
      for (let r = 0; r < w; r++) {
        g[o + r] += gcur[r] * z;
        dz += theta[o + r] * gcur[r];
      }
      for (let k = 0; k < kappa; k++) this.rho[k] += dz * this.U[i * kappa + k];
    }
    // SSM part from rho = dl/dh (docs/labs/poisoning.md Sec. 3.1, Gram form with an MLP).
    diagonalGrad(theta, d, trainBC ? 'abc' : 'a', this.rho, kappa, g);
    return loss / nr;
  }

  /**
   * Hessian by central differences of the closed-form gradient: the ReLU head's exact Hessian is piecewise and
   * only the stiff flow solver asks for it (the paper trains this model with Adam).
   */
  hess(theta: Float64Array, out: Float64Array): void {
    fdHessian(this, theta, 1e-6, out);
  }

  /** ||yhat - y*|| / ||y*|| on 2000 N(0, 1) test sequences of length 40 from MT(seed + 12) (docs/labs/poisoning.md Sec. 2.5). */
  testError(theta: Float64Array): number {
    if (!this.testU) {
      const rng = new Rng((this.cfg.seed + 12) >>> 0);
      this.testU = new Float64Array(TEST_ROWS * TEST_LENGTH);
      this.testY = new Float64Array(TEST_ROWS);
      for (let i = 0; i < TEST_ROWS; i++) {
        let z = 0;
        for (let l = 0; l < TEST_LENGTH; l++) {
          const v = rng.gauss();
          this.testU[i * TEST_LENGTH + (TEST_LENGTH - 1 - l)] = v; // reversed: u_k = x_{L-k}
          z += this.hStar[TEST_LENGTH - 1 - l] * v;
        }
        this.testY[i] = (this.cfg.width / 2) * Math.max(0, z);
      }
    }
    const h = new Float64Array(TEST_LENGTH);
    this.impulseInto(theta, h);
    let num = 0;
    let den = 0;
    for (let i = 0; i < TEST_ROWS; i++) {
      let z = 0;
      for (let k = 0; k < TEST_LENGTH; k++) z += h[k] * this.testU[i * TEST_LENGTH + k];
      const diff = this.head(theta, z) - this.testY![i];
      num += diff * diff;
      den += pow(this.testY![i], 2);
    }
    return Math.sqrt(num / den);
  }

  metrics(theta: Float64Array, out: Float64Array): void {
    const a = theta.subarray(0, this.cfg.d);
    this.grad(theta, new Float64Array(this.n));
    out[0] = this.testError(theta);
    out[1] = effectiveRank(a);
    out[2] = this.cfg.kappa > 1 ? -this.rho[1] : 0;
    out[3] = topGap(a);
    let m = 0;
    for (let j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j]));
    out[4] = m;
  }

  views(theta: Float64Array): Record<string, Float64Array> {
    const K = this.cfg.genWindow;
    const h = new Float64Array(K);
    this.impulseInto(theta, h);
    return { h, hStar: this.hStar.slice(0, K), genByK: genCurve(h, this.hStar, K, 0) };
  }

  failure(loss: number, steps: number): string | null {
    return steps >= DEAD_HEAD_STEPS && loss > 0.9 * this.meanY2
      ? 'dead ReLU head: the loss is still above 0.9 mean(y^2) after 20000 steps (all ReLUs inactive); excluded from preset means'
      : null;
  }
}
