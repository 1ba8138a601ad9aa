import { LAB_CORES } from '../labs/registry';
import type { Preset as LabPreset } from './lab-core';
import { coreOf, type LabId, type Spec, type SpecOf } from './schema';

export interface Preset extends LabPreset<Spec> {
  lab: LabId;
}

/**
 * Every preset of every lab: plain specs, the same objects a link, the CLI and a worker run. (Evaluated at import:
 * a lab's core must not import this module; the boundary test says so.)
 */
export const PRESETS: Preset[] = LAB_CORES.flatMap((c) => c.presets.map((p) => ({ ...p, lab: c.id, spec: p.spec as Spec })));

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** A lab's experiment before the user changes anything (a fresh object every call). */
export function defaultSpec<L extends LabId>(lab: L): SpecOf<L> {
  const p = findPreset(coreOf(lab).defaultPresetId);
  if (!p || p.lab !== lab) throw new Error(`lab ${lab}: its default preset is missing`);
  return structuredClone(p.spec) as SpecOf<L>;
}
