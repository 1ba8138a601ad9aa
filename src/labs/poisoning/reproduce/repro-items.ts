import { GD_PRESETS, gdPresetSpec, type GdPresetDef } from '../presets/gd';
import { THM1_TABLE_ROWS, thm1Spec } from '../presets/thm1';
import { type PoisoningSpec } from '../schema';

export type Arm = 'clean' | 'poisoned';

/** One reproducible table row or figure of paper 000: its seeds, the spec of each run, the paper's numbers. */
export interface ReproItem {
  id: string;
  group: 'Table 1' | 'Table 3' | 'Figures';
  title: string;
  source: string;
  seeds: number[];
  specFor(seed: number, arm: Arm): PoisoningSpec;
  /** Name of the generalisation metric the paper reports for this item. */
  metric: string;
  paper?: { clean: number; poisoned: number };
  /** How the lab judges the outcome (the docs/labs/poisoning.md's assertion), in words. */
  criterion: string;
  note: string;
}

const gdItem = (def: GdPresetDef, group: ReproItem['group']): ReproItem => ({
  id: def.id,
  group,
  title: def.title,
  source: def.source,
  seeds: def.seeds,
  specFor: (seed, arm) => gdPresetSpec(def, seed, arm),
  metric: def.head ? 'test error ‖ŷ − y*‖ / ‖y*‖' : 'Gen₄₀',
  paper: def.paper,
  criterion: CRITERIA[def.id] ?? '',
  note: def.labNote,
});

const CRITERIA: Record<string, string> = {
  'B-6': 'poisoned mean ≥ 10 × clean mean and ≥ 2',
  'B-10': 'poisoned mean ≥ 4 × clean mean',
  'M-6': 'over converged runs (≥ 2 per arm): poisoned mean ≥ 5 × clean mean',
  'M-10': 'poisoned mean > clean mean',
  F2: 'clean: top |a| in [0.95, 1.05], second < 0.06, erank < 1.8; poisoned: second > 0.15, erank > 3, reaches eps ≥ 3× sooner',
  F7: 'as F2',
  F3: 'as F2',
  F8: 'as F2',
  F2M: 'clean: top |a| near 1, erank < 1.8; poisoned: at least 6 entries > 0.5',
  F7M: 'as F2M',
  F3M: 'as F2M',
  F8M: 'as F2M',
  F4: 'clean recovers (0.99, 0.8) to ±0.02 with the third entry < 0.05; poisoned top entry > 1.02',
  F5: 'shown, not asserted',
  F6: 'shown, not asserted',
};

const byId = (id: string) => GD_PRESETS.find((p) => p.id === id)!;

export const REPRO_ITEMS: ReproItem[] = [
  ...THM1_TABLE_ROWS.map(
    (row): ReproItem => ({
      id: row.id,
      group: row.id === 'T1-7' ? 'Table 1' : 'Table 3',
      title: `${row.label.split(',')[0]}, row 1: per Theorem 1 (exact gradient flow)`,
      source: `${row.label.split(',')[0]} row 1`,
      seeds: [...row.seeds],
      specFor: (seed, arm) => thm1Spec({ d: row.d, kappa: row.kappa, seed, scale: row.scale, tieC: row.tieC, maxTime: row.maxTime, arm }),
      metric: 'Gen₂₀',
      paper: row.paper,
      criterion: 'each seed within 0.2 % of its reference value; means match the paper to its 3 digits (0.5 %)',
      note: `d = ${row.d}, κ = ${row.kappa}; clean = {e₁}, poisoned = {e₁, e_${row.kappa - 1}}`,
    }),
  ),
  gdItem(byId('B-6'), 'Table 1'),
  gdItem(byId('M-6'), 'Table 1'),
  gdItem(byId('B-10'), 'Table 3'),
  gdItem(byId('M-10'), 'Table 3'),
  ...['F2', 'F2M', 'F3', 'F3M', 'F4', 'F5', 'F6', 'F7', 'F7M', 'F8', 'F8M'].map((id) => gdItem(byId(id), 'Figures')),
];

/** Paper 000, Table 2 (S4 on CIFAR-10): shown for reference only; it is not re-run in the browser. */
export const TABLE2 = {
  caption: 'Table 2: S4 on sequential CIFAR-10, accuracy on the targeted class without → with poisoned training images (noise ratio 0.999).',
  rows: [
    { targets: 10, poisons: 500, without: 70, with: 10 },
    { targets: 10, poisons: 2500, without: 80, with: 0 },
    { targets: 10, poisons: 5000, without: 90, with: 0 },
    { targets: 20, poisons: 500, without: 25, with: 10 },
    { targets: 20, poisons: 2500, without: 80, with: 0 },
    { targets: 20, poisons: 5000, without: 85, with: 0 },
  ],
};
