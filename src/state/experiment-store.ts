import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PoisoningSpec } from '../spec/schema';
import { findPreset, DEFAULT_PRESET_ID } from '../spec/presets';
import { parseSpec, type SpecIssue } from '../spec/validate';

/** The experiment being edited: always a valid spec; refused input shows issues and leaves it untouched. */
interface ExperimentState {
  spec: PoisoningSpec;
  /** Issues of the last refused input (a bad link or a bad edit), shown until dismissed or fixed. */
  issues: SpecIssue[] | null;
  issuesSource: string | null;
  /** Validates and applies; returns false (and records the issues) when refused. */
  apply(input: unknown, source: string): boolean;
  refuse(issues: SpecIssue[], source: string): void;
  dismissIssues(): void;
}

const defaultSpec = () => findPreset(DEFAULT_PRESET_ID)!.spec as PoisoningSpec;

export const useExperiment = create<ExperimentState>()(
  persist(
    (set) => ({
      spec: defaultSpec(),
      issues: null,
      issuesSource: null,
      apply(input, source) {
        const r = parseSpec(input);
        if (!r.ok) {
          set({ issues: r.issues, issuesSource: source });
          return false;
        }
        set({ spec: r.spec as PoisoningSpec, issues: null, issuesSource: null });
        return true;
      },
      refuse(issues, source) {
        set({ issues, issuesSource: source });
      },
      dismissIssues() {
        set({ issues: null, issuesSource: null });
      },
    }),
    {
      name: 'ibl.experiment.v1',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ spec: s.spec }),
      // A stored spec from an older build is re-validated; if it no longer parses, the default is used.
      merge: (persisted, current) => {
        const stored = (persisted as { spec?: unknown } | undefined)?.spec;
        const r = stored === undefined ? null : parseSpec(stored);
        return r?.ok ? { ...current, spec: r.spec as PoisoningSpec } : current;
      },
    },
  ),
);
