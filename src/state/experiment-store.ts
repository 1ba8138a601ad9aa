import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { defaultSpec } from '../experiment/presets';
import type { LabId, Spec, SpecOf } from '../experiment/schema';
import { parseSpec, type SpecIssue } from '../experiment/validate';
import { safeStorage } from './safe-storage';

export type { SpecOf } from '../experiment/schema';
type SpecMap = { [L in LabId]?: SpecOf<L> };

/**
 * The experiment of each lab: always a valid spec; refused input (a bad link, a bad edit) records its
 * issues and leaves the experiment untouched. Persisted, so nothing is lost on reload.
 */
interface ExperimentState {
  specs: SpecMap;
  /** Issues of the last refused input, shown until dismissed or replaced. */
  issues: SpecIssue[] | null;
  issuesSource: string | null;
  /** A lab whose experiment arrived by link and should run at once (consumed by the lab page). */
  autoRun: LabId | null;
  /** Validates and applies under the spec's own lab; returns false (recording the issues) when refused. */
  apply(input: unknown, source: string): boolean;
  refuse(issues: SpecIssue[], source: string): void;
  dismissIssues(): void;
  requestAutoRun(lab: LabId | null): void;
}

export const useExperiment = create<ExperimentState>()(
  persist(
    (set, get) => ({
      specs: {},
      issues: null,
      issuesSource: null,
      autoRun: null,
      apply(input, source) {
        const r = parseSpec(input);
        if (!r.ok) {
          set({ issues: r.issues, issuesSource: source });
          return false;
        }
        set({ specs: { ...get().specs, [r.spec.lab]: r.spec }, issues: null, issuesSource: null });
        return true;
      },
      refuse(issues, source) {
        set({ issues, issuesSource: source });
      },
      dismissIssues() {
        set({ issues: null, issuesSource: null });
      },
      requestAutoRun(lab) {
        set({ autoRun: lab });
      },
    }),
    {
      name: 'ibl.experiments.v1',
      storage: createJSONStorage(() => safeStorage),
      partialize: (s) => ({ specs: s.specs }),
      // Stored specs from an older build are re-validated one by one; those that no longer parse are dropped.
      merge: (persisted, current) => {
        const stored = (persisted as { specs?: Record<string, unknown> } | undefined)?.specs ?? {};
        const specs: SpecMap = {};
        for (const value of Object.values(stored)) {
          const r = parseSpec(value);
          if (r.ok) (specs as Record<string, Spec>)[r.spec.lab] = r.spec;
        }
        return { ...current, specs };
      },
    },
  ),
);

/** The current experiment of a lab (its default until the user changes it). */
export function useLabSpec<L extends LabId>(lab: L): SpecOf<L> {
  return useExperiment((s) => s.specs[lab]) ?? defaultSpec(lab);
}

export function labSpecNow<L extends LabId>(lab: L): SpecOf<L> {
  return useExperiment.getState().specs[lab] ?? defaultSpec(lab);
}

/**
 * Runs `start` once when a shared link has just opened this lab's experiment (the link loader asks for it), and
 * clears the request so a later visit does not rerun.
 */
export function useLinkedRun<L extends LabId>(lab: L, start: (spec: SpecOf<L>) => void): void {
  const autoRun = useExperiment((s) => s.autoRun);
  // The latest start, read when the request arrives (a new closure each render must not rerun it).
  const startRef = useRef(start);
  startRef.current = start;
  useEffect(() => {
    if (autoRun !== lab) return;
    useExperiment.getState().requestAutoRun(null);
    startRef.current(labSpecNow(lab));
  }, [autoRun, lab]);
}
