import { stopDefault } from '../../experiment/common';
import { compareScalar, type ScalarComparison } from '../../engine/stability/compare';
import { closedFormFlow, reduceToScalar, runGdScalar, type ClosedFormFlow, type GdResult } from '../../engine/stability/stability';
import { initialAB } from './build';
import { etaEffOf, type StabilitySpec } from './schema';
import { plotData, type PlotData } from './plot-data';

/** GD and gradient flow of a stability spec side by side (the engine's scalar comparison plus the spec and its d-dimensional start). */
export interface Comparison extends ScalarComparison {
  spec: StabilitySpec;
  aVec: Float64Array;
  bVec: Float64Array;
  /** What the time plots draw, when prepared off the page's thread (compareJob). */
  plots?: PlotData;
}

export function compare(spec: StabilitySpec, traceCap?: number): Comparison {
  const { aVec, bVec, a0, b0, phi, eta } = scalarStart(spec);
  return { ...compareScalar(a0, b0, phi, eta, spec.stop.lossBelow, spec.stop.maxSteps, traceCap), spec, aVec, bVec };
}

/**
 * Most GD iterates the page's comparison records (the run itself goes on to its stop rule; past this the trace is
 * thinned evenly, see GdOptions.traceCap). Bounded so that a link with stop.maxSteps up to 1e9 costs the worker and
 * the page's plots a bounded amount of memory and drawing.
 */
export const PAGE_TRACE_CAP = 20_000;

/**
 * What the page's comparison worker sends back (the `compare` job of the stability core): the comparison without its
 * closed-form flow (functions do not cross threads; comparisonFrom rebuilds it, it is cheap) and the second start's
 * run. Plain data whose Float64Arrays are transferred, not copied (comparisonBuffers).
 */
export interface ComparisonData extends Omit<Comparison, 'flow'> {
  second: GdResult | null;
  /** Milliseconds the worker spent. */
  ms: number;
}

/** The page's comparison job: GD (recorded, at most PAGE_TRACE_CAP iterates) vs GF, and the second start's run. */
export function compareJob(spec: StabilitySpec, traceCap = PAGE_TRACE_CAP): ComparisonData {
  const t0 = performance.now();
  const { flow: _flow, ...c } = compare(spec, traceCap);
  const second = compareSecond(spec, traceCap);
  return { ...c, plots: plotData(c), second, ms: performance.now() - t0 };
}

/** A Comparison again from the worker's data (the closed-form flow is recomputed: O(1)). */
export function comparisonFrom(data: ComparisonData): { c: Comparison; second: GdResult | null; ms: number } {
  const { second, ms, ...rest } = data;
  return { c: { ...rest, flow: closedFormFlow([data.a0], [data.b0], data.phi) }, second, ms };
}

/** Every distinct ArrayBuffer of a comparison's data (the transfer list: each buffer listed once). */
export function comparisonBuffers(data: ComparisonData): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (o: object | null | undefined) => {
    if (!o) return;
    for (const v of Object.values(o)) if (v instanceof Float64Array) out.add(v.buffer as ArrayBuffer);
  };
  add(data.gd.trace);
  add(data.gf);
  add(data.second?.trace);
  add(data);
  if (data.plots) for (const v of Object.values(data.plots)) if (v && typeof v === 'object' && 'x' in v) add(v);
  return [...out];
}

/** How the recorded GD trace relates to the run: every iterate, or every stride-th of steps + 1 (thinned). */
export function traceCoverage(g: GdResult): { recorded: number; iterates: number; stride: number; thinned: boolean } {
  const tr = g.trace;
  const iterates = g.steps + 1;
  const recorded = tr ? tr.n : 0;
  const stride = tr && tr.n > 1 ? tr.step[1] - tr.step[0] : 1;
  return { recorded, iterates, stride, thinned: recorded < iterates };
}

/**
 * What the page can show of a spec at once, without running it (O(d)): the scalar start, Phi, the step on the
 * reduced loss and the closed-form gradient flow. Controls, sweeps and landscape markers use this, so they follow
 * the experiment while the comparison is still being computed.
 */
export interface SpecBasics {
  spec: StabilitySpec;
  a0: number;
  b0: number;
  phi: number;
  eta: number;
  flow: ClosedFormFlow;
}

export function specBasics(spec: StabilitySpec): SpecBasics {
  const { a0, b0, phi, eta } = scalarStart(spec);
  return { spec, a0, b0, phi, eta, flow: closedFormFlow([a0], [b0], phi) };
}

/** The scalar start of a spec (the exact reduction of Sec. 2.3 when d > 1), with its Phi and step size. */
export function scalarStart(spec: StabilitySpec) {
  const { a: aVec, b: bVec } = initialAB(spec);
  const red = spec.model.d === 1 ? { a: aVec[0], b: bVec[0] } : reduceToScalar(aVec, bVec);
  // data mode: GD with step lr on Lbar = s L + Const is GD with s lr on L (Sec. 2.1)
  return { aVec, bVec, a0: red.a, b0: red.b, phi: spec.model.phi, eta: etaEffOf(spec) };
}

/**
 * The run of the second start (ui.compare) with the experiment's eta, Phi and stop rule, recorded for the
 * landscape; null when there is none.
 */
export function compareSecond(spec: StabilitySpec, traceCap?: number): GdResult | null {
  const s = spec.ui.compare;
  if (!s) return null;
  const { phi, eta } = scalarStart(spec);
  return runGdScalar(s.a, s.b, { phi, eta, lossBelow: spec.stop.lossBelow, maxSteps: spec.stop.maxSteps, record: true, traceCap });
}

/** A spec for one sweep job: scalar start, GD with step eta, final state only. */
export function sweepSpec(a0: number, b0: number, phi: number, eta: number, lossBelow: number, maxSteps: number): StabilitySpec {
  return {
    v: 1,
    lab: 'stability',
    seed: 0,
    model: { phi, d: 1 },
    init: { kind: 'explicit', a: [a0], b: [b0] },
    optim: { kind: 'gd', lr: eta },
    stop: { ...stopDefault, lossBelow, maxSteps },
    record: { every: 1e7, perDecade: 1 },
    ui: { gf: false, circle: false, hyperbolas: false },
  };
}
