import { costOf, runLength } from '../../experiment/cost';
import { defineLab } from '../../experiment/lab-core';
import { STABILITY_DEFAULT_PRESET, STABILITY_PRESET_ROWS, type StabilitySpec, stabilityCrossIssues, stabilitySpecFromRow, stabilitySpecSchema } from './schema';
import { presetsFromRows } from '../lab-presets';

/** Work and memory of a spec: GD (and the flow beside it) on 2d parameters, a gradient about 20 d multiply-adds (per data point in data mode). */
function stabilityCost(spec: StabilitySpec) {
  const d = spec.model.d;
  const n = 2 * d;
  const grad = 20 * d * (spec.model.data ? spec.model.data.x.length : 1);
  const flow = spec.optim.kind === 'flow';
  const { steps, rows } = runLength(flow, spec.stop, spec.record);
  return costOf({ n, flopsPerStep: flow ? 7 * grad : 2 * grad, steps, recordRows: rows, recordWidth: n + 12, runs: 2, memoryField: 'record.every', workField: 'stop.maxSteps' });
}

/** Paper 004: GD with a large step finds flatter minima than gradient flow (docs/labs/stability.md). */
export const stabilityCore = defineLab({
  id: 'stability',
  schema: stabilitySpecSchema,
  crossIssues: stabilityCrossIssues,
  cost: stabilityCost,
  presets: presetsFromRows(STABILITY_PRESET_ROWS, stabilitySpecFromRow),
  defaultPresetId: STABILITY_DEFAULT_PRESET,
  runtime: () => import('./runtime').then((m) => m.stabilityRuntime),
});
