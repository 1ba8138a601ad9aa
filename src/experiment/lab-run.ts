import type * as z from 'zod';
import { Adam } from '../engine/core/integrators/adam';
import { AdaptiveGd } from '../engine/core/integrators/adaptive-gd';
import { GradientFlow } from '../engine/core/integrators/flow';
import { GradientDescent } from '../engine/core/integrators/gd';
import { ScheduledGd } from '../engine/core/integrators/scheduled-gd';
import type { Integrator } from '../engine/core/integrators/types';
import type { Problem } from '../engine/core/problem';
import { Run } from '../engine/core/run';
import { crossIssuesFor, effectiveFor, type LabCore, type LabRuntime } from './lab-core';
import { type ParseResult, parseWith } from './parse';
// types only: this module must not load the registry of every lab
import type { OptimSpec, Spec } from './schema';

/**
 * A run from one lab's core and runtime, without the registry of every lab: build-run.ts serves every lab through
 * it, and a worker that runs one lab only (the start page's demo) imports just that lab's core.
 */

/** What a worker needs to run specs: validate one, load what it needs, build its run. */
export interface RunSource<S = unknown> {
  parse(input: unknown): ParseResult<S>;
  prepare(spec: S): Promise<void>;
  build(spec: S): Run;
}

/** The integrator an optimiser spec names, on a problem from a start. */
export function buildIntegrator(o: OptimSpec, problem: Problem, theta0: Float64Array): Integrator {
  switch (o.kind) {
    case 'flow':
      return new GradientFlow(problem, theta0, o.method, o.rtol, o.atol);
    case 'gd':
      return new GradientDescent(problem, theta0, o.lr);
    case 'adam':
      // MultiStepLR milestones and gamma, and where eps enters (PyTorch's form), when the lab's spec has them.
      return new Adam(problem, theta0, o.lr, o.beta1, o.beta2, o.eps, o.milestones, o.gamma, 'epsPlacement' in o ? o.epsPlacement : undefined);
    case 'adaptive-gd':
      return new AdaptiveGd(problem, theta0, o.lr);
    case 'gd-schedule':
      return new ScheduledGd(problem, theta0, o.lr, o.rule);
  }
}

/** The parts of a lab's runtime a run is built from. Parameters typed `never` accept every lab's runtime. */
export interface RuntimeParts {
  buildProblem(spec: never): { problem: Problem; theta0: Float64Array };
  buildRun?(spec: never): Run;
}

/** Everything a validated spec of this lab needs to run, in the worker, the CLI and the tests alike. */
export function buildRunFor(core: Pick<LabCore, 'effective'>, runtime: RuntimeParts, input: unknown): Run {
  const rt = runtime as { buildProblem(spec: unknown): { problem: Problem; theta0: Float64Array }; buildRun?(spec: unknown): Run };
  const spec = effectiveFor(core, input) as Spec;
  if (rt.buildRun) return rt.buildRun(spec);
  if (!('optim' in spec)) throw new Error(`lab ${spec.lab} has neither an optimiser nor its own run`);
  const { problem, theta0 } = rt.buildProblem(spec);
  const integrator = buildIntegrator(spec.optim, problem, theta0);
  const record = spec.optim.kind === 'flow' ? ({ kind: 'log-time', perDecade: spec.record.perDecade } as const) : ({ kind: 'steps', every: spec.record.every } as const);
  return new Run(problem, integrator, spec.stop, record);
}

/** Loads what a spec's run needs beyond the code (LabRuntime.prepare; nothing for most labs). */
export async function prepareWith(runtime: Pick<LabRuntime, 'prepare'>, spec: unknown): Promise<void> {
  const prepare = (runtime as { prepare?(spec: unknown): Promise<void> }).prepare;
  if (prepare) await prepare(spec);
}

/** One lab's specs, validated by its own schema (a spec of another lab is refused at its `lab` field). */
export function labRunSource<Schema extends z.ZodType>(core: LabCore<string, Schema>): RunSource<z.output<Schema>> {
  let runtime: LabRuntime<z.output<Schema>> | null = null;
  return {
    parse: (input) => parseWith(core.schema, (s) => crossIssuesFor(core, s), input),
    prepare: async (spec) => {
      runtime ??= await core.runtime();
      await prepareWith(runtime, spec);
    },
    build: (spec) => {
      if (!runtime) throw new Error(`the ${core.id} lab's runtime is not loaded (prepare runs before build)`);
      return buildRunFor(core, runtime, spec);
    },
  };
}
