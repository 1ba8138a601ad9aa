import { create } from 'zustand';
import type { MarkerOverride } from './derive';

/**
 * Page state of the Saddles lab that is not part of the experiment: the restricted-run toggle, the neurons
 * picked in a heatmap, and the user's i1/i2 markers (tied to the run they were set on).
 */
interface SaddlesUi {
  restrict: boolean;
  /** Main run id the restricted run was started for (so each main run starts it once). */
  restrictedFor: number | null;
  /** Shift the restricted curve to the full run's predicted escape (else its own clock). */
  alignRestricted: boolean;
  selected: string[];
  markers: MarkerOverride & { runId: number | null };
  setRestrict(on: boolean): void;
  setRestrictedFor(id: number | null): void;
  setAlignRestricted(on: boolean): void;
  toggleSelected(label: string): void;
  clearSelected(): void;
  setMarker(runId: number, which: 'i1' | 'i2', index: number): void;
  resetMarkers(): void;
}

export const useSaddlesUi = create<SaddlesUi>()((set, get) => ({
  restrict: false,
  restrictedFor: null,
  alignRestricted: true,
  selected: [],
  markers: { runId: null, i1: null, i2: null },
  setRestrict: (restrict) => set({ restrict }),
  setRestrictedFor: (restrictedFor) => set({ restrictedFor }),
  setAlignRestricted: (alignRestricted) => set({ alignRestricted }),
  toggleSelected(label) {
    const s = get().selected;
    set({ selected: s.includes(label) ? s.filter((x) => x !== label) : [...s, label] });
  },
  clearSelected: () => set({ selected: [] }),
  setMarker(runId, which, index) {
    const m = get().markers;
    const base = m.runId === runId ? m : { runId, i1: null, i2: null };
    set({ markers: { ...base, [which]: index } });
  },
  resetMarkers: () => set({ markers: { runId: null, i1: null, i2: null } }),
}));

/** The marker override for a run: the stored one if it was set on this run, else none. */
export function overrideFor(m: SaddlesUi['markers'], runId: number | undefined): MarkerOverride {
  return m.runId !== null && m.runId === runId ? { i1: m.i1, i2: m.i2 } : { i1: null, i2: null };
}
