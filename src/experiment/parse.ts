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
  // A link chooses its own key names: each is named once, cut to a sane length, and at most a few are listed.
  const issues = res.error.issues.slice(0, MAX_ISSUES).map((iss) => {
    const field = iss.path.map((p) => cut(String(p), 40)).join('.') || '(spec)';
    if (iss.code === 'unrecognized_keys') {
      const keys = iss.keys.slice(0, 5).map((k) => `"${cut(k, 40)}"`);
      const more = iss.keys.length > 5 ? ` and ${iss.keys.length - 5} more` : '';
      return { field, message: `unknown key${iss.keys.length > 1 ? 's' : ''} ${keys.join(', ')}${more}` };
    }
    return { field, message: cut(iss.message, 200) };
  });
  return { ok: false, issues };
}

/** The most issues a refusal lists (a hostile link can have thousands). */
const MAX_ISSUES = 20;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function formatIssues(issues: SpecIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('\n');
}
