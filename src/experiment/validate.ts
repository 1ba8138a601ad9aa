import type { SpecCost } from './cost';
import { crossIssuesFor } from './lab-core';
import type { SpecIssue } from './issues';
import { formatIssues, parseWith } from './parse';
import { coreOf, specSchema, type Spec } from './schema';

export type { SpecIssue } from './issues';
export { formatIssues };

export type SpecResult = { ok: true; spec: Spec } | { ok: false; issues: SpecIssue[] };

/** The one validation entry point: links, presets, the CLI and workers all come through here. */
export function parseSpec(input: unknown): SpecResult {
  return parseWith(specSchema(), crossFieldIssues as (spec: unknown) => SpecIssue[], input) as SpecResult;
}

/** What a valid spec will ask of the machine (its lab's estimate, cost.ts). */
export function specCost(spec: Spec): SpecCost {
  return (coreOf(spec.lab).cost as (s: Spec) => SpecCost)(spec);
}

/** Constraints between fields, which the per-field schemas cannot express (each lab's own rules), then the memory budget. */
function crossFieldIssues(spec: Spec): SpecIssue[] {
  return crossIssuesFor(coreOf(spec.lab), spec);
}
