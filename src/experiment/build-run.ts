import { Adam } from '../engine/core/integrators/adam';
import { AdaptiveGd } from '../engine/core/integrators/adaptive-gd';
import { GradientFlow } from '../engine/core/integrators/flow';
import { GradientDescent } from '../engine/core/integrators/gd';
import { ScheduledGd } from '../engine/core/integrators/scheduled-gd';
import type { Integrator } from '../engine/core/integrators/types';
import type { Problem } from '../engine/core/problem';
import { Run } from '../engine/core/run';
import { coreOf, type OptimSpec, type Spec } from './schema';

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

/** The spec a run actually runs: the lab's own adjustments folded in (e.g. the poisoned arm's overrides). */
export function effectiveSpec(spec: Spec): Spec {
  const core = coreOf(spec.lab) as { effective?: (s: Spec) => Spec };
  return core.effective ? core.effective(spec) : spec;
}

/** The model of a spec and its initial parameters, from the spec's lab. */
export function buildProblem(spec: Spec): { problem: Problem; theta0: Float64Array } {
  return (coreOf(spec.lab).buildProblem as (s: Spec) => { problem: Problem; theta0: Float64Array })(spec);
}

/** Loads what the spec's lab needs before a run of it can be built (LabCore.prepare); nothing for most labs. */
export async function prepareRun(spec: Spec): Promise<void> {
  const prepare = (coreOf(spec.lab) as { prepare?: (s: Spec) => Promise<void> }).prepare;
  if (prepare) await prepare(spec);
}

/** Everything a validated spec needs to run, in the worker, the CLI and the tests alike. */
export function buildRun(input: Spec): Run {
  const spec = effectiveSpec(input);
  const own = (coreOf(spec.lab) as { buildRun?: (s: Spec) => Run }).buildRun;
  if (own) return own(spec);
  if (!('optim' in spec)) throw new Error(`lab ${spec.lab} has neither an optimiser nor its own run`);
  const { problem, theta0 } = buildProblem(spec);
  const integrator = buildIntegrator(spec.optim, problem, theta0);
  const record = spec.optim.kind === 'flow' ? ({ kind: 'log-time', perDecade: spec.record.perDecade } as const) : ({ kind: 'steps', every: spec.record.every } as const);
  return new Run(problem, integrator, spec.stop, record);
}
