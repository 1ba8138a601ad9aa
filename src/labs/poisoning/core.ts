import { defineLab } from '../../experiment/lab-core';
import { buildPoisoning, effectiveSpec } from './build';
import { poisoningSliceField, SLICE_FIELD } from './explore/slice-field';
import { GD_PRESETS, gdPresetSpec } from './presets/gd';
import { THM1_TABLE_ROWS, thm1Spec } from './presets/thm1';
import { formatThm1, reproduceThm1, type ReproRow } from './repro-thm1';
import { poisoningCrossIssues, poisoningSpecSchema } from './schema';

/** Paper 000: clean-label poisoning of diagonal state space models (docs/labs/poisoning.md). */
export const poisoningCore = defineLab({
  id: 'poisoning',
  schema: poisoningSpecSchema,
  crossIssues: poisoningCrossIssues,
  presets: [
    ...THM1_TABLE_ROWS.flatMap((row) =>
      row.seeds.map((seed) => ({
        id: `thm1-${row.short}-s${seed}`,
        title: `Theorem 1, ${row.label}, seed ${seed}`,
        description: 'Gradient flow from the reference initialisation, clean {e_1} vs poisoned {e_1, e_(κ-1)}.',
        spec: thm1Spec({ d: row.d, kappa: row.kappa, seed, scale: row.scale, tieC: row.tieC, maxTime: row.maxTime }),
      })),
    ),
    ...GD_PRESETS.flatMap((def) =>
      def.seeds.map((seed) => ({
        id: `${def.id}-s${seed}`,
        title: `${def.title}${def.seeds.length > 1 ? `, seed ${seed}` : ''}`,
        description: `${def.source}; ${def.labNote}.`,
        spec: gdPresetSpec(def, seed),
      })),
    ),
  ],
  defaultPresetId: 'thm1-d10k7-s242',
  effective: effectiveSpec,
  buildProblem: buildPoisoning,
  /** The Explore page's (a_1, a_2) slice of the training loss, mapped in the landscape worker. */
  fields: { [SLICE_FIELD]: poisoningSliceField },
  repro: {
    thm1: {
      what: 'paper 000, "Per Theorem 1" rows of Tables 1 and 3 (exact gradient flow, the reference seeds)',
      run: reproduceThm1,
      print: (rows) => formatThm1(rows as ReproRow[]),
    },
  },
});
