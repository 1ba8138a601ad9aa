/**
 * The scalar-output model of paper 004: fit the slope m = a^T b of a linear net with one input, d hidden units and
 * one output. Reduced loss L(a, b) = (1/2)(a^T b - Phi)^2 (lab spec (stability.md) Sec. 2). Everything here is
 * float64, DOM-free and allocation-light: it runs in workers, Node tests and the CLI alike.
 */
import type { Problem } from '../core/problem';
import { exp, log, pow } from '../core/det-math';

// ---------------------------------------------------------------------------------------------------------------
// Scalar quantities (Sec. 2.2, 3.2)

const dot = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
};

/** Top Hessian eigenvalue S = (lam + sqrt(K^2 + 4 (2m - Phi)^2)) / 2, written without cancellation. */
export function sharpnessOf(a: ArrayLike<number>, b: ArrayLike<number>, phi: number): number {
  let sp = 0;
  let sq = 0;
  let lam = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i] + b[i];
    const q = a[i] - b[i];
    sp += p * p;
    sq += q * q;
    lam += a[i] * a[i] + b[i] * b[i];
  }
  const m = dot(a, b);
  const r = 2 * m - phi;
  return (lam + Math.sqrt(sp * sq + 4 * r * r)) / 2;
}

/** S from (eps, lam, Phi) only (Sec. 3.2); fine away from cancellation, used for the d = 1 scalar runner. */
export function sharpness(eps: number, lam: number, phi: number): number {
  return (lam + Math.sqrt(Math.max(0, lam * lam + 4 * eps * (3 * eps + 2 * phi)))) / 2;
}

/** The step sizes of Lemma 17 (Sec. 3.3) in a cancellation-free form: eps' = 0 at eta1, eps' = -eps at eta2. */
export function oneStepThresholds(eps: number, lam: number, phi: number): { eta1: number; eta2: number } {
  const e = eps * (eps + phi);
  const d1 = lam * lam - 4 * e;
  const d2 = lam * lam - 8 * e;
  return { eta1: d1 >= 0 ? 2 / (lam + Math.sqrt(d1)) : NaN, eta2: d2 >= 0 ? 4 / (lam + Math.sqrt(d2)) : NaN };
}

/** Region of Fig. 2: A eps > 0, B 0 < m < Phi, C m <= 0. */
export function regionOf(eps: number, phi: number): 'A' | 'B' | 'C' {
  return eps > 0 ? 'A' : eps + phi > 0 ? 'B' : 'C';
}

/** Stable minima for step eta (d = 1): ab = Phi inside a^2 + b^2 = 2/eta, |u| < acosh(1/(eta Phi))/2. */
export function stableHalfWidth(eta: number, phi: number): number {
  const h = eta * phi;
  // acosh(x) = ln(x + sqrt(x^2 - 1)), by the engine's deterministic log
  const x = 1 / h;
  return h < 1 ? log(x + Math.sqrt(x * x - 1)) / 2 : NaN;
}

// ---------------------------------------------------------------------------------------------------------------
// Gradient descent (Eq. 4, simultaneous update)

/** One GD step in place on d-dimensional a, b; returns eps before the step. */
export function gdStepVec(a: Float64Array, b: Float64Array, phi: number, eta: number): number {
  const eps = dot(a, b) - phi;
  const g = eta * eps;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    a[i] = ai - g * b[i];
    b[i] = b[i] - g * ai;
  }
  return eps;
}

export type GdOutcome = 'converged' | 'diverged' | 'periodic' | 'max-steps';

/** |eps| above this is divergence (Sec. 4), for the scalar runner and the model in the shared run loop alike. */
export const DIVERGE_ABOVE = 1e8;

/** The divergence rule of Sec. 4: eps non-finite or |eps| above the threshold. */
export function epsDiverged(eps: number, above = DIVERGE_ABOVE): boolean {
  return !Number.isFinite(eps) || Math.abs(eps) > above;
}

/**
 * The period rule of Sec. 4 for one run: eps of every step k = 0, 1, 2, ... goes into a ring; from step
 * `after` + 128 on, every 64th step looks for a period p <= 64 (findPeriod). The scalar runner and the model's
 * cycle detector in the shared run loop both use this, so they stop at the same step.
 */
export class PeriodWatch {
  private readonly ring = new Float64Array(256);
  constructor(
    private readonly phi: number,
    private readonly after = 2000,
  ) {}

  /** Records eps at step k; the period found at this step, or undefined. */
  push(k: number, eps: number): number | undefined {
    this.ring[k & 255] = eps;
    return k >= this.after + 128 && (k & 63) === 0 ? findPeriod(this.ring, k, this.phi) : undefined;
  }
}

export interface GdOptions {
  phi: number;
  eta: number;
  /** Converged once (1/2) eps^2 <= lossBelow (the shared run loop's rule, loss <= lossBelow; lossBelow = tol^2 / 2). */
  lossBelow: number;
  maxSteps: number;
  /** Diverged when |eps| exceeds this or goes non-finite (default 1e8). */
  divergeAbove?: number;
  /** Keep the trajectory (at most traceCap iterates are stored, evenly thinned beyond). */
  record?: boolean;
  /**
   * Most iterates a recorded trace holds (default MAX_TRACE = 20000). Past it every other record is dropped and
   * the stride doubles, so a long run keeps between traceCap/2 and traceCap evenly spaced iterates (and its last
   * one) while the run itself goes on to its stop rule.
   */
  traceCap?: number;
  /** Look for a period p <= 64 after this many steps (default 2000; Infinity disables). */
  periodicAfter?: number;
}

/** Per-step records of a d = 1 GD run (index k = step k, k = 0 the initialisation). */
export interface GdTrace {
  n: number;
  step: Float64Array;
  a: Float64Array;
  b: Float64Array;
  eps: Float64Array;
  lam: Float64Array;
  S: Float64Array;
  /** Q(k)/Q(0) = prod_{t<k} (1 - eta^2 eps_t^2) (signed). */
  qRatio: Float64Array;
  /** rho_k = 1 - eta lam_k + eta^2 eps_k (eps_k + Phi), the factor eps_{k+1} = rho_k eps_k. */
  rho: Float64Array;
  /** 1 - eta^2 eps_k^2, the factor of the imbalance at step k. */
  factor: Float64Array;
  /** sum_{t<k} eps_t^2. */
  sumEps2: Float64Array;
}

export interface GdResult {
  outcome: GdOutcome;
  /** Number of GD updates performed (for 'converged': the first step with |eps| under the tolerance). */
  steps: number;
  a: number;
  b: number;
  eps: number;
  lam: number;
  S: number;
  /** Signed Q(T)/Q(0) as the product of the per-step factors. */
  qRatio: number;
  sumEps2: number;
  /** max_t eta |eps_t| over the steps taken (t < T). */
  maxEtaEps: number;
  period?: number;
  trace?: GdTrace;
}

export const MAX_TRACE = 20_000;

/**
 * GD on the d = 1 model (or the exact d = 1 reduction of any d, Sec. 2.3) to its stop rule. The step is the lab's one
 * operation order, g = eta eps, a' = a - g b, b' = b - g a, the same as StabilityModel.gdStep in the shared run
 * loop, so both give the same iterates bit for bit (and the same stop: epsDiverged, the loss rule, PeriodWatch).
 */
export function runGdScalar(a0: number, b0: number, o: GdOptions): GdResult {
  const { phi, eta, lossBelow, maxSteps } = o;
  const divergeAbove = o.divergeAbove ?? DIVERGE_ABOVE;
  const watch = new PeriodWatch(phi, o.periodicAfter ?? 2000);
  let a = a0;
  let b = b0;
  let prod = 1;
  let sumEps2 = 0;
  let maxEtaEps = 0;
  const keep = o.record ? Math.max(2, Math.min(maxSteps + 1, o.traceCap ?? MAX_TRACE)) : 0;
  // Every step is kept until `keep` records are held (the buffers grow by doubling up to it, so a short run of a
  // long-horizon spec stays small); then every other record is dropped and the stride doubles.
  let stride = 1;
  const tr: GdTrace | undefined = o.record ? newTrace(Math.min(keep, 1024)) : undefined;
  /** Makes room for one more record: grows the buffers while under `keep`, else thins (true = thinned). */
  const makeRoom = (t: GdTrace): boolean => {
    if (t.n < t.step.length) return false;
    if (t.step.length < keep) {
      growTrace(t, Math.min(keep, 2 * t.step.length));
      return false;
    }
    thinTrace(t);
    return true;
  };
  const record = (k: number, a: number, b: number, eps: number, lam: number, prod: number, sumEps2: number) => {
    if (!tr) return;
    if (makeRoom(tr)) {
      stride *= 2;
      if (k % stride !== 0) return;
    }
    const i = tr.n++;
    tr.step[i] = k;
    tr.a[i] = a;
    tr.b[i] = b;
    tr.eps[i] = eps;
    tr.lam[i] = lam;
    tr.S[i] = sharpnessOf([a], [b], phi);
    tr.qRatio[i] = prod;
    tr.rho[i] = 1 - eta * lam + eta * eta * eps * (eps + phi);
    tr.factor[i] = 1 - eta * eta * eps * eps;
    tr.sumEps2[i] = sumEps2;
  };
  let outcome: GdOutcome = 'max-steps';
  let period: number | undefined;
  let k = 0;
  for (;;) {
    const eps = a * b - phi;
    const lam = a * a + b * b;
    if (tr && k % stride === 0) record(k, a, b, eps, lam, prod, sumEps2);
    if (epsDiverged(eps, divergeAbove)) {
      outcome = 'diverged';
      break;
    }
    if (0.5 * eps * eps <= lossBelow) {
      outcome = 'converged';
      break;
    }
    const p = watch.push(k, eps);
    if (p) {
      outcome = 'periodic';
      period = p;
      break;
    }
    if (k >= maxSteps) break;
    const g = eta * eps;
    const f = 1 - g * g;
    prod *= f;
    sumEps2 += eps * eps;
    if (Math.abs(g) > maxEtaEps) maxEtaEps = Math.abs(g);
    const an = a - g * b;
    b = b - g * a;
    a = an;
    k++;
  }
  const eps = a * b - phi;
  const lam = a * a + b * b;
  if (tr && tr.step[tr.n - 1] !== k) {
    // the last state is always kept (after the stride's records)
    if (makeRoom(tr)) stride *= 2;
    record(k, a, b, eps, lam, prod, sumEps2);
  }
  if (tr) growTrace(tr, tr.n); // exact length: what is sent between threads is what was recorded
  return { outcome, steps: k, a, b, eps, lam, S: sharpnessOf([a], [b], phi), qRatio: prod, sumEps2, maxEtaEps, period, trace: tr };
}

const TRACE_COLUMNS = ['step', 'a', 'b', 'eps', 'lam', 'S', 'qRatio', 'rho', 'factor', 'sumEps2'] as const;

function newTrace(cap: number): GdTrace {
  const t = { n: 0 } as GdTrace;
  for (const c of TRACE_COLUMNS) t[c] = new Float64Array(cap);
  return t;
}

/** Reallocates every column of a trace to `cap` entries (cap >= n), keeping its records. */
function growTrace(t: GdTrace, cap: number): void {
  if (t.step.length === cap) return;
  for (const c of TRACE_COLUMNS) {
    const next = new Float64Array(cap);
    next.set(t[c].subarray(0, t.n));
    t[c] = next;
  }
}

/** Keeps records 0, 2, 4, ... of a full trace (the stride of the kept steps doubles). */
function thinTrace(tr: GdTrace): void {
  const cols = [tr.step, tr.a, tr.b, tr.eps, tr.lam, tr.S, tr.qRatio, tr.rho, tr.factor, tr.sumEps2];
  const m = Math.ceil(tr.n / 2);
  for (const c of cols) for (let i = 0; i < m; i++) c[i] = c[2 * i];
  tr.n = m;
}

/**
 * Period of the orbit the residuals eps have settled on, or undefined. A fixed point that is not a minimum is the
 * saddle (eps = -Phi): period 1 only there. Period p >= 2: the last p values repeat p steps earlier to 1e-10
 * relative and are not all the same. Relative, not absolute: a run still converging slowly (eps changing by less
 * than 1e-9 a step) or oscillating towards a minimum with slowly decaying amplitude is not an orbit.
 */
function findPeriod(ring: Float64Array, k: number, phi: number): number | undefined {
  const at = (j: number) => ring[(k - j) & 255];
  if (Math.abs(at(0) + phi) < 1e-9 * Math.max(1, Math.abs(phi)) && Math.abs(at(0) - at(1)) < 1e-12) return 1;
  for (let p = 2; p <= 64; p++) {
    let ok = true;
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < p && ok; j++) {
      const x = at(j);
      ok = Math.abs(x - at(j + p)) <= 1e-10 * Math.abs(x);
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    if (ok && hi - lo > 1e-6 * Math.max(Math.abs(hi), Math.abs(lo))) return p;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Exact reduction of any d to d = 1 (Sec. 2.3)

export interface Reduction {
  /** Scalar start with identical eps(t), lam(t). */
  a: number;
  b: number;
  /** Unit directions of p0 = a0 + b0 and q0 = a0 - b0 (zero vectors when degenerate). */
  pHat: Float64Array;
  qHat: Float64Array;
}

/** p = a + b and q = a - b entrywise, and their squared norms (summed in index order). */
function sumAndDifference(a0: ArrayLike<number>, b0: ArrayLike<number>): { p: Float64Array; q: Float64Array; pp: number; qq: number } {
  const d = a0.length;
  const p = new Float64Array(d);
  const q = new Float64Array(d);
  let pp = 0;
  let qq = 0;
  for (let i = 0; i < d; i++) {
    p[i] = a0[i] + b0[i];
    q[i] = a0[i] - b0[i];
    pp += p[i] * p[i];
    qq += q[i] * q[i];
  }
  return { p, q, pp, qq };
}

export function reduceToScalar(a0: ArrayLike<number>, b0: ArrayLike<number>): Reduction {
  const d = a0.length;
  const { p: pHat, q: qHat, pp, qq } = sumAndDifference(a0, b0);
  const np = Math.sqrt(pp);
  const nq = Math.sqrt(qq);
  for (let i = 0; i < d; i++) {
    pHat[i] = np > 0 ? pHat[i] / np : 0;
    qHat[i] = nq > 0 ? qHat[i] / nq : 0;
  }
  return { a: (np + nq) / 2, b: (np - nq) / 2, pHat, qHat };
}

/** The exact (a, b)-plane embedding of a d-dimensional iterate: p1 = <p, p0^>, q1 = <q, q0^>. */
export function embed(a: ArrayLike<number>, b: ArrayLike<number>, red: Reduction): [number, number] {
  let p1 = 0;
  let q1 = 0;
  for (let i = 0; i < a.length; i++) {
    p1 += (a[i] + b[i]) * red.pHat[i];
    q1 += (a[i] - b[i]) * red.qHat[i];
  }
  return [(p1 + q1) / 2, (p1 - q1) / 2];
}

// ---------------------------------------------------------------------------------------------------------------
// Gradient flow in closed form (Sec. 3.4)

export interface FlowPoint {
  a: Float64Array;
  b: Float64Array;
  eps: number;
  lam: number;
}

export interface ClosedFormFlow {
  /** Limit sharpness R = sqrt(K0^2 + 4 Phi^2) (the origin when the start has a0 = -b0). */
  R: number;
  /** True when a0 = -b0 exactly: the flow then goes to the saddle at the origin. */
  toSaddle: boolean;
  at(t: number): FlowPoint;
  /** The limit point (t -> infinity). */
  limit(): FlowPoint;
  /** I_GF = int_0^inf eps^2 dt (NaN when the flow goes to the saddle). */
  integralEps2: number;
}

export function closedFormFlow(a0: ArrayLike<number>, b0: ArrayLike<number>, phi: number): ClosedFormFlow {
  const d = a0.length;
  const { p: p0, q: q0, pp: sp, qq: sm } = sumAndDifference(a0, b0);
  let lam0 = 0;
  for (let i = 0; i < d; i++) lam0 += a0[i] * a0[i] + b0[i] * b0[i];
  const build = (sw: number, sq: number) => {
    const a = new Float64Array(d);
    const b = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      a[i] = (sw * p0[i] + q0[i] * sq) / 2;
      b[i] = (sw * p0[i] - q0[i] * sq) / 2;
    }
    return { a, b };
  };
  if (sp === 0) {
    // p = 0 for all t: q = q0 e^s, z = e^{2s}, dz/dt = -2 Phi z - (Sm/2) z^2, so 1/z = (1 + c) e^{2 Phi t} - c.
    const c = sm / (4 * phi);
    const zAt = (t: number) => 1 / ((1 + c) * exp(2 * phi * t) - c);
    const pt = (t: number): FlowPoint => {
      const z = t === Infinity ? 0 : zAt(t);
      const { a, b } = build(0, Math.sqrt(z));
      const lam = (sm * z) / 2;
      return { a, b, eps: -(sm * z) / 4 - phi, lam };
    };
    return { R: 0, toSaddle: true, at: pt, limit: () => pt(Infinity), integralEps2: NaN };
  }
  const R = Math.sqrt(4 * phi * phi + sp * sm);
  const wp = (2 * phi + R) / sp;
  const wm = (2 * phi - R) / sp; // <= 0
  const k = (1 - wp) / (1 - wm);
  const at = (t: number): FlowPoint => {
    const e = t === Infinity ? 0 : exp(-R * t);
    const ke = k * e;
    const diff = (ke * (wp - wm)) / (1 - ke); // w - w+
    const w = wp + diff;
    const sw = Math.sqrt(w);
    const { a, b } = build(sw, 1 / sw);
    return { a, b, eps: (diff * (sp + sm / (w * wp))) / 4, lam: (sp * w + sm / w) / 2 };
  };
  let a0b0 = 0;
  for (let i = 0; i < d; i++) a0b0 += p0[i] * p0[i];
  const integralEps2 = (lam0 - R) / 4 + (phi / 2) * log((2 * phi + R) / a0b0);
  return { R, toSaddle: false, at, limit: () => at(Infinity), integralEps2 };
}

// ---------------------------------------------------------------------------------------------------------------
// Balanced 2-cycle (Sec. 3.6)

export interface TwoCycle {
  xPlus: number;
  xMinus: number;
  lamPlus: number;
  lamMinus: number;
  epsPlus: number;
  epsMinus: number;
}

/** The balanced 2-cycle on a = b for 1 < eta Phi < sqrt5 - 1 (null outside the range where it exists). */
export function balancedTwoCycle(eta: number, phi: number): TwoCycle | null {
  const h = eta * phi;
  if (!(h > 1)) return null;
  const s = Math.sqrt((h - 1) * (h + 3));
  const xPlus = (h + 1 + s) / (2 * eta);
  const xMinus = (h + 1 - s) / (2 * eta);
  return { xPlus, xMinus, lamPlus: 2 * xPlus, lamMinus: 2 * xMinus, epsPlus: xPlus - phi, epsMinus: xMinus - phi };
}

/** Upper end of the stable 2-cycle: eta Phi = sqrt5 - 1. */
export const TWO_CYCLE_END = Math.sqrt(5) - 1;

// ---------------------------------------------------------------------------------------------------------------
// The model as a Problem for the shared run loop (sweeps, CLI)

/**
 * L(a, b) = (1/2)(a^T b - Phi)^2 on theta = [a; b]. Metrics: eps, lam, S, m, Q = sum |Q_i|, K = ||a+b|| ||a-b||,
 * qRatio = Q_j / Q_j(0) for the coordinate with the largest |Q_j(0)| (signed; equals the product of the factors).
 */
export class StabilityModel implements Problem {
  readonly n: number;
  readonly blocks;
  readonly metricNames = ['eps', 'lam', 'S', 'm', 'Q', 'K', 'qRatio'] as const;
  private readonly j: number;
  private readonly qj0: number;

  /**
   * lossScale s (data mode, Sec. 2.1): the loss is s L = Lbar - Const, so GD with step eta on it is GD with s eta on L
   * (the constant is left out so that the shared stop rule `loss < lossBelow` can still be met on noisy data).
   */
  constructor(
    readonly d: number,
    readonly phi: number,
    theta0: Float64Array,
    readonly lossScale = 1,
  ) {
    this.n = 2 * d;
    this.blocks = [
      { name: 'a', offset: 0, size: d },
      { name: 'b', offset: d, size: d },
    ];
    let j = 0;
    let best = -1;
    for (let i = 0; i < d; i++) {
      const qi = theta0[i] * theta0[i] - theta0[d + i] * theta0[d + i];
      if (Math.abs(qi) > best) {
        best = Math.abs(qi);
        j = i;
      }
    }
    this.j = j;
    this.qj0 = theta0[j] * theta0[j] - theta0[d + j] * theta0[d + j];
  }

  private eps(theta: Float64Array): number {
    let m = 0;
    for (let i = 0; i < this.d; i++) m += theta[i] * theta[this.d + i];
    return m - this.phi;
  }

  loss(theta: Float64Array): number {
    const e = this.eps(theta);
    return this.lossScale * 0.5 * e * e;
  }

  /** The lab's divergence rule (Sec. 4), in place of the run loop's generic "a parameter above 1e8". */
  diverged(theta: Float64Array): string | null {
    const e = this.eps(theta);
    if (!epsDiverged(e)) return null;
    return Number.isFinite(e) ? `|ε| = |aᵀb − Φ| exceeded ${DIVERGE_ABOVE.toExponential(0)}` : 'ε = aᵀb − Φ became non-finite';
  }

  /**
   * GD (Eq. 4) in the lab's one operation order: eps = a^T b - Phi, g = eta eps, a' = a - g b, b' = b - g a with
   * eta = s lr (lossScale s in data mode: the step on L). For d = 1 this is runGdScalar's step bit for bit.
   */
  gdStep(theta: Float64Array, _g: Float64Array, lr: number): void {
    const d = this.d;
    const g = this.lossScale * lr * this.eps(theta);
    for (let i = 0; i < d; i++) {
      const ai = theta[i];
      theta[i] = ai - g * theta[d + i];
      theta[d + i] = theta[d + i] - g * ai;
    }
  }

  /** The period rule of Sec. 4 (PeriodWatch on eps), one per run. */
  cycleDetector(): (theta: Float64Array, steps: number) => number | null {
    const watch = new PeriodWatch(this.phi);
    return (theta, steps) => watch.push(steps, this.eps(theta)) ?? null;
  }

  grad(theta: Float64Array, g: Float64Array): number {
    const d = this.d;
    const e = this.eps(theta);
    const se = this.lossScale * e;
    for (let i = 0; i < d; i++) {
      g[i] = se * theta[d + i];
      g[d + i] = se * theta[i];
    }
    return this.lossScale * 0.5 * e * e;
  }

  /** H = v v^T + eps J with v = [b; a], J = [[0, I], [I, 0]]. */
  hess(theta: Float64Array, out: Float64Array): void {
    const n = this.n;
    const d = this.d;
    const e = this.eps(theta);
    for (let r = 0; r < n; r++) {
      const vr = r < d ? theta[d + r] : theta[r - d];
      for (let c = 0; c < n; c++) {
        const vc = c < d ? theta[d + c] : theta[c - d];
        out[r * n + c] = this.lossScale * (vr * vc + (Math.abs(r - c) === d ? e : 0));
      }
    }
  }

  metrics(theta: Float64Array, out: Float64Array): void {
    const d = this.d;
    const a = theta.subarray(0, d);
    const b = theta.subarray(d);
    // the five sums of one pass over the units
    let m = 0,
      lam = 0,
      Q = 0,
      sp = 0,
      sq = 0;
    for (let i = 0; i < d; i++) {
      m += a[i] * b[i];
      lam += a[i] * a[i] + b[i] * b[i];
      Q += Math.abs(a[i] * a[i] - b[i] * b[i]);
      sp += pow(a[i] + b[i], 2);
      sq += pow(a[i] - b[i], 2);
    }
    const qj = a[this.j] * a[this.j] - b[this.j] * b[this.j];
    out[0] = m - this.phi;
    out[1] = lam;
    out[2] = sharpnessOf(a, b, this.phi);
    out[3] = m;
    out[4] = Q;
    out[5] = Math.sqrt(sp * sq);
    out[6] = this.qj0 !== 0 ? qj / this.qj0 : NaN;
  }
}
