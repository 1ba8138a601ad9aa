import type * as z from 'zod';
import { Adam } from '../engine/core/integrators/adam';
import { AdaptiveGd } from '../engine/core/integrators/adaptive-gd';
import { GradientFlow } from '../engine/core/integrators/flow';
import { GradientDescent } from '../engine/core/integrators/gd';
import { ScheduledGd } from '../engine/core/integrators/scheduled-gd';
import type { Integrator } from '../engine/core/integrators/types';
import type { Problem } from '../engine/core/problem';
import { Run } from '../engine/core/run';
import { costIssues, type SpecCost } from './cost';
import type { SpecIssue } from './issues';
import type { LabCore } from './lab-core';
import { type ParseResult, parseWith } from './parse';
// types only: this module must not load the registry of every lab
import type { OptimSpec, Spec } from './schema';

/**
 * A run from one lab's core, without the registry of every lab: build-run.ts and validate.ts serve every lab
 * through it, and a worker that runs one lab only (the start page's demo) imports just that lab's core.
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

/**
 * The parts of a lab core these functions use: a LabCore, or a core's own functions while it is being defined (its
 * reproduction builds runs before the core object exists). Parameters typed `never` accept every lab's spec type.
 */
export interface CoreParts {
  crossIssues(spec: never): SpecIssue[];
  cost(spec: never): SpecCost;
  effective?(spec: never): unknown;
  buildProblem(spec: never): { problem: Problem; theta0: Float64Array };
  buildRun?(spec: never): Run;
  prepare?(spec: never): Promise<void>;
}

/** The same parts, called with a spec the caller knows belongs to that lab. */
interface Callable {
  crossIssues(spec: unknown): SpecIssue[];
  cost(spec: unknown): SpecCost;
  effective?(spec: unknown): unknown;
  buildProblem(spec: unknown): { problem: Problem; theta0: Float64Array };
  buildRun?(spec: unknown): Run;
  prepare?(spec: unknown): Promise<void>;
}
const callable = (core: Partial<CoreParts>) => core as Callable;

/** A lab's cross-field rules, then the memory budget (cost.ts). */
export function crossIssuesFor(core: Pick<CoreParts, 'crossIssues' | 'cost'>, spec: unknown): SpecIssue[] {
  const issues = callable(core).crossIssues(spec);
  return issues.length ? issues : costIssues(callable(core).cost(spec));
}

/** The spec an arm actually runs: the lab's own adjustments folded in (e.g. the poisoned arm's overrides). */
export function effectiveFor<S>(core: Pick<CoreParts, 'effective'>, spec: S): S {
  const eff = callable(core).effective;
  return eff ? (eff(spec) as S) : spec;
}

/** Everything a validated spec of this lab needs to run, in the worker, the CLI and the tests alike. */
export function buildRunFor(core: Pick<CoreParts, 'effective' | 'buildProblem' | 'buildRun'>, input: unknown): Run {
  const c = callable(core);
  const spec = effectiveFor(core, input) as Spec;
  if (c.buildRun) return c.buildRun(spec);
  if (!('optim' in spec)) throw new Error(`lab ${spec.lab} has neither an optimiser nor its own run`);
  const { problem, theta0 } = c.buildProblem(spec);
  const integrator = buildIntegrator(spec.optim, problem, theta0);
  const record = spec.optim.kind === 'flow' ? ({ kind: 'log-time', perDecade: spec.record.perDecade } as const) : ({ kind: 'steps', every: spec.record.every } as const);
  return new Run(problem, integrator, spec.stop, record);
}

/** Loads what a spec's run needs before it can be built (LabCore.prepare); nothing for most labs. */
export async function prepareFor(core: Pick<CoreParts, 'prepare'>, spec: unknown): Promise<void> {
  const prepare = callable(core).prepare;
  if (prepare) await prepare(spec);
}

/** One lab's specs, validated by its own schema (a spec of another lab is refused at its `lab` field). */
export function labRunSource<Schema extends z.ZodType>(core: LabCore<string, Schema>): RunSource<z.output<Schema>> {
  return {
    parse: (input) => parseWith(core.schema, (s) => crossIssuesFor(core, s), input),
    prepare: (spec) => prepareFor(core, spec),
    build: (spec) => buildRunFor(core, spec),
  };
}
