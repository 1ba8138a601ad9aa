import * as z from 'zod';
import { bounded, int, optimSchema, positive, recordDefault, recordSchema, seedSchema, stopDefault, stopSchema, vector, versionSchema, once } from '../../experiment/common';
import type { SpecIssue } from '../../experiment/issues';
import { LIMITS } from '../../experiment/limits';

function buildPoisoningSpecSchema() {
  /** Teachers of paper 000 (Sec. 2.4 of the docs/labs/poisoning.md) or an explicit diagonal one. */
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
    /**
     * Optional ReLU MLP head on the SSM output (docs/labs/poisoning.md Sec. 2.3): width dh, depth = number of hidden ReLU
     * layers (2 in the paper). The teacher then carries the head D*_in = 1, D*_hid = I, D*_out = 0.5 1^T.
     */
    head: z
      .strictObject({ width: int('model.head.width', 1, LIMITS.maxHeadWidth), depth: int('model.head.depth', 1, 4).default(2) })
      .nullable()
      .default(null),
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
    /**
     * The GD/Adam initialisation of the reference code (docs/labs/poisoning.md Sec. 5.4), from the stream MT(seed + 100000):
     * a = sort_desc|N(0, sdA)|, b = sort_desc|N(0, sdBC)|, c = reverse|N(0, sdBC)|, near-ties, plus warm.
     */
    z.strictObject({
      kind: z.literal('gd-normal'),
      sdA: positive('init.sdA', 10),
      sdBC: positive('init.sdBC', 10),
      tieC: bounded('tie exponent c', 0, 100),
      warm: bounded('init.warm', 0, 10).default(0),
      /** Standard deviation of the MLP head weights (used only with a head). */
      sdD: positive('init.sdD', 10).default(0.03),
    }),
    z.strictObject({
      kind: z.literal('explicit'),
      a: vector('initial a', LIMITS.maxDim),
      b: vector('initial b', LIMITS.maxDim).optional(),
      c: vector('initial c', LIMITS.maxDim).optional(),
    }),
  ]);

  return z.strictObject({
    v: versionSchema(),
    lab: z.literal('poisoning'),
    seed: seedSchema(),
    /** Which training set to fit: the baseline rows only, or baseline plus special rows. */
    arm: z.enum(['clean', 'poisoned']).default('poisoned'),
    model: ssmModelSchema,
    data: dataSchema,
    init: initSchema,
    optim: optimSchema(),
    /** Settings that differ in the poisoned arm (several of the paper's presets give it a smaller step). */
    poisonedOverrides: z.strictObject({ lr: positive('poisonedOverrides.lr', 100).optional(), extraSteps: int('poisonedOverrides.extraSteps', 0, 1e6).optional() }).optional(),
    stop: stopSchema().default(stopDefault),
    record: recordSchema().default(recordDefault),
    metrics: z.strictObject({ genWindow: int('metrics.genWindow', 2, LIMITS.maxGenWindow).default(20) }).default({ genWindow: 20 }),
  });
}

/** Built on first use, not when the app loads: building every lab's schemas was a third of the first task. */
export const poisoningSpecSchema = once(buildPoisoningSpecSchema);

export type PoisoningSpec = z.output<ReturnType<typeof buildPoisoningSpecSchema>>;
export type Teacher = PoisoningSpec['model']['teacher'];

/** Largest model the stiff flow solver is offered (its dense Jacobian and LU are n x n). */
const MAX_FLOW_PARAMS = 1500;

/** Constraints between fields of a poisoning spec (sizes that must agree). */
export function poisoningCrossIssues(spec: PoisoningSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const { d } = spec.model;
  const kappa = spec.data.length;
  spec.data.sequences.forEach((s, i) => {
    if (s.x.length !== kappa) {
      issues.push({ field: `data.sequences.${i}.x`, message: `has ${s.x.length} values but the sequence length kappa is ${kappa}` });
    }
  });
  // Every spec is an A/B experiment (the page runs both arms), so both must have something to fit.
  for (const arm of ['clean', 'poisoned'] as const) {
    if (!spec.data.sequences.some((s) => s.enabled && (arm === 'poisoned' || !s.special))) {
      issues.push({ field: 'data.sequences', message: `the ${arm} arm has no enabled sequence${arm === 'clean' ? ' (enable at least one baseline row)' : ''}` });
    }
  }
  if (spec.init.kind === 'explicit') {
    for (const key of ['a', 'b', 'c'] as const) {
      const v = spec.init[key];
      if (v && v.length !== d) issues.push({ field: `init.${key}`, message: `has ${v.length} entries but d is ${d}` });
    }
  }
  const { head, trainBC } = spec.model;
  if (head && spec.optim.kind === 'flow') {
    const n = (trainBC ? 3 * d : d) + 2 * head.width + (head.depth - 1) * head.width * head.width;
    if (n > MAX_FLOW_PARAMS) {
      issues.push({
        field: 'optim.kind',
        message: `gradient flow with this MLP head has ${n} parameters and needs an ${n} x ${n} Jacobian; use GD or Adam, or a head with at most ${MAX_FLOW_PARAMS} parameters in all`,
      });
    }
  }
  const t = spec.model.teacher;
  if (t.kind === 'diag') {
    for (const key of ['b', 'c'] as const) {
      const v = t[key];
      if (v && v.length !== t.a.length) issues.push({ field: `model.teacher.${key}`, message: `has ${v.length} entries but teacher a has ${t.a.length}` });
    }
  }
  return issues;
}
