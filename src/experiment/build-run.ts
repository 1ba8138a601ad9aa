import type { Problem } from '../engine/core/problem';
import type { Run } from '../engine/core/run';
import { buildRunFor, effectiveFor, prepareFor } from './lab-run';
import { coreOf, type Spec } from './schema';

export { buildIntegrator } from './lab-run';

/** The spec a run actually runs: the lab's own adjustments folded in (e.g. the poisoned arm's overrides). */
export function effectiveSpec(spec: Spec): Spec {
  return effectiveFor(coreOf(spec.lab), spec);
}

/** The model of a spec and its initial parameters, from the spec's lab. */
export function buildProblem(spec: Spec): { problem: Problem; theta0: Float64Array } {
  return (coreOf(spec.lab).buildProblem as (s: Spec) => { problem: Problem; theta0: Float64Array })(spec);
}

/** Loads what the spec's lab needs before a run of it can be built (LabCore.prepare); nothing for most labs. */
export function prepareRun(spec: Spec): Promise<void> {
  return prepareFor(coreOf(spec.lab), spec);
}

/** Everything a validated spec needs to run, in the worker, the CLI and the tests alike. */
export function buildRun(spec: Spec): Run {
  return buildRunFor(coreOf(spec.lab), spec);
}
