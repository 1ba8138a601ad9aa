import * as z from 'zod';
import { adamGammaSchema, adamMilestonesSchema, bounded, int, positive, versionSchema, once } from '../../experiment/common';
import type { SpecIssue } from '../../experiment/issues';
import { LIMITS } from '../../experiment/limits';

/**
 * Paper 002 (extrapolation): an overparameterised linear RNN (state dimension d) trained on length-k sequences of a
 * small teacher (dimension dHat), and how far its impulse response h_j = C A^j B follows the teacher's w_j beyond
 * j = k (docs/labs/extrapolation.md). The spec names the teacher, the student, the training loss and length, the
 * optimiser, the stop rule and the evaluation window; ui.sweep holds a sweep (over k, or over the init scale).
 */

/** Test sequences of the GRU error (the spec's 100). */
export const GRU_TEST_COUNT = 100;

/** Bounds of an extrapolation spec (each refusal names its field). */
export const EXTRAP_LIMITS = {
  /** Largest teacher dimension. */
  maxDHat: 20,
  /** Largest student dimension: O(k d) per step for diagonal students... */
  maxDiagD: 200,
  /** ...and O(k d^2) for a full or symmetric A. */
  maxFullD: 64,
  maxK: 200,
  /** Longest evaluated impulse response. */
  maxH: 1000,
  /** Largest Hankel matrix shown (it uses h_0 .. h_(2n-2)). */
  maxHankelN: 100,
  /** Teacher eigenvalues in [-1.5, 1.5]: w_j stays finite up to j = 1000. */
  maxAbsLambda: 1.5,
  maxAtomMass: 1000,
  maxSteps: 1e6,
  /** A fixed dataset of at most this many sequences... */
  maxDatasetN: 100_000,
  /** ...and a fresh batch every step of at most this many. */
  maxBatchN: 10_000,
  /** Seeds s: the teacher stream is MT(s), the student's MT(1000 + s), the data's MT(2000 + s). */
  maxSeed: 1_000_000,
  maxSweepSeeds: 20,
  maxSweepRuns: 2000,
  maxSweepTeachers: 4,
  maxOverlayKs: 8,
  /** GRU (Sec. 4.3): teacher hidden size, its fit steps, the student's hidden size and its fresh batch. */
  maxGruTeacher: 16,
  maxGruFitSteps: 10_000,
  maxGruD: 64,
  maxGruBatch: 1000,
} as const;

export const EXTRAP_STOP_DEFAULT = { lossBelow: 1e-12, maxSteps: 15000, maxTime: 1e13, extraSteps: 0 };
export const EXTRAP_RECORD_DEFAULT = { every: 50, perDecade: 40 };
export const EXTRAP_EVAL_DEFAULT = { H: 50, hankelN: 20, tau: 1e-3 };

function buildExtrapolationSpecSchema() {
  const seed = (what: string) => int(what, 0, EXTRAP_LIMITS.maxSeed);
  const dHat = int('teacher dimension dHat', 1, EXTRAP_LIMITS.maxDHat);

  /** The teachers of Sec. 2.3. */
  const teacherSchema = z.discriminatedUnion('kind', [
    /** lambda = linspace(0.6, 1.05, dHat) (or iid U(0.6, 1.05)), b = (0.5 + gauss())/norm, C = b^T (App. C.2.1). */
    z.strictObject({ kind: z.literal('bal'), dHat, spacing: z.enum(['linspace', 'uniform']).default('linspace') }),
    /** The shift register of Eq. C.1: w_j = [j = dHat - 1]. */
    z.strictObject({ kind: z.literal('delay'), dHat }),
    /** Random bidiagonal A (diagonal 0.1 gauss(), super-diagonal 0.7 + 0.1 gauss()), B, C as the delay (App. C.2.2). */
    z.strictObject({ kind: z.literal('bidiag'), dHat }),
    /** Balanced diagonal teacher with atoms (lambda_i, p_i): w_j = sum_i p_i lambda_i^j. */
    z.strictObject({
      kind: z.literal('atoms'),
      lambda: z
        .array(bounded('atom lambda', -EXTRAP_LIMITS.maxAbsLambda, EXTRAP_LIMITS.maxAbsLambda))
        .min(1, 'atom lambda must not be empty')
        .max(EXTRAP_LIMITS.maxDHat, `atom lambda has more than ${EXTRAP_LIMITS.maxDHat} entries`),
      p: z
        .array(bounded('atom mass p', 0, EXTRAP_LIMITS.maxAtomMass))
        .min(1, 'atom mass p must not be empty')
        .max(EXTRAP_LIMITS.maxDHat, `atom mass p has more than ${EXTRAP_LIMITS.maxDHat} entries`),
    }),
    /** The twin teachers of App. A: T1 and T2 agree on w_0..w_2 and differ at j = 3. */
    z.strictObject({ kind: z.literal('twin'), which: z.enum(['T1', 'T2']) }),
    /**
     * A GRU teacher of the given hidden size (Sec. 4.3, App. C.2.3): init N(0, (1e-6)^2) from MT(s), then fitSteps Adam
     * steps at fitLr to the target response r_j = exp(-j / 20) sin(2 pi j / 12), j < 100, to the impulse input. Only
     * with a GRU student.
     */
    z.strictObject({
      kind: z.literal('gru'),
      hidden: int('GRU teacher hidden size', 1, EXTRAP_LIMITS.maxGruTeacher),
      fitSteps: int('GRU teacher fit steps', 0, EXTRAP_LIMITS.maxGruFitSteps).default(1000),
      fitLr: positive('GRU teacher fit learning rate', 1).default(1e-2),
    }),
  ]);

  const studentSchema = z.strictObject({
    /**
     * Sec. 2.2: diag-tied (c := b), diag (a, b, c), sym (A = A^T by its upper triangle), full (A, B, C); gru: a GRU of
     * d hidden units with a linear read-out (Sec. 4.3; only with a GRU teacher).
     */
    param: z.enum(['diag-tied', 'diag', 'sym', 'full', 'gru']),
    d: int('student dimension d', 1, EXTRAP_LIMITS.maxDiagD),
    /** Init scale (entrywise N(0, sigma^2), or N(0, sigma^2 / n) per tensor of n entries under eps-normal). */
    sigma: bounded('init scale sigma', 1e-6, 1),
    /** C = B^T at init (c = b for diag); diag-tied is balanced whatever this says. */
    balanced: z.boolean().default(false),
    convention: z.enum(['entrywise', 'eps-normal']).default('entrywise'),
  });

  const trainingSchema = z.strictObject({
    /** Training sequence length: the loss sees h_0 .. h_(k-1). */
    k: int('training length k', 1, EXTRAP_LIMITS.maxK),
    /** Sec. 2.4: population (Eq. 3.4), accumulating (Eq. D.3), and their empirical versions. */
    loss: z.enum(['population', 'accumulating', 'empirical', 'empirical-acc']).default('population'),
    /** Empirical losses only: N sequences, drawn afresh every step or once (a fixed dataset). */
    empirical: z
      .strictObject({
        N: int('sequence count N', 1, EXTRAP_LIMITS.maxDatasetN),
        fresh: z.boolean().default(true),
      })
      .optional(),
  });

  const flowSchema = z.strictObject({
    kind: z.literal('flow'),
    /** Full and symmetric students have no closed-form Hessian: they need dopri5. */
    method: z.enum(['auto', 'dopri5', 'rodas4']).default('auto'),
    rtol: bounded('rtol', 1e-14, 1e-2).default(1e-10),
    atol: bounded('atol', 1e-20, 1e-2).default(1e-14),
  });
  const gdSchema = z.strictObject({ kind: z.literal('gd'), lr: positive('learning rate', 100) });
  /**
   * Adam as PyTorch has it (App. C.1): eps 1e-8 added to sqrt(vhat), theta -= lr mhat / (sqrt(vhat) + eps)
   * (epsPlacement 'torch'; 'hat' is the other labs' form, eps added to sqrt(v) before the bias correction). The eps
   * term matters here: a full A starts with gradients of order sigma^2, below eps. Optionally with MultiStepLR
   * milestones (App. C.1, Fig. 4).
   */
  const adamSchema = z.strictObject({
    kind: z.literal('adam'),
    lr: positive('learning rate', 100),
    beta1: bounded('beta1', 0, 0.999999).default(0.9),
    beta2: bounded('beta2', 0, 0.999999999).default(0.999),
    eps: positive('adam eps', 1).default(1e-8),
    epsPlacement: z.enum(['torch', 'hat']).default('torch'),
    milestones: adamMilestonesSchema(),
    gamma: adamGammaSchema(),
  });
  const extrapOptimSchema = z.discriminatedUnion('kind', [flowSchema, gdSchema, adamSchema]);

  const stopSchema = z.strictObject({
    lossBelow: bounded('stop.lossBelow', 0, 1e6).default(EXTRAP_STOP_DEFAULT.lossBelow),
    maxSteps: int('stop.maxSteps', 1, EXTRAP_LIMITS.maxSteps).default(EXTRAP_STOP_DEFAULT.maxSteps),
    maxTime: positive('stop.maxTime', LIMITS.maxTime).default(EXTRAP_STOP_DEFAULT.maxTime),
    extraSteps: int('stop.extraSteps', 0, EXTRAP_LIMITS.maxSteps).default(EXTRAP_STOP_DEFAULT.extraSteps),
  });

  const recordSchema = z.strictObject({
    every: int('record.every', 1, EXTRAP_LIMITS.maxSteps).default(EXTRAP_RECORD_DEFAULT.every),
    perDecade: int('record.perDecade', 1, 1000).default(EXTRAP_RECORD_DEFAULT.perDecade),
  });

  const evalSchema = z.strictObject({
    /** E(k, H) = max_{k <= j < H} |h_j - w_j| / max_{j < H} |w_j| (Sec. 2.5). */
    H: int('horizon H', 2, EXTRAP_LIMITS.maxH).default(EXTRAP_EVAL_DEFAULT.H),
    /** Hankel matrix H_n[i][j] = h_(i+j), i, j < n. */
    hankelN: int('Hankel size n', 1, EXTRAP_LIMITS.maxHankelN).default(EXTRAP_EVAL_DEFAULT.hankelN),
    /** Effective state dimension: #{sigma_i > tau sigma_1}. */
    tau: positive('Hankel threshold tau', 1).default(EXTRAP_EVAL_DEFAULT.tau),
  });

  const sweepSeeds = z
    .array(seed('sweep seed'))
    .min(1, 'sweep seeds must not be empty')
    .max(EXTRAP_LIMITS.maxSweepSeeds, `sweep seeds has more than ${EXTRAP_LIMITS.maxSweepSeeds} entries`);
  const sweepKs = z
    .array(int('sweep k', 1, EXTRAP_LIMITS.maxK))
    .min(1, 'sweep ks must not be empty')
    .max(EXTRAP_LIMITS.maxK, `sweep ks has more than ${EXTRAP_LIMITS.maxK} entries`);

  /**
   * A sweep: one run per point, the spec's other fields fixed. k-sweep: every (teacher, k, seed); sigma-sweep: every
   * (sigma, k, seed) with k the spec's own when ks is absent.
   */
  const sweepSchema = z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('k'),
      ks: sweepKs,
      seeds: sweepSeeds,
      /** Several teachers on the same axes (E-TWIN: T1 and T2); the spec's own teacher when absent. */
      teachers: z
        .array(teacherSchema)
        .min(1, 'sweep teachers must not be empty')
        .max(EXTRAP_LIMITS.maxSweepTeachers, `sweep teachers has more than ${EXTRAP_LIMITS.maxSweepTeachers} entries`)
        .optional(),
    }),
    z.strictObject({
      kind: z.literal('sigma'),
      sigmas: z
        .array(bounded('sweep sigma', 1e-6, 1))
        .min(1, 'sweep sigmas must not be empty')
        .max(EXTRAP_LIMITS.maxSweepRuns, `sweep sigmas has more than ${EXTRAP_LIMITS.maxSweepRuns} entries`),
      seeds: sweepSeeds,
      ks: sweepKs.optional(),
    }),
  ]);

  /** What the page shows (part of the link, not of the run). */
  const uiSchema = z.strictObject({
    preset: z.string().max(40, 'ui.preset is longer than 40 characters').optional(),
    sweep: sweepSchema.optional(),
    /** Other training lengths whose impulse responses the page overlays on this run's (Figs 5 and 6). */
    overlay: z
      .strictObject({
        ks: z
          .array(int('overlay k', 1, EXTRAP_LIMITS.maxK))
          .min(1, 'overlay ks must not be empty')
          .max(EXTRAP_LIMITS.maxOverlayKs, `overlay ks has more than ${EXTRAP_LIMITS.maxOverlayKs} entries`),
      })
      .optional(),
  });

  return z.strictObject({
    v: versionSchema(),
    lab: z.literal('extrapolation'),
    /** s: teacher stream MT(s), student stream MT(1000 + s), data stream MT(2000 + s) (Sec. 5). */
    seed: seed('seed').default(0),
    teacher: teacherSchema,
    student: studentSchema,
    training: trainingSchema,
    optim: extrapOptimSchema,
    stop: stopSchema.default(EXTRAP_STOP_DEFAULT),
    record: recordSchema.default(EXTRAP_RECORD_DEFAULT),
    eval: evalSchema.default(EXTRAP_EVAL_DEFAULT),
    ui: uiSchema.optional(),
  });
}

/** Built on first use, not when the app loads: building every lab's schemas was a third of the first task. */
export const extrapolationSpecSchema = once(buildExtrapolationSpecSchema);

export type ExtrapolationSpec = z.output<ReturnType<typeof buildExtrapolationSpecSchema>>;
export type ExtrapolationSpecInput = z.input<ReturnType<typeof buildExtrapolationSpecSchema>>;
export type TeacherSpec = ExtrapolationSpec['teacher'];
export type StudentSpec = ExtrapolationSpec['student'];
export type SweepDef = NonNullable<NonNullable<ExtrapolationSpec['ui']>['sweep']>;
export type ExtrapOptim = ExtrapolationSpec['optim'];

/** Teacher state dimension (the number of atoms for atoms teachers, 2 for the twins). */
export function teacherDim(t: TeacherSpec): number {
  switch (t.kind) {
    case 'atoms':
      return t.lambda.length;
    case 'twin':
      return 2;
    case 'gru':
      return t.hidden;
    default:
      return t.dHat;
  }
}

/** Students with a full (or symmetric) transition matrix: O(k d^2) steps, no closed-form Hessian. */
export const isMatrixStudent = (param: StudentSpec['param']) => param === 'full' || param === 'sym';

/** Number of runs a sweep asks for. */
export function sweepRunCount(sweep: SweepDef): number {
  if (sweep.kind === 'k') return sweep.ks.length * sweep.seeds.length * (sweep.teachers?.length ?? 1);
  return sweep.sigmas.length * sweep.seeds.length * (sweep.ks?.length ?? 1);
}

/** Constraints between fields of an extrapolation spec (each names the field to change). */
export function extrapolationCrossIssues(spec: ExtrapolationSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const { student, training, optim } = spec;
  const H = spec.eval.H;
  issues.push(...teacherIssues(spec.teacher, 'teacher'));
  if (isMatrixStudent(student.param) && student.d > EXTRAP_LIMITS.maxFullD) {
    issues.push({ field: 'student.d', message: `a ${student.param} transition matrix allows d up to ${EXTRAP_LIMITS.maxFullD}, not ${student.d}` });
  }
  issues.push(...gruIssues(spec));
  if (!(H > training.k)) issues.push({ field: 'eval.H', message: `the horizon H must exceed the training length k = ${training.k} (E measures h_j for k <= j < H)` });

  const empiricalLoss = training.loss === 'empirical' || training.loss === 'empirical-acc';
  if (empiricalLoss && !training.empirical)
    issues.push({ field: 'training.empirical', message: `the ${training.loss} loss needs its sequence count N and whether batches are fresh` });
  if (!empiricalLoss && training.empirical) issues.push({ field: 'training.empirical', message: `only the empirical losses draw sequences (the loss is ${training.loss})` });
  if (empiricalLoss && training.empirical?.fresh && training.empirical.N > EXTRAP_LIMITS.maxBatchN) {
    issues.push({ field: 'training.empirical.N', message: `a fresh batch every step allows N up to ${EXTRAP_LIMITS.maxBatchN}, not ${training.empirical.N}` });
  }

  if (optim.kind === 'flow') {
    if (empiricalLoss && training.empirical?.fresh) {
      issues.push({ field: 'optim.kind', message: 'gradient flow needs a fixed loss: a population loss or a fixed empirical dataset (training.empirical.fresh = false)' });
    }
    if (isMatrixStudent(student.param) && optim.method !== 'dopri5') {
      issues.push({ field: 'optim.method', message: `gradient flow on a ${student.param} student needs method dopri5 (it has no closed-form Hessian)` });
    }
  }
  if (optim.kind === 'adam' && optim.gamma !== undefined && optim.milestones === undefined) {
    issues.push({ field: 'optim.gamma', message: 'adam gamma needs milestones (the steps at which the learning rate is multiplied by gamma)' });
  }
  if (optim.kind === 'adam' && optim.milestones !== undefined && optim.gamma === undefined) {
    issues.push({ field: 'optim.gamma', message: 'adam milestones need gamma (the factor applied to the learning rate at each)' });
  }

  const ui = spec.ui;
  if (ui?.sweep) issues.push(...sweepIssues(spec, ui.sweep));
  ui?.overlay?.ks.forEach((k, i) => {
    if (!(k < H)) issues.push({ field: `ui.overlay.ks.${i}`, message: `overlay k = ${k} must be below the horizon H = ${H}` });
  });
  return issues;
}

/**
 * The GRU experiment (Sec. 4.3): a GRU teacher with a GRU student only, d up to 64, trained by Adam or GD on fresh
 * batches of at most 1000 sequences (the empirical loss: the last output; empirical-acc: every output).
 */
function gruIssues(spec: ExtrapolationSpec): SpecIssue[] {
  const { student, training, optim, teacher } = spec;
  const gruT = teacher.kind === 'gru';
  const gruS = student.param === 'gru';
  if (!gruT && !gruS) return [];
  if (gruT !== gruS) return [{ field: gruS ? 'teacher.kind' : 'student.param', message: 'a GRU student learns from a GRU teacher, and a GRU teacher teaches only a GRU student' }];
  const issues: SpecIssue[] = [];
  if (student.d > EXTRAP_LIMITS.maxGruD) issues.push({ field: 'student.d', message: `a GRU student allows d up to ${EXTRAP_LIMITS.maxGruD} hidden units, not ${student.d}` });
  if (!(training.loss === 'empirical' || training.loss === 'empirical-acc') || !training.empirical?.fresh) {
    issues.push({
      field: 'training.loss',
      message: 'a GRU student trains on fresh batches of random sequences: loss empirical (last output) or empirical-acc (every output), fresh',
    });
  } else if (training.empirical.N > EXTRAP_LIMITS.maxGruBatch) {
    issues.push({ field: 'training.empirical.N', message: `a GRU batch allows N up to ${EXTRAP_LIMITS.maxGruBatch} sequences, not ${training.empirical.N}` });
  }
  if (optim.kind === 'flow') issues.push({ field: 'optim.kind', message: 'a GRU student trains by Adam or GD (no gradient flow here)' });
  return issues;
}

function teacherIssues(t: TeacherSpec, field: string): SpecIssue[] {
  if (t.kind !== 'atoms') return [];
  const issues: SpecIssue[] = [];
  if (t.p.length !== t.lambda.length) issues.push({ field: `${field}.p`, message: `has ${t.p.length} entries but lambda has ${t.lambda.length}` });
  else if (!t.p.some((p) => p > 0)) issues.push({ field: `${field}.p`, message: 'needs some mass p_i > 0 (the teacher would be identically zero)' });
  return issues;
}

function sweepIssues(spec: ExtrapolationSpec, sweep: SweepDef): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const H = spec.eval.H;
  const runs = sweepRunCount(sweep);
  if (runs > EXTRAP_LIMITS.maxSweepRuns) issues.push({ field: 'ui.sweep', message: `asks for ${runs} runs, more than ${EXTRAP_LIMITS.maxSweepRuns}` });
  const twice = (list: number[], field: string) => {
    list.forEach((v, i) => {
      if (list.indexOf(v) !== i) issues.push({ field: `${field}.${i}`, message: `${v} is listed twice` });
    });
  };
  twice(sweep.seeds, 'ui.sweep.seeds');
  const ks = sweep.ks;
  if (ks) {
    twice(ks, 'ui.sweep.ks');
    ks.forEach((k, i) => {
      if (!(k < H)) issues.push({ field: `ui.sweep.ks.${i}`, message: `sweep k = ${k} must be below the horizon H = ${H}` });
    });
  }
  if (sweep.kind === 'sigma') twice(sweep.sigmas, 'ui.sweep.sigmas');
  if (sweep.kind === 'k') sweep.teachers?.forEach((t, i) => issues.push(...teacherIssues(t, `ui.sweep.teachers.${i}`)));
  return issues;
}
