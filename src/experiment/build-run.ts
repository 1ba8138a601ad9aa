import type { Problem } from '../engine/core/problem';
import type { Run } from '../engine/core/run';
import { effectiveFor, type LabRuntime } from './lab-core';
import { buildRunFor, prepareWith } from './lab-run';
import { coreOf, labIds, type LabId, type Spec } from './schema';

export { buildIntegrator } from './lab-run';

/** The runtimes loaded so far, by lab: building a run is synchronous once its lab's runtime is here. */
const loaded = new Map<LabId, LabRuntime<Spec>>();

/** Loads a lab's runtime (LabCore.runtime, a dynamic import) once. */
export async function loadRuntime(lab: LabId): Promise<LabRuntime<Spec>> {
  let runtime = loaded.get(lab);
  if (!runtime) {
    runtime = (await coreOf(lab).runtime()) as LabRuntime<Spec>;
    loaded.set(lab, runtime);
  }
  return runtime;
}

/** Loads every lab's runtime: the CLI, the benchmarks and the unit tests build runs of any lab synchronously. */
export async function loadEveryRuntime(): Promise<void> {
  await Promise.all(labIds().map(loadRuntime));
}

/** A lab's runtime, once loadRuntime (or prepareRun for one of its specs) has loaded it. */
export function runtimeOf(lab: LabId): LabRuntime<Spec> {
  const runtime = loaded.get(lab);
  if (!runtime) throw new Error(`the ${lab} lab's runtime is not loaded (prepareRun or loadRuntime comes first)`);
  return runtime;
}

/** The spec a run actually runs: the lab's own adjustments folded in (e.g. the poisoned arm's overrides). */
export function effectiveSpec(spec: Spec): Spec {
  return effectiveFor(coreOf(spec.lab), spec);
}

/** The model of a spec and its initial parameters, from the spec's lab. */
export function buildProblem(spec: Spec): { problem: Problem; theta0: Float64Array } {
  return runtimeOf(spec.lab).buildProblem(spec);
}

/** Loads the spec's lab's runtime and what a run of the spec needs (LabRuntime.prepare; nothing for most labs). */
export async function prepareRun(spec: Spec): Promise<void> {
  await prepareWith(await loadRuntime(spec.lab), spec);
}

/** Everything a validated spec needs to run, in the worker, the CLI and the tests alike (after prepareRun). */
export function buildRun(spec: Spec): Run {
  return buildRunFor(coreOf(spec.lab), runtimeOf(spec.lab), spec);
}
