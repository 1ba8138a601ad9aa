import { studentInit } from '../../engine/linear-rnn/init';
import { LinearRnnProblem } from '../../engine/linear-rnn/problem';
import { atomsTeacher, balTeacher, bidiagTeacher, delayTeacher, type LinearTeacher, twinTeacher } from '../../engine/linear-rnn/teachers';
import type { ExtrapolationSpec, TeacherSpec } from './schema';

/** The teacher of a spec (Sec. 2.3): bal and bidiag draw from the teacher stream MT(s). */
export function teacherOf(t: TeacherSpec, seed: number): LinearTeacher {
  switch (t.kind) {
    case 'bal':
      return balTeacher(seed, t.dHat, t.spacing);
    case 'delay':
      return delayTeacher(t.dHat);
    case 'bidiag':
      return bidiagTeacher(seed, t.dHat);
    case 'atoms':
      return atomsTeacher(t.lambda, t.p);
    case 'twin':
      return twinTeacher(t.which);
  }
}

/** How many teacher entries a spec's problem needs: the loss (k), E (H) and the Hankel view (h_0 .. h_(2n-2)). */
export const impulseLength = (spec: Pick<ExtrapolationSpec, 'training' | 'eval'>) => Math.max(spec.training.k, spec.eval.H, 2 * spec.eval.hankelN);

/** The teacher's impulse response w_0 .. w_(L-1) of a spec, L = impulseLength(spec). */
export function teacherImpulse(spec: ExtrapolationSpec): Float64Array {
  return teacherOf(spec.teacher, spec.seed).impulse(impulseLength(spec));
}

/** Seed of a spec's data stream (empirical losses): MT(2000 + s), beside the teacher's MT(s) and the student's MT(1000 + s). */
export const dataSeed = (seed: number) => 2000 + seed;

/** Spec -> the engine's linear-RNN problem and the student's initial parameters (Sec. 5). */
export function buildExtrapolation(spec: ExtrapolationSpec): { problem: LinearRnnProblem; theta0: Float64Array } {
  const { student, training } = spec;
  const teacher = teacherOf(spec.teacher, spec.seed);
  const empirical = training.empirical ? { N: training.empirical.N, fresh: training.empirical.fresh, seed: dataSeed(spec.seed) } : undefined;
  const theta0 = studentInit(spec.seed, student.param, student.d, student.sigma, student.balanced, student.convention);
  const problem = new LinearRnnProblem({
    param: student.param,
    d: student.d,
    k: training.k,
    w: teacher.impulse(impulseLength(spec)),
    loss: training.loss,
    ...(empirical ? { empirical } : {}),
    H: spec.eval.H,
    hankelN: spec.eval.hankelN,
    tau: spec.eval.tau,
    // The teacher's real eigenvalues for the off-support mass Phi, and the start as the invariants' reference.
    lambdaHat: teacher.roots,
    theta0,
  });
  return { problem, theta0 };
}
