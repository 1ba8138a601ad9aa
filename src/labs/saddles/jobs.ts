import { randomDirection } from '../../engine/homogeneous/data';
import { activeUnits, projectedGradientAscent } from '../../engine/homogeneous/ncf';
import type { Predictions } from '../../engine/homogeneous/problem';
import { formatIssues, parseWith } from '../../experiment/parse';
import { analyseSaddles, buildModel } from './build';
import { saddlesCrossIssues, saddlesSpecSchema, type SaddlesSpec } from './schema';

export interface KktResult {
  N: number;
  residual: number;
  steps: number;
  active: number;
  units: number;
}

function saddlesSpec(spec: unknown): SaddlesSpec {
  const lab = (spec as { lab?: unknown } | null)?.lab;
  if (lab !== 'saddles') throw new Error(`a saddles spec is needed, got ${String(lab)}`);
  const parsed = parseWith(saddlesSpecSchema(), saddlesCrossIssues, spec);
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
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
