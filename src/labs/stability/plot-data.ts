import { boundedRuns, stepRuns } from './player-logic';
import { drawable, type Envelope } from './envelope';
import { dataFit, type StabilitySpec } from './schema';
import type { GdResult } from '../../engine/stability/stability';
import type { FlowSamples } from '../../engine/stability/compare';

/**
 * What the time plots draw of one comparison, prepared once per run (in the comparison worker, so the page's thread
 * only hands arrays to the plots): every series as its min-max envelope (coarser when chaotic), the shaded step runs
 * (eta |eps| > 1, > sqrt 2; at most MAX_BANDS each) and the number of sign flips of Q.
 */
export interface PlotData {
  gdEps: Envelope;
  gfEps: Envelope;
  loss: Envelope;
  asym: Envelope;
  S: Envelope;
  lam: Envelope;
  gfLam: Envelope;
  q: Envelope;
  bound: Envelope;
  dist: Envelope;
  rho: Envelope;
  factor: Envelope;
  flipRuns: [number, number][];
  growRuns: [number, number][];
  flips: number;
}

/** Shaded step intervals per kind (a chaotic orbit has thousands of runs). */
export const MAX_BANDS = 60;

const abs = (x: Float64Array, n: number) => Float64Array.from(x.subarray(0, n), Math.abs);

export function plotData(c: { spec: StabilitySpec; eta: number; gd: GdResult; gf: FlowSamples }): PlotData {
  const tr = c.gd.trace!;
  const n = tr.n;
  const step = tr.step.subarray(0, n);
  // data mode: the loss on the data, Lbar = s L + Const
  const fit = c.spec.model.data ? dataFit(c.spec.model.data) : { s: 1, konst: 0 };
  const loss = Float64Array.from(tr.eps.subarray(0, n), (e) => fit.s * 0.5 * e * e + fit.konst);
  const bound = Float64Array.from(tr.sumEps2.subarray(0, n), (v) => Math.exp(-c.eta * c.eta * v));
  const asym = Float64Array.from(step, (k) => Math.abs(c.gd.eps) * Math.abs(1 - c.eta * c.gd.lam) ** (k - step[n - 1]));
  // phase: where in its bucket a rough series' bar stands, different for the series sharing a plot
  const env = (y: ArrayLike<number>, log = false, phase = 0) => drawable(step, y, n, log, phase);
  const runs = (thr: number) => boundedRuns(stepRuns(tr.step, tr.eps, n, c.eta, thr), tr.step[0] - 0.5, tr.step[n - 1] + 0.5, MAX_BANDS);
  let flips = 0;
  for (let i = 1; i < n; i++) if (Math.sign(tr.qRatio[i]) !== Math.sign(tr.qRatio[i - 1])) flips++;
  return {
    gdEps: env(abs(tr.eps, n), true),
    gfEps: env(abs(c.gf.eps, n), true, 1 / 3),
    loss: env(loss, true, 2 / 3),
    asym: env(asym, true),
    S: env(tr.S),
    lam: env(tr.lam, false, 1 / 3),
    gfLam: env(c.gf.lam, false, 2 / 3),
    q: env(abs(tr.qRatio, n), true),
    bound: env(bound, true, 1 / 2),
    dist: env(c.gf.dist, true),
    rho: env(tr.rho),
    factor: env(tr.factor, false, 1 / 2),
    flipRuns: runs(1),
    growRuns: runs(Math.SQRT2),
    flips,
  };
}
