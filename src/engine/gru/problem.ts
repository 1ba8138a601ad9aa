import { Rng } from '../core/rng';
import type { ParamBlock, Problem } from '../core/problem';
import { GruWork, gruBlocks, gruParamCount, outputLoss } from './gru';
import { rnnDivergence } from '../linear-rnn/problem';
import { exp, sin } from '../core/det-math';
import { adamTorchUpdate } from '../core/integrators/adam';

/**
 * The GRU experiment of paper 002, Sec. 5.3 (extrapolation spec Sec. 4.3): a small GRU teacher fitted to a target
 * response, and an overparameterised GRU student trained on the teacher's outputs for random input sequences of length
 * k_g. Numbers only (the lab turns its spec into this config).
 */
export interface GruConfig {
  /** Teacher hidden size, and its fitted parameters (fitGruTeacher). */
  teacherHidden: number;
  teacherTheta: Float64Array;
  /** Student hidden size. */
  hidden: number;
  /** Training sequence length k_g. */
  k: number;
  /** Sequences per fresh batch (the paper's 100). */
  batch: number;
  /** Loss on the last output only (the default) or on every output. */
  outputs: 'last' | 'all';
  /** Horizon H of the error metric and of the mean responses. */
  H: number;
  /** Test sequences of length H for the error metric (the spec's 100). */
  testCount: number;
  /** Seeds of the training data stream and of the test sequences. */
  dataSeed: number;
  testSeed: number;
}

/** Least wall time between two recomputations of the student's mean response for the views (ms). */
const VIEW_MS = 1000;
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Gaussian draws into a new array (legacy polar gauss of the shared MT19937). */
function gaussArray(rng: Rng, count: number, scale = 1): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = scale * rng.gauss();
  return out;
}

/** A GRU's initial parameters: every entry sigma gauss() from the given stream, in layout order. */
export function gruInit(rng: Rng, hidden: number, sigma: number): Float64Array {
  return gaussArray(rng, gruParamCount(hidden), sigma);
}

/** The spec's default target response r_j = exp(-j / 20) sin(2 pi j / 12), j < length (a lab default). */
export function defaultGruTarget(length: number): Float64Array {
  return Float64Array.from({ length }, (_, j) => exp(-j / 20) * sin((2 * Math.PI * j) / 12));
}

/**
 * Fits a teacher GRU to a target response to the impulse input (1, 0, 0, ...) (App. C.2.3): init N(0, sigma^2)
 * (the paper's 1e-6), then `steps` Adam steps (PyTorch's form and defaults) at learning rate lr on the mean squared
 * error over the target's length. Returns the parameters and the final loss.
 */
export function fitGruTeacher(rng: Rng, hidden: number, target: Float64Array, steps: number, lr: number, sigma = 1e-6): { theta: Float64Array; loss: number } {
  const T = target.length;
  const theta = gruInit(rng, hidden, sigma);
  const work = new GruWork(hidden, 1, T);
  const x = new Float64Array(T);
  x[0] = 1;
  const dy = new Float64Array(T);
  const g = new Float64Array(theta.length);
  const m = new Float64Array(theta.length);
  const v = new Float64Array(theta.length);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  let loss = Number.NaN;
  for (let s = 1; s <= steps; s++) {
    loss = outputLoss(work.forward(theta, x), target, 1, T, 'all', dy);
    g.fill(0);
    work.backward(theta, x, dy, g);
    adamTorchUpdate(theta, g, m, v, lr, s, b1, b2, eps);
  }
  loss = outputLoss(work.forward(theta, x), target, 1, T, 'all', dy);
  return { theta, loss };
}

/**
 * The GRU error (spec Sec. 4.3): mean over the test sequences of max_(k <= t < H) |y_t - y*_t|, over the mean of
 * max_(t < H) |y*_t|. y and yStar hold count sequences of length H.
 */
export function gruError(y: ArrayLike<number>, yStar: ArrayLike<number>, count: number, H: number, k: number): number {
  let num = 0;
  let den = 0;
  for (let b = 0; b < count; b++) {
    let tail = 0;
    let top = 0;
    for (let t = 0; t < H; t++) {
      const ys = yStar[b * H + t];
      top = Math.max(top, Math.abs(ys));
      if (t >= k) tail = Math.max(tail, Math.abs(y[b * H + t] - ys));
    }
    num += tail;
    den += top;
  }
  return num / den;
}

/** Mean over sequences of the outputs at each step (Fig. 2(b)'s "mean response"; a GRU has no impulse response). */
export function meanResponse(y: ArrayLike<number>, count: number, H: number): Float64Array {
  const out = new Float64Array(H);
  for (let b = 0; b < count; b++) for (let t = 0; t < H; t++) out[t] += y[b * H + t];
  for (let t = 0; t < H; t++) out[t] /= count;
  return out;
}

/**
 * The student's training problem: every gradient draws a fresh batch of N(0, 1) sequences of length k from the data
 * stream and fits the teacher's outputs on them (last output, or all). loss() is the same loss on one fixed batch
 * (drawn first from the data stream), so the recorded loss curve is not batch noise. Metric E is the GRU error on the
 * test sequences.
 */
export class GruProblem implements Problem {
  readonly n: number;
  readonly blocks: readonly ParamBlock[];
  readonly metricNames = ['E', 'batchLoss'] as const;
  private readonly data: Rng;
  private readonly studentWork: GruWork;
  private readonly teacherWork: GruWork;
  private readonly x: Float64Array;
  private readonly target: Float64Array;
  private readonly dy: Float64Array;
  private readonly fixedX: Float64Array;
  private readonly fixedTarget: Float64Array;
  private readonly testX: Float64Array;
  private readonly testStar: Float64Array;
  private readonly testWork: GruWork;
  private lastBatchLoss = Number.NaN;

  constructor(readonly cfg: GruConfig) {
    const { hidden, k, batch, H, testCount, teacherHidden, teacherTheta } = cfg;
    this.n = gruParamCount(hidden);
    this.blocks = gruBlocks(hidden);
    this.data = new Rng(cfg.dataSeed);
    this.studentWork = new GruWork(hidden, batch, k);
    this.teacherWork = new GruWork(teacherHidden, batch, k);
    this.x = new Float64Array(batch * k);
    this.target = new Float64Array(batch * k);
    this.dy = new Float64Array(batch * k);
    this.fixedX = gaussArray(this.data, batch * k);
    this.fixedTarget = Float64Array.from(this.teacherWork.forward(teacherTheta, this.fixedX));
    const test = new Rng(cfg.testSeed);
    this.testX = gaussArray(test, testCount * H);
    this.testStar = Float64Array.from(new GruWork(teacherHidden, testCount, H).forward(teacherTheta, this.testX));
    this.testWork = new GruWork(hidden, testCount, H);
  }

  loss(theta: Float64Array): number {
    const { batch, k, outputs } = this.cfg;
    return outputLoss(this.studentWork.forward(theta, this.fixedX), this.fixedTarget, batch, k, outputs, this.dy);
  }

  /** The gradient on a fresh batch (written into g); returns that batch's loss. */
  grad(theta: Float64Array, g: Float64Array): number {
    const { batch, k, outputs, teacherTheta } = this.cfg;
    const { x, target, dy } = this;
    for (let i = 0; i < x.length; i++) x[i] = this.data.gauss();
    target.set(this.teacherWork.forward(teacherTheta, x));
    const L = outputLoss(this.studentWork.forward(theta, x), target, batch, k, outputs, dy);
    g.fill(0);
    this.studentWork.backward(theta, x, dy, g);
    this.lastBatchLoss = L;
    return L;
  }

  hess(): void {
    throw new Error('the GRU has no closed-form Hessian: train it with Adam or GD');
  }

  /** The parameters of the last test pass and its outputs (metrics and views share it). */
  private testTheta: Float64Array | null = null;
  private testAt = -Infinity;

  /** The student's outputs on the test sequences at theta (one pass of about 6 d^2 testCount H flops, reused at the same theta). */
  private testOutputs(theta: Float64Array): Float64Array {
    const same = this.testTheta?.every((v, i) => v === theta[i]) ?? false;
    if (!same) {
      this.testWork.forward(theta, this.testX);
      this.testTheta = Float64Array.from(theta);
      this.testAt = now();
    }
    return this.testWork.y;
  }

  /** E = the GRU error on the test sequences; batchLoss = the loss of the latest fresh batch. */
  metrics(theta: Float64Array, out: Float64Array): void {
    const { testCount, H, k } = this.cfg;
    out[0] = gruError(this.testOutputs(theta), this.testStar, testCount, H, k);
    out[1] = this.lastBatchLoss;
  }

  /**
   * The student's and the teacher's mean responses over the test sequences (t < H). The test pass costs as much as
   * several training steps, and the run loop asks for views after every time slice: the student's is recomputed at
   * most once a second (else it is that of the last pass: the last record, or up to a second old). Display only: the
   * metrics are always exact, and a finished run's last record is its final state.
   */
  views(theta: Float64Array): Record<string, Float64Array> {
    const { testCount, H } = this.cfg;
    const y = this.testTheta === null || now() - this.testAt >= VIEW_MS ? this.testOutputs(theta) : this.testWork.y;
    return { meanStudent: meanResponse(y, testCount, H), meanTeacher: meanResponse(this.testStar, testCount, H) };
  }

  /** The GRU error of the all-zero output: a student above it does not extrapolate (the zero-solution line). */
  zeroLine(): number {
    const { testCount, H, k } = this.cfg;
    return gruError(new Float64Array(testCount * H), this.testStar, testCount, H, k);
  }

  diverged(theta: Float64Array, loss: number): string | null {
    return rnnDivergence(theta, loss);
  }
}
