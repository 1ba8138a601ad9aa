import type { Run } from '../../engine/core/run';
import { THM1_TABLE_ROWS, thm1Spec } from './presets/thm1';
import type { PoisoningSpec } from './schema';

export interface ReproRow {
  id: string;
  label: string;
  arm: 'clean' | 'poisoned';
  seeds: number[];
  values: number[];
  mean: number;
  paper: number;
}

/**
 * The "Per Theorem 1" rows of paper 000's Tables 1 and 3: four seeds, both arms, exact gradient flow. The run
 * builder comes from the core (this module is part of the core: it cannot import the registry of every lab).
 */
export function reproduceThm1(buildRun: (spec: PoisoningSpec) => Run): ReproRow[] {
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

/** The rows as the CLI prints them: per seed, the lab's mean, the paper's number and their ratio. */
export function formatThm1(rows: ReproRow[]): string {
  const line = (cols: string[]) => cols.map((c, i) => c.padEnd([34, 9, 44, 11, 9, 8][i] ?? 10)).join(' ');
  const out = ['Paper 000, "Per Theorem 1" rows: normalised Gen_20, exact gradient flow, reference seeds'];
  out.push(line(['table row', 'arm', 'per seed', 'lab mean', 'paper', 'lab/paper']));
  for (const r of rows) {
    out.push(line([r.label, r.arm, r.values.map((v) => v.toExponential(3)).join(' '), r.mean.toExponential(3), r.paper.toExponential(2), (r.mean / r.paper).toFixed(3)]));
  }
  return out.join('\n');
}
