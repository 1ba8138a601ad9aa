import { useMemo } from 'react';
import type { LabId, SpecOf } from '../experiment/schema';
import { useLabSpec } from '../state/experiment-store';
import { checkEdit, commitEdit, type EditOptions } from './spec-edit';

export interface SpecEditor<L extends LabId> {
  /** The lab's current experiment. */
  spec: SpecOf<L>;
  /**
   * Validates the candidate (parseSpec, the lab's rules) and applies it through the store's `apply`; returns null
   * when accepted, else the validator's message naming the field, for the field to show (not the page banner).
   */
  commit(candidate: SpecOf<L>): string | null;
  /** The same validation without applying (for a caller that applies by its own path, e.g. with a refit). */
  check(candidate: SpecOf<L>): string | null;
  /** A field's commit for one top-level key of the spec: `onCommit={set('horizon')}`. */
  set<K extends keyof SpecOf<L>>(key: K): (value: SpecOf<L>[K]) => string | null;
}

/**
 * Editing one lab's experiment from its controls: every field's bounds come from the schema, so no control
 * repeats them by hand, and a refusal is shown beside the field that caused it.
 */
export function useSpecEditor<L extends LabId>(lab: L, opts: EditOptions<L> = {}): SpecEditor<L> {
  const spec = useLabSpec(lab);
  const { extraIssues, source } = opts;
  return useMemo(
    () => ({
      spec,
      commit: (candidate: SpecOf<L>) => commitEdit(lab, candidate, { extraIssues, source }),
      check: (candidate: SpecOf<L>) => checkEdit(lab, candidate, { extraIssues }),
      set:
        <K extends keyof SpecOf<L>>(key: K) =>
        (value: SpecOf<L>[K]) =>
          commitEdit(lab, { ...spec, [key]: value }, { extraIssues, source }),
    }),
    [spec, lab, extraIssues, source],
  );
}
