import { costOf, runLength, stiffBytes, stiffStepFlops } from '../../experiment/cost';
import { once } from '../../experiment/common';
import { defineLab, type Preset } from '../../experiment/lab-core';
import { effectiveSpec } from './effective';
import { GD_PRESETS, gdPresetSpec } from './presets/gd';
import { THM1_TABLE_ROWS, thm1Spec } from './presets/thm1';
import { type PoisoningSpec, poisoningCrossIssues, poisoningSpecSchema } from './schema';

/**
 * Work and memory of a spec's two arms: a gradient (with its snapshot metrics) is about 40 n kappa multiply-adds in the Gram form (independent of
 * the number of sequences) plus the MLP head on every sequence; the stiff solver's dense n x n matrices.
 */
function poisoningCost(spec: PoisoningSpec) {
  const { d, trainBC, head } = spec.model;
  const kappa = spec.data.length;
  const seqs = spec.data.sequences.length;
  const headN = head ? 2 * head.width + (head.depth - 1) * head.width * head.width : 0;
  const n = (trainBC ? 3 * d : d) + headN;
  const grad = 40 * n * kappa + (trainBC ? 2 * d * d : 0) + 4 * seqs * kappa * headN;
  const flow = spec.optim.kind === 'flow';
  const stiff = spec.optim.kind === 'flow' && spec.optim.method !== 'dopri5';
  const { steps, rows } = runLength(flow, spec.stop, spec.record);
  return costOf({
    n,
    flopsPerStep: stiff ? stiffStepFlops(n, grad) : flow ? 7 * grad : grad,
    steps: 2 * steps,
    recordRows: rows,
    recordWidth: n + 12,
    runs: 2,
    extraBytes: 2 * (8 * seqs * kappa + 8 * kappa * kappa * (trainBC ? d : 1) + (stiff ? stiffBytes(n) : 0)),
    memoryField: 'model.d',
    workField: 'stop.maxSteps',
  });
}

/** The Theorem-1 table rows and the GD presets of the paper (their data drawn from seeded streams): made on first use. */
const presets = once((): Preset<PoisoningSpec>[] => [
  ...THM1_TABLE_ROWS.flatMap((row) =>
    row.seeds.map((seed) => ({
      id: `thm1-${row.short}-s${seed}`,
      title: `Theorem 1, ${row.label}, seed ${seed}`,
      description: 'Gradient flow from the reference initialisation, clean {e_1} vs poisoned {e_1, e_(κ-1)}.',
      spec: thm1Spec({ d: row.d, kappa: row.kappa, seed, scale: row.scale, tieC: row.tieC, maxTime: row.maxTime }),
    })),
  ),
  ...GD_PRESETS.flatMap((def) =>
    def.seeds.map((seed) => {
      // drawn when first read: the start page's demo looks up a Theorem-1 preset on the way to its first frame
      const spec = once(() => gdPresetSpec(def, seed));
      return {
        id: `${def.id}-s${seed}`,
        title: `${def.title}${def.seeds.length > 1 ? `, seed ${seed}` : ''}`,
        description: `${def.source}; ${def.labNote}.`,
        get spec() {
          return spec();
        },
      };
    }),
  ),
]);

/** Paper 000: clean-label poisoning of diagonal state space models (docs/labs/poisoning.md). */
export const poisoningCore = defineLab({
  id: 'poisoning',
  schema: poisoningSpecSchema,
  crossIssues: poisoningCrossIssues,
  cost: poisoningCost,
  presets: presets,
  defaultPresetId: 'thm1-d10k7-s242',
  effective: effectiveSpec,
  runtime: () => import('./runtime').then((m) => m.poisoningRuntime),
});
