import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { findPreset } from '../experiment/presets';
import { coreOf, type LabId } from '../experiment/schema';
import { useExperiment } from '../state/experiment-store';
import { safeStorage } from '../state/safe-storage';

/**
 * The preset each lab's experiment was loaded from, by id (for labs whose spec has no `ui.preset`): set when a
 * preset is picked, forgotten as soon as the lab's experiment changes by any other path (an edit, a link, a
 * click on a plot). Remembered across reloads with the experiment itself.
 */
interface PresetChoice {
  chosen: Partial<Record<LabId, string>>;
}

export const usePresetChoiceStore = create<PresetChoice>()(
  persist(() => ({ chosen: {} }), {
    name: 'ibl.preset-choice.v1',
    storage: createJSONStorage(() => safeStorage),
  }),
);

/** Set while a preset is being applied: that change of the experiment is the pick itself. */
let picking = false;

useExperiment.subscribe((next, prev) => {
  if (picking || next.specs === prev.specs) return;
  const { chosen } = usePresetChoiceStore.getState();
  const stale = (Object.keys(chosen) as LabId[]).filter((lab) => next.specs[lab] !== prev.specs[lab]);
  if (!stale.length) return;
  const kept = { ...chosen };
  for (const lab of stale) delete kept[lab];
  usePresetChoiceStore.setState({ chosen: kept });
});

/**
 * The id of the preset a lab's experiment was loaded from: the one picked, else the lab's default preset while
 * the lab has no experiment of its own yet (it is running its default), else null (changed since).
 */
export function presetChoiceOf(lab: LabId, chosen: PresetChoice['chosen'], hasOwnSpec: boolean): string | null {
  return chosen[lab] ?? (hasOwnSpec ? null : coreOf(lab).defaultPresetId);
}

/** The id of the preset the lab's current experiment was loaded from, or null once it was changed. */
export function usePresetChoice(lab: LabId): string | null {
  const chosen = usePresetChoiceStore((s) => s.chosen);
  const hasOwnSpec = useExperiment((s) => s.specs[lab] !== undefined);
  return presetChoiceOf(lab, chosen, hasOwnSpec);
}

/** Loads a preset of `lab` as its experiment and remembers its id; returns the refusal, or null. */
export function pickPreset(lab: LabId, id: string): string | null {
  const preset = findPreset(id);
  if (!preset || preset.lab !== lab) return `no preset "${id}" in the ${lab} lab`;
  picking = true;
  let ok: boolean;
  try {
    ok = useExperiment.getState().apply(structuredClone(preset.spec), 'preset');
  } finally {
    picking = false;
  }
  if (!ok) return `preset ${id} was refused (see the banner)`;
  usePresetChoiceStore.setState((s) => ({ chosen: { ...s.chosen, [lab]: id } }));
  return null;
}
