import { LAB_CORES } from '../labs/registry';
import { once } from './common';
import type { Preset as LabPreset } from './lab-core';
import { coreOf, isLabId, type LabId, type Spec, type SpecOf } from './schema';

export interface Preset extends LabPreset<Spec> {
  lab: LabId;
}

const byLab = new Map<LabId, Preset[]>();

/**
 * A lab's presets: plain specs, the same objects a link, the CLI and a worker run. Made on first use, per lab (some
 * draw their data from seeded streams: all of them at import were a fifth of the app's first task). A lab's core must
 * not import this module; the boundary test says so.
 */
export function labPresets(lab: string): readonly Preset[] {
  if (!isLabId(lab)) return [];
  let list = byLab.get(lab);
  if (!list) {
    // the spec is read through: a core may make a preset's spec when it is first read
    list = coreOf(lab).presets.map(
      (p): Preset => ({
        id: p.id,
        title: p.title,
        description: p.description,
        lab,
        get spec() {
          return p.spec as Spec;
        },
      }),
    );
    byLab.set(lab, list);
  }
  return list;
}
/** Every preset of every lab. */
export const allPresets = once((): readonly Preset[] => LAB_CORES.flatMap((c) => labPresets(c.id)));

/** A preset by id, looking lab by lab (only the labs up to its own make their presets). */
export function findPreset(id: string): Preset | undefined {
  for (const c of LAB_CORES) {
    const p = labPresets(c.id).find((q) => q.id === id);
    if (p) return p;
  }
  return undefined;
}

/** A lab's experiment before the user changes anything (a fresh object every call). */
export function defaultSpec<L extends LabId>(lab: L): SpecOf<L> {
  const p = labPresets(lab).find((q) => q.id === coreOf(lab).defaultPresetId);
  if (!p || p.lab !== lab) throw new Error(`lab ${lab}: its default preset is missing`);
  return structuredClone(p.spec) as SpecOf<L>;
}
