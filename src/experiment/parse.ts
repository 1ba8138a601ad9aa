import type * as z from 'zod';
import type { SpecIssue } from './issues';

export type ParseResult<S> = { ok: true; spec: S } | { ok: false; issues: SpecIssue[] };

/** Validates input against a schema, then its cross-field rules; every refusal names the field. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, cross: (spec: z.output<Schema>) => SpecIssue[], input: unknown): ParseResult<z.output<Schema>> {
  const res = schema.safeParse(input);
  if (res.success) {
    const issues = cross(res.data);
    return issues.length ? { ok: false, issues } : { ok: true, spec: res.data };
  }
  const issues = res.error.issues.map((iss) => {
    const field = iss.path.map(String).join('.') || '(spec)';
    const unknown = iss.code === 'unrecognized_keys' ? ` (${iss.keys.join(', ')})` : '';
    return { field, message: `${iss.message}${unknown}` };
  });
  return { ok: false, issues };
}

export function formatIssues(issues: SpecIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('\n');
}
