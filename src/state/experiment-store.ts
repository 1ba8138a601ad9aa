import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { createJSONStorage, type PersistStorage, persist } from 'zustand/middleware';
import { defaultSpec } from '../experiment/presets';
import type { LabId, Spec, SpecOf } from '../experiment/schema';
import { markValidated, parseSpec, type SpecIssue, type SpecResult } from '../experiment/validate';
import { safeStorage } from './safe-storage';

export type { SpecOf } from '../experiment/schema';

/** A saved experiment that could not be read back: where it was, what it held, and why it was refused. */
export interface UnreadableExperiment {
  key: string;
  value: unknown;
  message: string;
}
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
  /** Saved experiments that could not be read back (an older or corrupt store): kept aside for download, never deleted. */
  unreadable: UnreadableExperiment[];
  /** Validates and applies under the spec's own lab; returns false (recording the issues) when refused. */
  apply(input: unknown, source: string): boolean;
  /** Takes a spec parseSpec has just accepted (a link decoded by decodeSpec): validated once, not again. */
  accept(result: Extract<SpecResult, { ok: true }>): void;
  refuse(issues: SpecIssue[], source: string): void;
  dismissIssues(): void;
  requestAutoRun(lab: LabId | null): void;
  /** Forgets the experiments kept aside (after the user downloaded or dismissed them). */
  clearUnreadable(): void;
}

/**
 * JSON in guarded localStorage that skips a write when every saved part is the same object as in the last write (a
 * change of what is not saved, autoRun, rewrote every experiment: 100 ms for the largest a link may hold), and writes
 * when the page is idle, the latest state once (a drag edits at every mouse move; the largest experiment takes 70 ms
 * to write, which landed in the task that opened its link). A page being hidden or left writes at once.
 */
/** A change is saved within this (sooner when the page is idle, at once when it is hidden or left). */
const SAVE_WITHIN_MS = 300;

function savedPartsStorage<S>(): PersistStorage<S> {
  const json = createJSONStorage<S>(() => safeStorage) as PersistStorage<S>;
  let last: Record<string, unknown> | null = null;
  let waiting: { name: string; value: Parameters<PersistStorage<S>['setItem']>[1] } | null = null;
  const flush = () => {
    const w = waiting;
    waiting = null;
    if (w) json.setItem(w.name, w.value);
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  }
  return {
    ...json,
    setItem(name, value) {
      const parts = value.state as Record<string, unknown>;
      if (last && Object.keys(parts).every((k) => parts[k] === last?.[k])) return;
      last = parts;
      if (typeof window === 'undefined') return json.setItem(name, value);
      const scheduled = waiting !== null;
      waiting = { name, value };
      if (scheduled) return;
      if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: SAVE_WITHIN_MS });
      else setTimeout(flush, 0);
    },
  };
}

export const useExperiment = create<ExperimentState>()(
  persist(
    (set, get) => ({
      specs: {},
      issues: null,
      issuesSource: null,
      autoRun: null,
      unreadable: [],
      apply(input, source) {
        const r = parseSpec(input);
        if (!r.ok) {
          set({ issues: r.issues, issuesSource: source });
          return false;
        }
        get().accept(r);
        return true;
      },
      accept({ spec }) {
        // (a result read in the link worker was parsed there: this object is its copy)
        markValidated(spec);
        set({ specs: { ...get().specs, [spec.lab]: spec }, issues: null, issuesSource: null });
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
      clearUnreadable() {
        set({ unreadable: [] });
      },
    }),
    {
      name: 'ibl.experiments.v1',
      storage: savedPartsStorage(),
      // the unreadable ones are saved too, so nothing the user had is deleted until they dismiss it
      partialize: (s) => ({ specs: s.specs, unreadable: s.unreadable }),
      // Any stored version is read (there is one format so far): merge validates what it holds.
      version: 0,
      migrate: (persisted) => persisted as ExperimentState,
      // Stored specs are re-validated one by one; one that no longer parses is kept aside (and offered for download)
      // while its lab opens with its default, and the others are kept.
      merge: (persisted, current) => {
        const raw = (persisted as { specs?: unknown } | undefined)?.specs;
        const stored = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
        const specs: SpecMap = {};
        const kept = (persisted as { unreadable?: unknown } | undefined)?.unreadable;
        const unreadable: UnreadableExperiment[] = Array.isArray(kept) ? (kept as UnreadableExperiment[]) : [];
        if (raw !== undefined && (raw === null || typeof raw !== 'object')) unreadable.push({ key: 'specs', value: raw, message: 'the saved experiments are not an object' });
        for (const [key, value] of Object.entries(stored)) {
          const r = parseSpec(value);
          if (r.ok) (specs as Record<string, Spec>)[r.spec.lab] = r.spec;
          else
            unreadable.push({
              key,
              value,
              message: r.issues
                .map((i) => `${i.field}: ${i.message}`)
                .join('; ')
                .slice(0, 300),
            });
        }
        return { ...current, specs, unreadable };
      },
    },
  ),
);

/** The current experiment of a lab (its default until the user changes it). */
export function useLabSpec<L extends LabId>(lab: L): SpecOf<L> {
  return useExperiment((s) => s.specs[lab]) ?? shownDefault(lab);
}

export function labSpecNow<L extends LabId>(lab: L): SpecOf<L> {
  return useExperiment.getState().specs[lab] ?? shownDefault(lab);
}

/** The default experiment each lab shows until it is edited: one object per lab (specs are never edited in place). */
const shownDefaults = new Map<LabId, Spec>();

/**
 * A lab's default experiment, the same object at every call: a fresh one per render made every memo keyed on the spec
 * recompute at every render of an unedited lab (the Explore page's loss slice re-rendered ~40 times a second).
 */
function shownDefault<L extends LabId>(lab: L): SpecOf<L> {
  let spec = shownDefaults.get(lab);
  if (!spec) {
    spec = defaultSpec(lab);
    shownDefaults.set(lab, spec);
  }
  return spec as SpecOf<L>;
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
