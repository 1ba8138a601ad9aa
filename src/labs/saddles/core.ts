import { costOf, runLength, stiffBytes, stiffStepFlops } from '../../experiment/cost';
import { defineLab } from '../../experiment/lab-core';
import { SADDLES_DEFAULT_PRESET, SADDLES_PRESET_ROWS, type SaddlesSpec, saddlesCrossIssues, saddlesParamCount, saddlesSpecSchema } from './schema';
import { presetsFromRows } from '../lab-presets';

/** Data points of a spec (the toy model is one two-coordinate loss). */
const pointsOf = (data: SaddlesSpec['data']) => (data.kind === 'sphere' ? data.n : data.kind === 'circle8' ? 8 : 1);
/** Steps the NCF analysis of the start takes on the lab's nets, at most in practice (its cap is 50,000). */
const NCF_TYPICAL_STEPS = 2000;

/**
 * Work and memory of a run and of the NCF analysis before it (a DOPRI5 flow on the sphere, run by the worker at start):
 * a gradient is about points x n multiply-adds; the stiff solver's dense n x n matrices; the restricted run beside it.
 */
function saddlesCost(spec: SaddlesSpec) {
  const n = saddlesParamCount(spec);
  const points = pointsOf(spec.data);
  const units = spec.model.kind === 'ff' ? spec.model.widths.reduce((s, w) => s + w, 0) : 2;
  const grad = spec.model.kind === 'toy' ? 20 : points * n;
  const flow = spec.optim.kind === 'flow';
  const stiff = spec.optim.kind === 'flow' && spec.optim.method !== 'dopri5';
  const { steps, rows } = runLength(flow, spec.stop, spec.record);
  const dataBytes = 8 * points * ((spec.model.kind === 'ff' ? spec.model.d : 2) + 4 * units);
  return costOf({
    n,
    flopsPerStep: stiff ? stiffStepFlops(n, grad) : flow ? 7 * grad : grad,
    steps,
    setupFlops: NCF_TYPICAL_STEPS * 7 * grad,
    recordRows: rows,
    recordWidth: n + units + 10,
    runs: 2,
    extraBytes: dataBytes + (stiff ? stiffBytes(n) : 0),
    memoryField: stiff && stiffBytes(n) > 1e8 ? 'optim.method' : 'model.widths',
    workField: flow ? 'stop.maxTime' : 'stop.maxSteps',
  });
}

/** Paper 003: saddle escapes of homogeneous networks from small initialisation (docs/labs/saddles.md). */
export const saddlesCore = defineLab({
  id: 'saddles',
  schema: saddlesSpecSchema,
  crossIssues: saddlesCrossIssues,
  cost: saddlesCost,
  presets: presetsFromRows(SADDLES_PRESET_ROWS),
  defaultPresetId: SADDLES_DEFAULT_PRESET,
  runtime: () => import('./runtime').then((m) => m.saddlesRuntime),
});
