import type { LabId, PoisoningSpec, Spec } from './schema';
import { STABILITY_DEFAULT_PRESET, STABILITY_PRESET_ROWS, stabilitySpecFromRow } from '../labs/stability/schema';
import { SADDLES_DEFAULT_PRESET, SADDLES_PRESET_ROWS } from '../labs/saddles/schema';
import { GD_PRESETS, gdPresetSpec } from '../labs/poisoning/presets/gd';
import { THM1_TABLE_ROWS, thm1Spec } from '../labs/poisoning/presets/thm1';

export interface Preset {
  id: string;
  lab: Spec['lab'];
  title: string;
  description: string;
  spec: Spec;
}

/** Every preset is a plain spec: the same object a link, the CLI and a worker run. */
export const PRESETS: Preset[] = [
  ...THM1_TABLE_ROWS.flatMap((row) =>
    row.seeds.map((seed) => ({
      id: `thm1-${row.short}-s${seed}`,
      lab: 'poisoning' as const,
      title: `Theorem 1, ${row.label}, seed ${seed}`,
      description: 'Gradient flow from the reference initialisation, clean {e_1} vs poisoned {e_1, e_(κ-1)}.',
      spec: thm1Spec({ d: row.d, kappa: row.kappa, seed, scale: row.scale, tieC: row.tieC, maxTime: row.maxTime }),
    })),
  ),
  ...GD_PRESETS.flatMap((def) =>
    def.seeds.map((seed) => ({
      id: `${def.id}-s${seed}`,
      lab: 'poisoning' as const,
      title: `${def.title}${def.seeds.length > 1 ? `, seed ${seed}` : ''}`,
      description: `${def.source}; ${def.labNote}.`,
      spec: gdPresetSpec(def, seed),
    })),
  ),
  ...STABILITY_PRESET_ROWS.map((r) => ({ id: r.id, lab: 'stability' as const, title: r.title, description: r.description, spec: stabilitySpecFromRow(r) })),
  ...SADDLES_PRESET_ROWS.map((r) => ({ id: r.id, lab: 'saddles' as const, title: r.title, description: r.description, spec: r.spec })),
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export const DEFAULT_PRESET_ID = 'thm1-d10k7-s242';

/** Each lab's experiment before the user changes anything (a fresh object every call). */
export const DEFAULT_SPECS: { [L in LabId]: () => Extract<Spec, { lab: L }> } = {
  poisoning: () => structuredClone(findPreset(DEFAULT_PRESET_ID)!.spec as PoisoningSpec),
  stability: () => stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === STABILITY_DEFAULT_PRESET)!),
  saddles: () => structuredClone(SADDLES_PRESET_ROWS.find((r) => r.id === SADDLES_DEFAULT_PRESET)!.spec),
};
