import type { SpecIssue } from './issues';
import { poisoningCrossIssues } from '../labs/poisoning/schema';
import { stabilityCrossIssues } from '../labs/stability/schema';
import { saddlesCrossIssues } from '../labs/saddles/schema';
import { specSchema, type Spec } from './schema';

export type { SpecIssue } from './issues';

export type SpecResult = { ok: true; spec: Spec } | { ok: false; issues: SpecIssue[] };

/** The one validation entry point: links, presets, the CLI and workers all come through here. */
export function parseSpec(input: unknown): SpecResult {
  const res = specSchema.safeParse(input);
  if (res.success) {
    const cross = crossFieldIssues(res.data);
    return cross.length ? { ok: false, issues: cross } : { ok: true, spec: res.data };
  }
  const issues = res.error.issues.map((iss) => {
    const field = iss.path.map(String).join('.') || '(spec)';
    const unknown = iss.code === 'unrecognized_keys' ? ` (${iss.keys.join(', ')})` : '';
    return { field, message: `${iss.message}${unknown}` };
  });
  return { ok: false, issues };
}

/** Constraints between fields, which the per-field schemas cannot express; one function per lab. */
function crossFieldIssues(spec: Spec): SpecIssue[] {
  switch (spec.lab) {
    case 'poisoning':
      return poisoningCrossIssues(spec);
    case 'stability':
      return stabilityCrossIssues(spec);
    case 'saddles':
      return saddlesCrossIssues(spec);
  }
}

export function formatIssues(issues: SpecIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('\n');
}
