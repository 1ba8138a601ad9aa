import type { Problem } from '../../engine/core/problem';
import { Rng } from '../../engine/core/rng';
import { gdNormalInit, headSize, uniformSortedInit } from '../../engine/ssm/init';
import { DiagonalSsm } from '../../engine/ssm/ssm';
import { gramOfRows } from '../../engine/ssm/ssm-data';
import { SsmMlp } from '../../engine/ssm/ssm-mlp';
import { resolveTeacher } from '../../engine/ssm/teachers';
import type { PoisoningSpec } from './schema';

/** The Poisoning lab's spec -> engine adapter: rows of an arm, the initial parameters, the model. */

/** The rows one arm trains on: enabled baseline rows, plus enabled special rows in the poisoned arm. */
export function activeRows(spec: PoisoningSpec): number[][] {
  return spec.data.sequences.filter((s) => s.enabled && (spec.arm === 'poisoned' || !s.special)).map((s) => s.x);
}

/** The initial parameter vector of a poisoning spec, laid out as the model's blocks ([a], [b, c], [head]). */
export function initialTheta(spec: PoisoningSpec): Float64Array {
  const { d, trainBC, head } = spec.model;
  const nHead = headSize(head);
  const theta = new Float64Array((trainBC ? 3 * d : d) + nHead);
  const init = spec.init;
  if (init.kind === 'gd-normal') {
    const teacherDim = spec.model.teacher.kind === 'diag' ? spec.model.teacher.a.length : spec.model.teacher.kind === 'thm1' ? 2 : 1;
    const g = gdNormalInit(spec.seed, d, init, teacherDim, nHead);
    theta.set(g.a, 0);
    if (trainBC) {
      theta.set(g.b, d);
      theta.set(g.c, 2 * d);
    }
    theta.set(g.head, theta.length - nHead);
    return theta;
  }
  if (init.kind === 'explicit') {
    theta.set(init.a, 0);
    if (trainBC) {
      theta.set(init.b ?? new Array(d).fill(1), d);
      theta.set(init.c ?? new Array(d).fill(1), 2 * d);
    }
  } else {
    theta.set(uniformSortedInit(spec.seed, d, init.scale, init.tieC), 0);
    if (trainBC) theta.fill(1, d, 3 * d);
  }
  // Inits without their own head draw take the reference head scale 0.03 from MT(seed + 100000).
  const rng = new Rng((spec.seed + 100000) >>> 0);
  for (let i = theta.length - nHead; i < theta.length; i++) theta[i] = 0.03 * rng.gauss();
  return theta;
}

/**
 * The initial a entries of a spec (the seeded draw made explicit, for the controls). Drawn without the head: its
 * draws come last in the stream, so a, b and c are the same, and a wide head's 16,000 draws (37 ms on the page's
 * thread as a large link opened) are not made for controls that never show them.
 */
export function initialEntries(spec: PoisoningSpec): number[] {
  return Array.from(initialTheta(headless(spec)).subarray(0, spec.model.d));
}

/** The spec without its head (initialEntries, explicitInit: the parameters before the head's). */
export const headless = (spec: PoisoningSpec): PoisoningSpec => (spec.model.head ? { ...spec, model: { ...spec.model, head: null } } : spec);

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

/** The problem an arm trains and its initial parameters (the arm's overrides are folded in by effectiveSpec, effective.ts). */
export function buildPoisoning(spec: PoisoningSpec): { problem: Problem; theta0: Float64Array } {
  return { problem: spec.model.head ? buildSsmMlp(spec) : buildSsm(spec), theta0: initialTheta(spec) };
}
