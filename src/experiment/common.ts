import * as z from 'zod';
import { LIMITS } from './limits';

/**
 * Building blocks every lab's spec schema shares: bounded numbers whose messages name the field. All are builders,
 * called when a lab's schema is first built (not when a module loads: see `once`).
 */
export const SPEC_VERSION = 1;

export const finite = (what: string) => z.number({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be a finite number`) });
export const bounded = (what: string, min: number, max: number) => finite(what).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);
export const positive = (what: string, max: number) => finite(what).gt(0, `${what} must be positive`).max(max, `${what} must be at most ${max}`);
export const int = (what: string, min: number, max: number) => bounded(what, min, max).int(`${what} must be an integer`);
export const vector = (what: string, maxLen: number) =>
  z
    .array(bounded(what, -LIMITS.maxAbsValue, LIMITS.maxAbsValue))
    .min(1, `${what} must not be empty`)
    .max(maxLen, `${what} has more than ${maxLen} entries`);

/**
 * Adam's optional step schedule (PyTorch's MultiStepLR): the learning rate is multiplied by gamma once the step
 * count passes each milestone. Both optional with no default, so a spec without them normalises unchanged.
 */
export const adamMilestonesSchema = () =>
  z
    .array(int('adam milestone', 1, LIMITS.maxSteps))
    .max(16, 'adam milestones has more than 16 entries')
    .refine((m) => m.every((v, i) => i === 0 || v > m[i - 1]), 'adam milestones must increase')
    .optional();
export const adamGammaSchema = () => finite('adam gamma').gt(0, 'adam gamma must be positive').max(1, 'adam gamma must be at most 1').optional();

export const optimSchema = () =>
  z.discriminatedUnion('kind', [
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
      milestones: adamMilestonesSchema(),
      gamma: adamGammaSchema(),
    }),
    z.strictObject({ kind: z.literal('adaptive-gd'), lr: positive('learning rate', 100) }),
  ]);

export const stopSchema = () =>
  z.strictObject({
    lossBelow: bounded('stop.lossBelow', 0, 1e6).default(1e-14),
    maxSteps: int('stop.maxSteps', 1, LIMITS.maxSteps).default(1e6),
    maxTime: positive('stop.maxTime', LIMITS.maxTime).default(1e13),
    /** Steps run after the loss first falls below lossBelow (the reference runs N_extra more). */
    extraSteps: int('stop.extraSteps', 0, 1e6).default(0),
  });

export const recordSchema = () =>
  z.strictObject({
    /** Discrete optimisers: record every this many steps. */
    every: int('record.every', 1, 1e7).default(100),
    /** Gradient flow: snapshots per decade of flow time (log-spaced). */
    perDecade: int('record.perDecade', 1, 1000).default(40),
  });

export const versionSchema = () => z.literal(SPEC_VERSION, { error: `v (spec version) must be ${SPEC_VERSION}` });
export const seedSchema = () => int('seed', 0, 4_294_967_295);
export const stopDefault = { lossBelow: 1e-14, maxSteps: 1e6, maxTime: 1e13, extraSteps: 0 };
export const recordDefault = { every: 100, perDecade: 40 };

/** A value made on first use and kept: a lab's schema is built when the first spec of the lab is parsed. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
