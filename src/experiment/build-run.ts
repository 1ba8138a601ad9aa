import type { PoisoningSpec, Spec } from './schema';
import { initialTheta } from '../engine/ssm/init';
import { Adam } from '../engine/core/integrators/adam';
import { AdaptiveGd } from '../engine/core/integrators/adaptive-gd';
import { GradientFlow } from '../engine/core/integrators/flow';
import { GradientDescent } from '../engine/core/integrators/gd';
import type { Integrator } from '../engine/core/integrators/types';
import { activeRows, gramOfRows } from '../engine/ssm/ssm-data';
import { DiagonalSsm } from '../engine/ssm/ssm';
import { SsmMlp } from '../engine/ssm/ssm-mlp';
import { resolveTeacher } from '../engine/ssm/teachers';
import { buildStability } from '../labs/stability/build';
import { buildSaddles } from '../engine/homogeneous/problem';
import { ScheduledGd } from '../engine/core/integrators/scheduled-gd';
import type { Problem } from '../engine/core/problem';
import { Run } from '../engine/core/run';

/** The model a poisoning spec trains (its arm picks the rows). */
export function buildSsm(spec: PoisoningSpec): DiagonalSsm {
  const { d, trainBC, teacher } = spec.model;
  const kappa = spec.data.length;
  return new DiagonalSsm({
    d,
    kappa,
    trainBC,
    teacher: resolveTeacher(teacher, d),
    gram: gramOfRows(activeRows(spec), kappa),
    genWindow: spec.metrics.genWindow,
  });
}

/** The SSM under a ReLU MLP head (per-example form: the head breaks the Gram form). */
export function buildSsmMlp(spec: PoisoningSpec): SsmMlp {
  const { d, trainBC, teacher, head } = spec.model;
  return new SsmMlp({
    d,
    kappa: spec.data.length,
    trainBC,
    width: head!.width,
    depth: head!.depth,
    teacher: resolveTeacher(teacher, d),
    rows: activeRows(spec),
    seed: spec.seed,
    genWindow: spec.metrics.genWindow,
  });
}

/** Each lab's model and initial parameters: the one place a new lab plugs into the engine. */
export function buildProblem(spec: Spec): { problem: Problem; theta0: Float64Array } {
  switch (spec.lab) {
    case 'poisoning':
      return { problem: spec.model.head ? buildSsmMlp(spec) : buildSsm(spec), theta0: initialTheta(spec) };
    case 'stability':
      return buildStability(spec);
    case 'saddles':
      return buildSaddles(spec);
  }
}

export function buildIntegrator(spec: Spec, problem: Problem, theta0: Float64Array): Integrator {
  const o = spec.optim;
  switch (o.kind) {
    case 'flow':
      return new GradientFlow(problem, theta0, o.method, o.rtol, o.atol);
    case 'gd':
      return new GradientDescent(problem, theta0, o.lr);
    case 'adam':
      return new Adam(problem, theta0, o.lr, o.beta1, o.beta2, o.eps);
    case 'adaptive-gd':
      return new AdaptiveGd(problem, theta0, o.lr);
    case 'gd-schedule':
      return new ScheduledGd(problem, theta0, o.lr, o.rule);
  }
}

/** The spec an arm actually runs: the poisoned arm's overrides folded in. */
export function effectiveSpec(spec: Spec): Spec {
  if (spec.lab !== 'poisoning' || spec.arm !== 'poisoned' || !spec.poisonedOverrides) return spec;
  const { lr, extraSteps } = spec.poisonedOverrides;
  const optim = lr !== undefined && spec.optim.kind !== 'flow' ? { ...spec.optim, lr } : spec.optim;
  const stop = extraSteps !== undefined ? { ...spec.stop, extraSteps } : spec.stop;
  return { ...spec, optim, stop };
}

/** Everything a validated spec needs to run, in the worker, the CLI and the tests alike. */
export function buildRun(input: Spec): Run {
  const spec = effectiveSpec(input);
  const { problem, theta0 } = buildProblem(spec);
  const integrator = buildIntegrator(spec, problem, theta0);
  const record =
    spec.optim.kind === 'flow'
      ? ({ kind: 'log-time', perDecade: spec.record.perDecade } as const)
      : ({ kind: 'steps', every: spec.record.every } as const);
  return new Run(problem, integrator, spec.stop, record);
}
