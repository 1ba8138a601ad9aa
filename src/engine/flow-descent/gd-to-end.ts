/**
 * One GD run of a step-size sweep (docs/labs/flow-vs-descent.md Sec. 4 "GD stop rules", Sec. 7 item 9): plain GD
 * from theta_0 until it converges, diverges, settles on a periodic orbit or reaches its step cap, measured against a
 * flow reference on the way (D_k = ||theta_k - theta(k eta)||). Deterministic and allocation-free in the loop.
 */
import type { FlowReference } from './flow-reference';
import { referenceAt } from './flow-reference';
import { extremeEigenvalues, HessianScratch } from './hessian';
import { distance, norm } from './mat';
import type { Objective } from './objective';

export type GdOutcome = 'converged' | 'diverged' | 'periodic' | 'cap';

export interface GdToEndOptions {
  maxSteps: number;
  /** f - min f below this is converged: 1e-14 on deep linear nets, 1e-8 elsewhere (Sec. 4). */
  convergedBelow: number;
  /** The flow to measure D against (over its horizon); none when absent. */
  reference?: FlowReference | null;
  /** Final lmin / lmax from the exact Hessian (n HVPs and an eigensolve): default when n <= 400. */
  spectrum?: boolean;
  /** Model-specific scalars at the final iterate (e.g. DLN's U, r, nu), as the tracking's extra. */
  extra?: { names: readonly string[]; eval(theta: Float64Array, out: Float64Array): void };
  /** Sec. 4: the period test starts after this many steps (2000). */
  burnIn?: number;
  /** Largest period tried (16). */
  maxPeriod?: number;
  /** |f_{k+p} - f_k| < periodTol f_k over four periods (1e-12). */
  periodTol?: number;
  /** Steps at the end of a capped run over which the range of f is reported (default min(10^4, maxSteps / 4)). */
  lastStretch?: number;
}

export interface GdToEndResult {
  eta: number;
  outcome: GdOutcome;
  /** Which rule fired, in words. */
  reason: string;
  /** Iterations when the rule fired (t = steps eta). */
  steps: number;
  /** f - min f and ||grad f|| at the start and at the final iterate. */
  f0: number;
  f: number;
  grad: number;
  lmin: number;
  lmax: number;
  /** Final values of the extra scalars, by name. */
  extra: Record<string, number>;
  /** Period of an orbit (0 unless periodic) and f - min f over its last period, in time order. */
  period: number;
  orbit: number[];
  /** Range of f - min f over the last stretch of a capped (aperiodic-looking) run; NaN otherwise. */
  fLow: number;
  fHigh: number;
  /** max over t_k <= horizon of D_k, its time, and the flow time D was measured up to (NaN without a reference). */
  maxD: number;
  maxDt: number;
  dUpTo: number;
}

interface Stop {
  outcome: GdOutcome;
  reason: string;
  steps: number;
  f: number;
  grad: number;
  period: number;
  orbit: number[];
}

/** Ring of the last f values: 5 maxPeriod entries cover a period test over four periods. */
const RING = 128;

export function gdToEnd(obj: Objective, theta0: Float64Array, eta: number, opts: GdToEndOptions): GdToEndResult {
  const n = obj.n;
  const burnIn = opts.burnIn ?? 2000;
  const maxPeriod = Math.min(opts.maxPeriod ?? 16, Math.floor((RING - 1) / 5));
  const periodTol = opts.periodTol ?? 1e-12;
  const stretch = Math.max(1, Math.floor(opts.lastStretch ?? Math.min(1e4, opts.maxSteps / 4)));
  const stretchFrom = opts.maxSteps - stretch;
  const ref = opts.reference ?? null;
  const theta = Float64Array.from(theta0);
  const g = new Float64Array(n);
  const flow = new Float64Array(n);
  const ring = new Float64Array(RING);
  const thetaStop = new Float64Array(n);

  let f = obj.grad(theta, g) - obj.minLoss;
  const f0 = f;
  const fCap = 1e6 * Math.max(f0, 1e-300);
  ring[0] = f;
  let k = 0;
  let hint = 0;
  let maxD = ref ? distance(theta, ref.theta0, n) : Number.NaN;
  let maxDt = 0;
  let dUpTo = ref ? 0 : Number.NaN;
  // Rounding tolerance on k eta <= horizon, as in the tracking's lockstep.
  const kRef = ref ? Math.floor((ref.horizon / eta) * (1 + 1e-12)) : -1;
  let fLow = Number.POSITIVE_INFINITY;
  let fHigh = Number.NEGATIVE_INFINITY;

  let stop: Stop | null = null;
  const at = (outcome: GdOutcome, reason: string, period = 0): Stop => {
    thetaStop.set(theta);
    // The orbit's last period, read now: steps taken for D after the stop overwrite the ring.
    const orbit: number[] = [];
    for (let j = period - 1; j >= 0; j--) orbit.push(ring[(k - j) % RING]);
    return { outcome, reason, steps: k, f, grad: norm(g, n), period, orbit };
  };
  const g0 = norm(g, n);
  if (f < opts.convergedBelow) stop = at('converged', 'f - min f below the threshold');
  else if (g0 < 1e-12) stop = at('converged', '||grad f|| < 1e-12');

  // After a converged (or periodic) stop before the reference's horizon, GD keeps stepping for D only.
  while (k < opts.maxSteps && (stop === null || k < kRef)) {
    for (let i = 0; i < n; i++) theta[i] -= eta * g[i];
    k++;
    f = obj.grad(theta, g) - obj.minLoss;
    ring[k % RING] = f;
    if (!(Number.isFinite(f) && f <= fCap && norm(theta, n) <= 1e8)) {
      stop ??= at('diverged', !Number.isFinite(f) ? 'non-finite f' : f > fCap ? 'f > 1e6 f(theta_0)' : '||theta|| > 1e8');
      break;
    }
    if (ref && k <= kRef) {
      hint = referenceAt(ref, Math.min(k * eta, ref.horizon), flow, hint);
      const d = distance(theta, flow, n);
      dUpTo = k * eta;
      if (d > maxD) {
        maxD = d;
        maxDt = k * eta;
      }
    }
    if (stop !== null) continue;
    if (k > stretchFrom) {
      if (f < fLow) fLow = f;
      if (f > fHigh) fHigh = f;
    }
    if (f < opts.convergedBelow) stop = at('converged', 'f - min f below the threshold');
    else if (norm(g, n) < 1e-12) stop = at('converged', '||grad f|| < 1e-12');
    else if (k >= burnIn + 5 * maxPeriod) {
      const p = periodOf(ring, k, maxPeriod, periodTol);
      if (p > 0) stop = at('periodic', `|f_(k+p) - f_k| < ${periodTol} f_k over four periods`, p);
    }
  }
  const s = stop ?? at('cap', `no stop rule within ${opts.maxSteps} steps`);

  const finite = s.outcome !== 'diverged' && allFinite(thetaStop);
  const spec = finite && (opts.spectrum ?? n <= 400) ? extremeEigenvalues(obj, thetaStop, new HessianScratch(n)) : { lmin: Number.NaN, lmax: Number.NaN };
  const extra: Record<string, number> = {};
  if (opts.extra) {
    const buf = new Float64Array(opts.extra.names.length).fill(Number.NaN);
    if (finite) opts.extra.eval(thetaStop, buf);
    opts.extra.names.forEach((name, i) => (extra[name] = buf[i]));
  }
  const capped = s.outcome === 'cap' && Number.isFinite(fLow);
  return {
    eta,
    outcome: s.outcome,
    reason: s.reason,
    steps: s.steps,
    f0,
    f: s.f,
    grad: s.grad,
    lmin: spec.lmin,
    lmax: spec.lmax,
    extra,
    period: s.period,
    orbit: s.orbit,
    fLow: capped ? fLow : Number.NaN,
    fHigh: capped ? fHigh : Number.NaN,
    maxD,
    maxDt,
    dUpTo,
  };
}

/**
 * Smallest p <= maxPeriod with |f_(j+p) - f_j| < tol f_j for every j + p in (k - 4p, k] (four periods), read from the
 * ring of recent f; 0 when none. A run whose f creeps the same way every step by less than tol f (App. B, where f ~
 * a z_c^2 / 2 dwarfs each step's decrease) passes that test for every p without being an orbit: it is left to run on.
 */
function periodOf(ring: Float64Array, k: number, maxPeriod: number, tol: number): number {
  if (creeping(ring, k, 4 * maxPeriod, tol)) return 0;
  for (let p = 1; p <= maxPeriod; p++) {
    let ok = true;
    for (let j = 0; j < 4 * p && ok; j++) {
      const a = ring[(k - j) % RING];
      const b = ring[(k - j - p) % RING];
      ok = Math.abs(a - b) < tol * b;
    }
    if (ok) return p;
  }
  return 0;
}

/** Every one of the last m steps moved f by less than tol f, all in the same direction. */
function creeping(ring: Float64Array, k: number, m: number, tol: number): boolean {
  let down = 0;
  let up = 0;
  for (let j = 0; j < m; j++) {
    const a = ring[(k - j) % RING];
    const b = ring[(k - j - 1) % RING];
    if (!(Math.abs(a - b) < tol * b)) return false;
    if (a < b) down++;
    else if (a > b) up++;
  }
  return down === m || up === m;
}

function allFinite(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return false;
  return true;
}
