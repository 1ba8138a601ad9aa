import * as z from 'zod';
import { LIMITS } from './limits';

/**
 * The experiment spec: one plain, versioned, JSON-serialisable object that is the share link, what a
 * worker runs, what the CLI runs, what a preset is and what an export embeds. This file is the only
 * place it is validated.
 */
export const SPEC_VERSION = 1;

const finite = (what: string) =>
  z.number({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be a finite number`) });
const bounded = (what: string, min: number, max: number) =>
  finite(what).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);
const positive = (what: string, max: number) => finite(what).gt(0, `${what} must be positive`).max(max, `${what} must be at most ${max}`);
const int = (what: string, min: number, max: number) => bounded(what, min, max).int(`${what} must be an integer`);
const vector = (what: string, maxLen: number) =>
  z.array(bounded(what, -LIMITS.maxAbsValue, LIMITS.maxAbsValue)).min(1, `${what} must not be empty`).max(maxLen, `${what} has more than ${maxLen} entries`);

/** Teachers of paper 000 (Sec. 2.4 of the lab spec) or an explicit diagonal one. */
const teacherSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('thm1') }),
  z.strictObject({ kind: z.literal('one') }),
  z.strictObject({
    kind: z.literal('diag'),
    a: vector('teacher entry', LIMITS.maxDim),
    b: vector('teacher b', LIMITS.maxDim).optional(),
    c: vector('teacher c', LIMITS.maxDim).optional(),
  }),
]);

const ssmModelSchema = z.strictObject({
  kind: z.literal('ssm'),
  d: int('state dimension d', 1, LIMITS.maxDim),
  teacher: teacherSchema,
  /** Learn B and C as well as A; otherwise B = C = 1 (Theorem-1 mode). */
  trainBC: z.boolean(),
});

const sequenceSchema = z.strictObject({
  x: vector('sequence value', LIMITS.maxLength),
  /** Special ("poison") rows enter only the poisoned arm. */
  special: z.boolean(),
  enabled: z.boolean().default(true),
});

const dataSchema = z.strictObject({
  length: int('sequence length kappa', 2, LIMITS.maxLength),
  sequences: z.array(sequenceSchema).min(1, 'the training set needs at least one sequence').max(LIMITS.maxSequences),
});

const initSchema = z.discriminatedUnion('kind', [
  /** The reference Theorem-1 draw: a = sort_desc(scale U[0,1)^d), then a_2 := a_1 - diff(tieC, scale). */
  z.strictObject({
    kind: z.literal('uniform-sorted'),
    scale: positive('init scale', 10),
    tieC: bounded('tie exponent c', 0, 100),
  }),
  z.strictObject({
    kind: z.literal('explicit'),
    a: vector('initial a', LIMITS.maxDim),
    b: vector('initial b', LIMITS.maxDim).optional(),
    c: vector('initial c', LIMITS.maxDim).optional(),
  }),
]);

const optimSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('flow'),
    method: z.enum(['auto', 'dopri5', 'rodas4']).default('auto'),
    rtol: bounded('rtol', 1e-14, 1e-2).default(1e-10),
    atol: bounded('atol', 1e-20, 1e-2).default(1e-14),
  }),
  z.strictObject({ kind: z.literal('gd'), lr: positive('learning rate', 100) }),
  z.strictObject({
    kind: z.literal('adam'),
    lr: positive('learning rate', 100),
    beta1: bounded('beta1', 0, 0.999999).default(0.9),
    beta2: bounded('beta2', 0, 0.999999999).default(0.999),
    eps: positive('adam eps', 1).default(1e-7),
  }),
  z.strictObject({ kind: z.literal('adaptive-gd'), lr: positive('learning rate', 100) }),
]);

const stopSchema = z.strictObject({
  lossBelow: bounded('stop.lossBelow', 0, 1e6).default(1e-14),
  maxSteps: int('stop.maxSteps', 1, LIMITS.maxSteps).default(1e6),
  maxTime: positive('stop.maxTime', LIMITS.maxTime).default(1e13),
});

const recordSchema = z.strictObject({
  /** Discrete optimisers: record every this many steps. */
  every: int('record.every', 1, 1e7).default(100),
  /** Gradient flow: snapshots per decade of flow time (log-spaced). */
  perDecade: int('record.perDecade', 1, 1000).default(40),
});

export const poisoningSpecSchema = z.strictObject({
  v: z.literal(SPEC_VERSION, { error: `v (spec version) must be ${SPEC_VERSION}` }),
  lab: z.literal('poisoning'),
  seed: int('seed', 0, 2 ** 32 - 1),
  /** Which training set to fit: the baseline rows only, or baseline plus special rows. */
  arm: z.enum(['clean', 'poisoned']).default('poisoned'),
  model: ssmModelSchema,
  data: dataSchema,
  init: initSchema,
  optim: optimSchema,
  stop: stopSchema.default({ lossBelow: 1e-14, maxSteps: 1e6, maxTime: 1e13 }),
  record: recordSchema.default({ every: 100, perDecade: 40 }),
  metrics: z
    .strictObject({ genWindow: int('metrics.genWindow', 2, LIMITS.maxGenWindow).default(20) })
    .default({ genWindow: 20 }),
});

export const specSchema = z.discriminatedUnion('lab', [poisoningSpecSchema]);

export type Spec = z.output<typeof specSchema>;
export type SpecInput = z.input<typeof specSchema>;
export type PoisoningSpec = z.output<typeof poisoningSpecSchema>;
export type Teacher = PoisoningSpec['model']['teacher'];
export type OptimSpec = Spec['optim'];
