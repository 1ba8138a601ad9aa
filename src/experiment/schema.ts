import * as z from 'zod';
import { LAB_CORES } from '../labs/registry';

/**
 * The experiment spec: one plain, versioned, JSON-serialisable object that is the share link, what a worker
 * runs, what the CLI runs, what a preset is and what an export embeds. Each lab's schema lives in its folder;
 * the union of the registered labs is the only place a spec is validated.
 */
export { SPEC_VERSION } from './common';

type Cores = typeof LAB_CORES;
export type LabCoreOf = Cores[number];
export type LabId = LabCoreOf['id'];
export type Spec = z.output<LabCoreOf['schema']>;
export type SpecOf<L extends LabId> = Extract<Spec, { lab: L }>;
export type OptimSpec = Extract<Spec, { optim: unknown }>['optim'];

/** The registry's schemas as a tuple (a mapped type over a type parameter keeps the tuple shape). */
type SchemasOf<T extends readonly unknown[]> = { -readonly [K in keyof T]: T[K] extends { schema: infer S } ? S : never };

const buildUnion = () => z.discriminatedUnion('lab', LAB_CORES.map((c) => c.schema) as unknown as SchemasOf<Cores>);
let union: ReturnType<typeof buildUnion> | null = null;

/**
 * The union of the registered labs' schemas. Built on first use, not at import: a lab's core may import modules
 * that import this one (the registry is then still being evaluated).
 */
export function specSchema(): ReturnType<typeof buildUnion> {
  union ??= buildUnion();
  return union;
}

/** The ids of the registered labs. */
export function labIds(): LabId[] {
  return LAB_CORES.map((c) => c.id);
}

/** The core of a lab, typed by its id. */
export function coreOf<L extends LabId>(lab: L): Extract<LabCoreOf, { id: L }> {
  return LAB_CORES.find((c) => c.id === lab) as Extract<LabCoreOf, { id: L }>;
}

export function isLabId(id: string | null | undefined): id is LabId {
  return labIds().includes(id as LabId);
}
