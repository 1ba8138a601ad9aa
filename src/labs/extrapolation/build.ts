import { Rng } from '../../engine/core/rng';
import { defaultGruTarget, fitGruTeacher, GruProblem, gruInit } from '../../engine/gru/problem';
import { studentInit } from '../../engine/linear-rnn/init';
import { LinearRnnProblem } from '../../engine/linear-rnn/problem';
import { atomsTeacher, balTeacher, bidiagTeacher, delayTeacher, type LinearTeacher, twinTeacher } from '../../engine/linear-rnn/teachers';
import { type ExtrapolationSpec, GRU_TEST_COUNT, type TeacherSpec } from './schema';

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
    case 'gru':
      throw new Error('a GRU teacher has no linear realisation or impulse response (Sec. 4.3: see gruTeacherOf)');
  }
}

/** The target response the GRU teacher is fitted to, j < 100 (spec Sec. 4.3, a lab default). */
export const GRU_TARGET_LENGTH = 100;

const gruTeachers = new Map<string, { theta: Float64Array; loss: number }>();

/**
 * The fitted GRU teacher of a spec: init N(0, (1e-6)^2) from MT(s), then fitSteps Adam steps at fitLr to the default
 * target (App. C.2.3). Kept per (s, hidden, steps, lr) in this thread: a sweep's runs share their seed's teacher.
 */
export function gruTeacherOf(t: Extract<TeacherSpec, { kind: 'gru' }>, seed: number): { theta: Float64Array; loss: number } {
  const key = JSON.stringify([seed, t.hidden, t.fitSteps, t.fitLr]);
  let hit = gruTeachers.get(key);
  if (!hit) {
    hit = fitGruTeacher(new Rng(seed), t.hidden, defaultGruTarget(GRU_TARGET_LENGTH), t.fitSteps, t.fitLr);
    if (gruTeachers.size > 16) gruTeachers.clear();
    gruTeachers.set(key, hit);
  }
  return hit;
}

/** Spec -> the GRU student's problem (Sec. 4.3): fresh batches from MT(2000 + s), test sequences from MT(3000 + s). */
function buildGru(spec: ExtrapolationSpec, teacher: Extract<TeacherSpec, { kind: 'gru' }>): { problem: GruProblem; theta0: Float64Array } {
  const { student, training } = spec;
  const fitted = gruTeacherOf(teacher, spec.seed);
  const problem = new GruProblem({
    teacherHidden: teacher.hidden,
    teacherTheta: fitted.theta,
    hidden: student.d,
    k: training.k,
    batch: training.empirical?.N ?? 100,
    outputs: training.loss === 'empirical-acc' ? 'all' : 'last',
    H: spec.eval.H,
    testCount: GRU_TEST_COUNT,
    dataSeed: dataSeed(spec.seed),
    testSeed: testSeed(spec.seed),
  });
  return { problem, theta0: gruInit(new Rng(1000 + spec.seed), student.d, student.sigma) };
}

/** How many teacher entries a spec's problem needs: the loss (k), E (H) and the Hankel view (h_0 .. h_(2n-2)). */
export const impulseLength = (spec: Pick<ExtrapolationSpec, 'training' | 'eval'>) => Math.max(spec.training.k, spec.eval.H, 2 * spec.eval.hankelN);

/** The teacher's impulse response w_0 .. w_(L-1) of a spec, L = impulseLength(spec). */
export function teacherImpulse(spec: ExtrapolationSpec): Float64Array {
  return teacherOf(spec.teacher, spec.seed).impulse(impulseLength(spec));
}

/** Seed of a spec's data stream (empirical losses): MT(2000 + s), beside the teacher's MT(s) and the student's MT(1000 + s). */
export const dataSeed = (seed: number) => 2000 + seed;
/** Seed of the GRU error's test sequences: MT(3000 + s) (a lab default). */
export const testSeed = (seed: number) => 3000 + seed;

/** Spec -> the engine's linear-RNN problem and the student's initial parameters (Sec. 5). */
export function buildExtrapolation(spec: ExtrapolationSpec): { problem: LinearRnnProblem | GruProblem; theta0: Float64Array } {
  if (spec.teacher.kind === 'gru') return buildGru(spec, spec.teacher);
  const { student, training } = spec;
  const param = student.param;
  if (param === 'gru') throw new Error('a GRU student needs a GRU teacher');
  const teacher = teacherOf(spec.teacher, spec.seed);
  const empirical = training.empirical ? { N: training.empirical.N, fresh: training.empirical.fresh, seed: dataSeed(spec.seed) } : undefined;
  const theta0 = studentInit(spec.seed, param, student.d, student.sigma, student.balanced, student.convention);
  const problem = new LinearRnnProblem({
    param,
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
