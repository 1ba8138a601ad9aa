import * as z from 'zod';
import { poisoningSpecSchema } from '../labs/poisoning/schema';
import { stabilitySpecSchema } from '../labs/stability/schema';
import { saddlesSpecSchema } from '../labs/saddles/schema';

/**
 * The experiment spec: one plain, versioned, JSON-serialisable object that is the share link, what a
 * worker runs, what the CLI runs, what a preset is and what an export embeds. Each lab's schema lives in
 * labs/<lab>.ts; this union is the only place a spec is validated.
 */
export { SPEC_VERSION } from './common';
export type { PoisoningSpec, Teacher } from '../labs/poisoning/schema';
export type { StabilitySpec } from '../labs/stability/schema';
export type { SaddlesSpec } from '../labs/saddles/schema';

export const specSchema = z.discriminatedUnion('lab', [poisoningSpecSchema, stabilitySpecSchema, saddlesSpecSchema]);

export type Spec = z.output<typeof specSchema>;
export type SpecInput = z.input<typeof specSchema>;
export type OptimSpec = Spec['optim'];
export type LabId = Spec['lab'];
