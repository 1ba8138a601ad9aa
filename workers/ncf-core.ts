import { activeUnits, projectedGradientAscent } from '../src/engine/homogeneous/ncf';
import { buildModel, randomDirection } from '../src/engine/homogeneous/data';
import { analyseSaddles, type Predictions } from '../src/engine/homogeneous/problem';
import type { SaddlesSpec } from '../src/labs/saddles/schema';
import { formatIssues, parseSpec } from '../src/experiment/validate';

export interface KktResult {
  N: number;
  residual: number;
  steps: number;
  active: number;
  units: number;
}

function saddlesSpec(spec: unknown): SaddlesSpec {
  const parsed = parseSpec(spec);
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
  if (parsed.spec.lab !== 'saddles') throw new Error(`a saddles spec is needed, got ${parsed.spec.lab}`);
  return parsed.spec;
}

/** Projected gradient ascent of the NCF on the sphere for a saddles spec (the page's "find a KKT point"). */
export function findKkt(spec: unknown, step: number, steps: number): KktResult {
  const s = saddlesSpec(spec);
  const model = buildModel(s);
  const r = projectedGradientAscent(model, randomDirection(s.seed, model.n), step, steps);
  const act = activeUnits(model, r.u);
  return { N: r.N, residual: r.residual, steps: r.steps, active: act.filter(Boolean).length, units: act.length };
}

/** The NCF analysis and every prediction of a saddles spec (no training): a second or more on big nets. */
export function analyse(spec: unknown): Predictions {
  return analyseSaddles(saddlesSpec(spec)).pred;
}
