import { buildRun } from '../src/experiment/build-run';
import { THM1_TABLE_ROWS, thm1Spec } from '../src/labs/poisoning/presets/thm1';

export interface ReproRow {
  id: string;
  label: string;
  arm: 'clean' | 'poisoned';
  seeds: number[];
  values: number[];
  mean: number;
  paper: number;
}

/** The "Per Theorem 1" rows of paper 000's Tables 1 and 3: four seeds, both arms, exact gradient flow. */
export function reproduceThm1(): ReproRow[] {
  const rows: ReproRow[] = [];
  for (const row of THM1_TABLE_ROWS) {
    for (const arm of ['clean', 'poisoned'] as const) {
      const values = row.seeds.map((seed) => {
        const spec = thm1Spec({ d: row.d, kappa: row.kappa, seed, scale: row.scale, tieC: row.tieC, maxTime: row.maxTime, arm });
        return buildRun(spec).runToEnd().metrics.gen;
      });
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      rows.push({ id: row.id, label: row.label, arm, seeds: [...row.seeds], values, mean, paper: row.paper[arm] });
    }
  }
  return rows;
}
