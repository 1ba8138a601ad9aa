import { specSchema, type Spec } from './schema';

export interface SpecIssue {
  /** Dotted field path, e.g. "model.d" or "data.sequences.1.x". */
  field: string;
  message: string;
}

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

/** Constraints between fields, which the per-field schema cannot express. */
function crossFieldIssues(spec: Spec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const { d } = spec.model;
  const kappa = spec.data.length;
  spec.data.sequences.forEach((s, i) => {
    if (s.x.length !== kappa) {
      issues.push({ field: `data.sequences.${i}.x`, message: `has ${s.x.length} values but the sequence length kappa is ${kappa}` });
    }
  });
  const active = spec.data.sequences.filter((s) => s.enabled && (spec.arm === 'poisoned' || !s.special));
  if (active.length === 0) issues.push({ field: 'data.sequences', message: `the ${spec.arm} arm has no enabled sequence` });
  if (spec.init.kind === 'explicit') {
    for (const key of ['a', 'b', 'c'] as const) {
      const v = spec.init[key];
      if (v && v.length !== d) issues.push({ field: `init.${key}`, message: `has ${v.length} entries but d is ${d}` });
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

export function formatIssues(issues: SpecIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.message}`).join('\n');
}
