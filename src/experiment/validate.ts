import type { SpecCost } from './cost';
import { crossIssuesFor } from './lab-core';
import type { SpecIssue } from './issues';
import { formatIssues, parseWith } from './parse';
import { coreOf, isLabId, specSchema, type Spec } from './schema';

export type { SpecIssue } from './issues';
export { formatIssues };

export type SpecResult = { ok: true; spec: Spec } | { ok: false; issues: SpecIssue[] };

/** The one validation entry point: links, presets, the CLI and workers all come through here. */
export function parseSpec(input: unknown): SpecResult {
  const r = parseWith(schemaFor(input), crossFieldIssues as (spec: unknown) => SpecIssue[], input) as SpecResult;
  if (r.ok) markValidated(r.spec);
  return r;
}

/**
 * The schema an input is checked against: its lab's own when it names a registered lab, else the union (whose refusal
 * names the lab field). The union would pick the same one, but this builds only that lab's schema, not all five.
 */
function schemaFor(input: unknown) {
  const lab = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { lab?: unknown }).lab : undefined;
  return typeof lab === 'string' && isLabId(lab) ? coreOf(lab).schema : specSchema();
}

/**
 * The spec objects known to be parseSpec's output (specs are never edited in place: an edit makes a new object), so a
 * spec validated once is not validated again on its way to a run: the largest link's spec takes 70-100 ms to parse.
 */
const validated = new WeakSet<object>();

/** Marks a spec as parseSpec's output: for a result that crossed from a worker, where it was parsed. */
export const markValidated = (spec: Spec): void => void validated.add(spec);

/** `input` as a valid spec: itself when it is one parseSpec produced (or markValidated vouched for), else parsed. */
export const asValidSpec = (input: unknown): SpecResult =>
  typeof input === 'object' && input !== null && validated.has(input) ? { ok: true, spec: input as Spec } : parseSpec(input);

/** What a valid spec will ask of the machine (its lab's estimate, cost.ts). */
export function specCost(spec: Spec): SpecCost {
  return (coreOf(spec.lab).cost as (s: Spec) => SpecCost)(spec);
}

/** Constraints between fields, which the per-field schemas cannot express (each lab's own rules), then the memory budget. */
function crossFieldIssues(spec: Spec): SpecIssue[] {
  return crossIssuesFor(coreOf(spec.lab), spec);
}
