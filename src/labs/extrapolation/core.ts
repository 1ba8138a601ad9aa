import { costOf, runLength, stiffBytes, stiffStepFlops } from '../../experiment/cost';
import { defineLab } from '../../experiment/lab-core';
import { gruParamCount } from '../../engine/gru/param-count';
import { EXTRAPOLATION_DEFAULT_PRESET, EXTRAPOLATION_PRESET_ROWS } from './presets';
import { type ExtrapolationSpec, extrapolationCrossIssues, extrapolationSpecSchema, GRU_TEST_COUNT, isMatrixStudent } from './schema';
import { presetsFromRows } from '../lab-presets';

/**
 * Work and memory of a run (and a second arm beside it): a diagonal student's gradient is about 8 k d multiply-adds, a
 * full or symmetric one's k d^2; an empirical loss adds its N sequences of length k (kept when the dataset is fixed).
 */
function extrapolationCost(spec: ExtrapolationSpec) {
  const { param, d } = spec.student;
  if (param === 'gru') return gruCost(spec);
  const { k, empirical } = spec.training;
  const n = param === 'diag-tied' ? 2 * d : param === 'diag' ? 3 * d : param === 'sym' ? (d * (d + 1)) / 2 + 2 * d : d * d + 2 * d;
  const N = empirical ? empirical.N : 0;
  const grad = 8 * k * (isMatrixStudent(param) ? d * d : d) + 2 * N * k * (isMatrixStudent(param) ? d : 1);
  const flow = spec.optim.kind === 'flow';
  const stiff = spec.optim.kind === 'flow' && spec.optim.method !== 'dopri5' && !isMatrixStudent(param);
  const { steps, rows } = runLength(flow, spec.stop, spec.record);
  return costOf({
    n,
    flopsPerStep: stiff ? stiffStepFlops(n, grad) : flow ? 7 * grad : grad,
    steps,
    recordRows: rows,
    recordWidth: n + 16,
    runs: 2,
    extraBytes: 2 * (8 * N * k + 8 * spec.eval.H * d + (stiff ? stiffBytes(n) : 0)),
    memoryField: N * k > 4 * d * d ? 'training.empirical.N' : 'student.d',
    workField: 'stop.maxSteps',
  });
}

/**
 * A GRU student (Sec. 4.3): forward and BPTT over a fresh batch of N sequences of length k cost about 18 d^2 N k, and
 * every record evaluates the GRU error on 100 test sequences of length H (6 d^2 each step); the work arrays keep the
 * states and gates of the batch and of the test sequences.
 */
function gruCost(spec: ExtrapolationSpec) {
  const { d } = spec.student;
  const { k, empirical } = spec.training;
  const N = empirical?.N ?? 100;
  const H = spec.eval.H;
  const { steps, rows } = runLength(false, spec.stop, spec.record);
  const n = gruParamCount(d);
  return costOf({
    n,
    flopsPerStep: 18 * d * d * N * k + (6 * d * d * GRU_TEST_COUNT * H) / spec.record.every,
    steps,
    recordRows: rows,
    recordWidth: n + 16,
    runs: 2,
    extraBytes: 2 * 8 * 6 * d * (N * k + GRU_TEST_COUNT * H),
    memoryField: 'training.empirical.N',
    workField: 'stop.maxSteps',
  });
}

/** Paper 002: overparameterised linear RNNs learn low-dimensional state spaces (docs/labs/extrapolation.md). */
export const extrapolationCore = defineLab({
  id: 'extrapolation',
  schema: extrapolationSpecSchema,
  crossIssues: extrapolationCrossIssues,
  cost: extrapolationCost,
  presets: presetsFromRows(EXTRAPOLATION_PRESET_ROWS),
  defaultPresetId: EXTRAPOLATION_DEFAULT_PRESET,
  runtime: () => import('./runtime').then((m) => m.extrapolationRuntime),
});
