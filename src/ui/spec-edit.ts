import type { LabId, SpecOf } from '../experiment/schema';
import { formatIssues, parseSpec, type SpecIssue } from '../experiment/validate';
import { labSpecNow, useExperiment } from '../state/experiment-store';
import { sameValue } from './same-value';

export interface EditOptions<L extends LabId> {
  /** Rules of a page on top of the lab's (e.g. the Explore page's A/B checks), run on the parsed spec. */
  extraIssues?: (spec: SpecOf<L>) => SpecIssue[];
  /** Recorded with the change (the store's `source`). */
  source?: string;
}

type Checked<L extends LabId> = { ok: true; spec: SpecOf<L> } | { ok: false; message: string };

function validate<L extends LabId>(lab: L, candidate: unknown, opts: EditOptions<L>): Checked<L> {
  const r = parseSpec(candidate);
  if (!r.ok) return { ok: false, message: formatIssues(r.issues) };
  if (r.spec.lab !== lab) return { ok: false, message: formatIssues([{ field: 'lab', message: `must be ${lab}, not ${r.spec.lab}` }]) };
  const spec = r.spec as SpecOf<L>;
  const extra = opts.extraIssues?.(spec) ?? [];
  return extra.length ? { ok: false, message: formatIssues(extra) } : { ok: true, spec };
}

/**
 * What the validator says of a candidate experiment of `lab`: null when it is valid, else the refusal with every
 * field named (one line per issue). Nothing is applied and nothing reaches the page's banner.
 */
export function checkEdit<L extends LabId>(lab: L, candidate: unknown, opts: EditOptions<L> = {}): string | null {
  const r = validate(lab, candidate, opts);
  return r.ok ? null : r.message;
}

/**
 * A field's edit: validated first (a refusal is returned for the field to show, and is not recorded in the
 * page's banner), then applied through the experiment store's `apply`. An edit that changes nothing (the same
 * value committed again, e.g. on blur) is accepted without touching the experiment, so it neither marks a run
 * out of date nor forgets the chosen preset.
 */
export function commitEdit<L extends LabId>(lab: L, candidate: unknown, opts: EditOptions<L> = {}): string | null {
  const r = validate(lab, candidate, opts);
  if (!r.ok) return r.message;
  if (sameValue(r.spec, labSpecNow(lab))) return null;
  if (useExperiment.getState().apply(candidate, opts.source ?? 'controls')) return null;
  // Not expected (the same validator just accepted it): say what the store recorded.
  return formatIssues(useExperiment.getState().issues ?? [{ field: '(spec)', message: 'was not applied' }]);
}
