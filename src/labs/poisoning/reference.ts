import reference from './data/thm1-reference.json';
import { THM1_TABLE_ROWS } from './presets/thm1';
import { type PoisoningSpec } from './schema';

/**
 * The reference generalisation error of a spec, when it is one of the paper's Theorem-1 runs (same d, kappa,
 * seed and reference initialisation), and the paper's table mean for that setting.
 */
export function referenceFor(spec: PoisoningSpec, arm: 'clean' | 'poisoned') {
  const row = THM1_TABLE_ROWS.find((r) => r.d === spec.model.d && r.kappa === spec.data.length);
  if (!row || spec.init.kind !== 'uniform-sorted' || spec.init.scale !== row.scale || spec.init.tieC !== row.tieC) return null;
  if (spec.model.teacher.kind !== 'thm1' || spec.metrics.genWindow !== 20) return null;
  const run = reference.runs.find((r) => r.d === row.d && r.seed === spec.seed && r.poisoned === (arm === 'poisoned'));
  return { seedValue: run?.genError ?? null, paperMean: row.paper[arm], table: row.label };
}
