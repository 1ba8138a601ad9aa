import type { SaddlesSpec } from '../schema';
import { findPreset } from '../../../experiment/presets';
import { parseSpec } from '../../../experiment/validate';
import { buildRun } from '../../../experiment/build-run';
import type { RecordBatch } from '../../../engine/core/recorder';
import type { SaddlesAnalysis, SaddlesProblem } from '../../../engine/homogeneous/problem';

/** A saddles preset run to its end (optionally with a shorter horizon), with its analysis and every snapshot. */
export interface FigureRun {
  spec: SaddlesSpec;
  analysis: SaddlesAnalysis;
  all: RecordBatch;
  /** Per-unit norms ||(in, out)|| at snapshot i, in the model's unit order. */
  unitNorms(i: number): number[];
  /** Snapshot i's parameters. */
  theta(i: number): Float64Array;
}

export function runFigure(id: string, maxSteps?: number): FigureRun {
  const raw = structuredClone(findPreset(id)!.spec) as SaddlesSpec;
  if (maxSteps !== undefined) raw.stop.maxSteps = maxSteps;
  const parsed = parseSpec(raw);
  if (!parsed.ok || parsed.spec.lab !== 'saddles') throw new Error(`${id} does not validate`);
  const run = buildRun(parsed.spec);
  run.runToEnd();
  const all = run.recorder.all();
  const analysis = (run.problem as SaddlesProblem).analysis;
  const n = analysis.model.n;
  const theta = (i: number) => all.theta.subarray(i * n, (i + 1) * n);
  const unitNorms = (i: number) => {
    const th = theta(i);
    return analysis.model.units.map((u) => {
      let s = 0;
      for (const k of u.inIdx) s += th[k] * th[k];
      for (const k of u.outIdx) s += th[k] * th[k];
      return Math.sqrt(s);
    });
  };
  return { spec: parsed.spec, analysis, all, unitNorms, theta };
}

/** Snapshot index nearest to step k. */
export function nearestStep(all: RecordBatch, k: number): number {
  let best = 0;
  for (let i = 1; i < all.count; i++) if (Math.abs(all.step[i] - k) < Math.abs(all.step[best] - k)) best = i;
  return best;
}
