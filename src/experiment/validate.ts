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

/** Constraints between fields, which the per-field schemas cannot express: each lab's own rules. */
function crossFieldIssues(spec: Spec): SpecIssue[] {
  return (coreOf(spec.lab).crossIssues as (s: Spec) => SpecIssue[])(spec);
}
