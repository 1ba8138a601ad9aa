import { activeUnits, projectedGradientAscent } from '../src/engine/analysis/ncf';
import { buildModel, randomDirection } from '../src/engine/models/homogeneous/data';
import { formatIssues, parseSpec } from '../src/spec/validate';

export interface KktResult {
  N: number;
  residual: number;
  steps: number;
  active: number;
  units: number;
}

/** Projected gradient ascent of the NCF on the sphere for a saddles spec (the page's "find a KKT point"). */
export function findKkt(spec: unknown, step: number, steps: number): KktResult {
  const parsed = parseSpec(spec);
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
  if (parsed.spec.lab !== 'saddles') throw new Error(`a saddles spec is needed, got ${parsed.spec.lab}`);
  const model = buildModel(parsed.spec);
  const r = projectedGradientAscent(model, randomDirection(parsed.spec.seed, model.n), step, steps);
  const act = activeUnits(model, r.u);
  return { N: r.N, residual: r.residual, steps: r.steps, active: act.filter(Boolean).length, units: act.length };
}
