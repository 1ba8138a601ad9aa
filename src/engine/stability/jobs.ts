/**
 * The Stability lab's sweeps as small jobs for the worker pool: scalar GD runs (runGdScalar, with the stop rule each
 * protocol asks for and the exact imbalance product of Sec. 3.3) and bifurcation columns. Job builders for each
 * sweep of lab spec Sec. 5 live here so the page, the CLI and the tests build the same jobs.
 */
import { COS20, SIN20 } from './start-direction';
import { runGdScalar, type GdResult } from './stability';
import { log10 } from '../core/det-math';
import { linspace, logspace } from './compare';

export { COS20, SIN20 };

/** One GD run of a sweep (d = 1 or the exact reduction of any d). */
export interface GdJob {
  kind: 'gd';
  a0: number;
  b0: number;
  phi: number;
  eta: number;
  lossBelow: number;
  maxSteps: number;
  /** |eps| above this (or non-finite) is divergence; default 1e8 (Sec. 4). */
  divergeAbove?: number;
  /** Look for a period after this many steps (default 2000; null = never, as in the Fig. 3 protocol). */
  periodicAfter?: number | null;
}

/** One GD job's result: the run's end state without its trace (qRatio is the exact product of the step factors). */
export type GdJobResult = { kind: 'gd' } & Omit<GdResult, 'sumEps2' | 'trace'>;

/** One column of the bifurcation diagram: GD from (r0, r0) with step eta, burn-in, then `keep` values of lam. */
export interface BifJob {
  kind: 'bif';
  r0: number;
  phi: number;
  eta: number;
  burnIn: number;
  keep: number;
}

export interface BifJobResult {
  kind: 'bif';
  diverged: boolean;
  /** lam at the `keep` steps after the burn-in (fewer if the orbit left |a| <= 1e6). */
  lam: number[];
}

export type StabilityJob = GdJob | BifJob;
export type StabilityJobResult = GdJobResult | BifJobResult;

export function runGdJob(j: GdJob): GdJobResult {
  const r = runGdScalar(j.a0, j.b0, {
    phi: j.phi,
    eta: j.eta,
    lossBelow: j.lossBelow,
    maxSteps: j.maxSteps,
    divergeAbove: j.divergeAbove,
    periodicAfter: j.periodicAfter === null ? Infinity : j.periodicAfter,
  });
  return { kind: 'gd', outcome: r.outcome, steps: r.steps, a: r.a, b: r.b, eps: r.eps, lam: r.lam, S: r.S, qRatio: r.qRatio, maxEtaEps: r.maxEtaEps, period: r.period };
}

export function runBifJob(j: BifJob): BifJobResult {
  const res = runGdScalar(j.r0, j.r0, { phi: j.phi, eta: j.eta, lossBelow: 0, maxSteps: j.burnIn, divergeAbove: 1e6, periodicAfter: Infinity });
  if (res.outcome === 'diverged') return { kind: 'bif', diverged: true, lam: [] };
  const lam: number[] = [];
  let a = res.a;
  let b = res.b;
  for (let k = 0; k < j.keep; k++) {
    lam.push(a * a + b * b);
    const g = j.eta * (a * b - j.phi);
    const an = a - g * b;
    b = b - g * a;
    a = an;
    if (!Number.isFinite(a) || Math.abs(a) > 1e6) break;
  }
  return { kind: 'bif', diverged: false, lam };
}

export function runStabilityJob(j: StabilityJob): StabilityJobResult {
  return j.kind === 'gd' ? runGdJob(j) : runBifJob(j);
}

// ---------------------------------------------------------------------------------------------------------------
// Grids of lab spec Sec. 5

/** Step-size sweep (S-sweep): eta in logspace(-3, log10(1.2/Phi), n), T = 20000, the Sec. 4 stop rules. */
export function etaSweepJobs(a0: number, b0: number, phi: number, lossBelow: number, n: number): { x: number; job: GdJob }[] {
  return logspace(-3, log10(1.2 / phi), n).map((eta) => ({ x: eta, job: { kind: 'gd', a0, b0, phi, eta, lossBelow, maxSteps: 20000 } }));
}

/** Init-scale sweep: sigma in logspace(-2, log10 4, n) along the unit direction dir, fixed eta. */
export function scaleSweepJobs(dir: [number, number], phi: number, eta: number, lossBelow: number, n = 100): { x: number; job: GdJob }[] {
  return logspace(-2, log10(4), n).map((s) => ({ x: s, job: { kind: 'gd', a0: s * dir[0], b0: s * dir[1], phi, eta, lossBelow, maxSteps: 20000 } }));
}

/**
 * The S-fig3 protocol (Sec. 5): Phi = 1, start sigma (cos 20 deg, sin 20 deg), sigma in logspace(-2, log10 4, nS),
 * eta in linspace(0.01, 1.2, nE), T = 20000, converged at |eps| < 1e-6, diverged at |eps| > 1e6 or non-finite,
 * no period detection (Q(T) is read at T). Jobs row by row, the largest sigma first (the top row of the heatmap).
 */
export function fig3Grid(nS = 100, nE = 120) {
  return { sigmas: logspace(-2, log10(4), nS), etas: linspace(0.01, 1.2, nE) };
}

export function fig3Job(sigma: number, eta: number): GdJob {
  return { kind: 'gd', a0: sigma * COS20, b0: sigma * SIN20, phi: 1, eta, lossBelow: 0.5e-12, maxSteps: 20000, divergeAbove: 1e6, periodicAfter: null };
}

export function fig3Jobs(nS = 100, nE = 120): { x: number; y: number; job: GdJob }[] {
  const { sigmas, etas } = fig3Grid(nS, nE);
  const out: { x: number; y: number; job: GdJob }[] = [];
  for (let i = nS - 1; i >= 0; i--) for (const eta of etas) out.push({ x: eta, y: sigmas[i], job: fig3Job(sigmas[i], eta) });
  return out;
}

/** Trade-off runs (S-tradeoff-init / S-tradeoff-eta): one GD run per (start, eta) with the experiment's tol. */
export function tradeoffJobs(runs: { a0: number; b0: number; eta: number }[], phi: number, lossBelow: number, maxSteps: number): { x: number; job: GdJob }[] {
  return runs.map((r, i) => ({ x: i, job: { kind: 'gd', a0: r.a0, b0: r.b0, phi, eta: r.eta, lossBelow, maxSteps } }));
}

/** S-bif columns: h = eta Phi at the centres of n equal cells of [h0, h1]. */
export function bifEtas(h: [number, number], n: number, phi: number): number[] {
  const dh = (h[1] - h[0]) / n;
  return Array.from({ length: n }, (_, i) => (h[0] + (i + 0.5) * dh) / phi);
}

export function bifJobs(h: [number, number], n: number, phi: number, r0: number, burnIn: number, keep: number): { x: number; job: BifJob }[] {
  return bifEtas(h, n, phi).map((eta) => ({ x: eta * phi, job: { kind: 'bif', r0, phi, eta, burnIn, keep } }));
}

/**
 * Density grid of bifurcation columns (layout of the landscape grids: columns = eta, rows = lam from the top).
 * Diverged columns are NaN; missing (not yet computed) columns are NaN too.
 */
export function binBifurcation(cols: (BifJobResult | null)[], lam: [number, number], nLam: number): Float64Array {
  const n = cols.length;
  const values = new Float64Array(n * nLam);
  const [l0, l1] = lam;
  cols.forEach((c, i) => {
    if (!c || c.diverged) {
      for (let j = 0; j < nLam; j++) values[j * n + i] = NaN;
      return;
    }
    for (const v of c.lam) {
      const j = Math.floor(((l1 - v) / (l1 - l0)) * nLam);
      if (j >= 0 && j < nLam) values[j * n + i] += 1;
    }
  });
  return values;
}

/** The S-bif protocol (Sec. 5): a = b = 0.7, h = eta Phi in [0.8, 2.05], 64 values of lam recorded per column. */
export const BIF = { h: [0.8, 2.05] as [number, number], r0: 0.7, keep: 64, lam: [0, 4.6] as [number, number] };
