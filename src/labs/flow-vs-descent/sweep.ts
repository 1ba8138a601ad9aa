import { type FlowReference, flowReference } from '../../engine/flow-descent/flow-reference';
import { type GdToEndResult, gdToEnd } from '../../engine/flow-descent/gd-to-end';
import { buildObjective, convergedBelow } from './build';
import { FD_LIMITS, type FlowVsDescentSpec } from './schema';

/**
 * The step-size sweep's pool jobs (docs/labs/flow-vs-descent.md Sec. 7 item 9), plain data in and out: one flow
 * reference computed once (sweepReference) and sent with every point, then one GD run per eta to its Sec. 4 stop rule
 * (sweepPoint), measured against that reference.
 */

/** Step sizes swept when the spec names none: a log grid over the slider's range (Sec. 7). */
export const DEFAULT_SWEEP_ETAS = [1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2];
export const DEFAULT_SWEEP_MAX_STEPS = 50_000;

/** The etas a spec sweeps (ascending, duplicates dropped). */
export function sweepEtas(spec: FlowVsDescentSpec): number[] {
  return [...new Set(spec.sweep?.etas ?? DEFAULT_SWEEP_ETAS)].sort((a, b) => a - b);
}

export function sweepMaxSteps(spec: FlowVsDescentSpec): number {
  return spec.sweep?.maxSteps ?? DEFAULT_SWEEP_MAX_STEPS;
}

/** The flow from the spec's start to its horizon at the spec's tolerances (the D of every point is against it). */
export function sweepReference(spec: FlowVsDescentSpec): FlowReference {
  const { objective, theta0 } = buildObjective(spec);
  return flowReference(objective, theta0, spec.horizon, { rtol: spec.solver.rtol, atol: spec.solver.atol });
}

export interface SweepPointInput {
  spec: FlowVsDescentSpec;
  eta: number;
  reference: FlowReference;
}

export interface SweepPointResult extends GdToEndResult {
  /** Wall time of the job, ms (not deterministic; never compared). */
  ms: number;
}

/** GD at one eta from the spec's GD start to its stop rule, with max D against the reference. */
export function sweepPoint({ spec, eta, reference }: SweepPointInput): SweepPointResult {
  const t0 = performance.now();
  const { objective, theta0, extra } = buildObjective(spec);
  const start = spec.gdStart ? Float64Array.from(spec.gdStart) : theta0;
  const r = gdToEnd(objective, start, eta, {
    maxSteps: sweepMaxSteps(spec),
    convergedBelow: convergedBelow(spec.objective),
    reference,
    spectrum: objective.n <= FD_LIMITS.maxSpectrumParams,
    extra,
  });
  return { ...r, ms: performance.now() - t0 };
}

/** A sweep point as the lab's experiment: the same spec with that one eta, shown as a run. */
export function sweepRunSpec(spec: FlowVsDescentSpec, eta: number): FlowVsDescentSpec {
  return { ...spec, etas: [eta], view: 'run' };
}
