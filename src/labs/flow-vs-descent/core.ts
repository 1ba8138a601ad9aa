import { costOf, FLOW_TYPICAL_STEPS, stiffBytes, stiffStepFlops } from '../../experiment/cost';
import { defineLab } from '../../experiment/lab-core';
import { presetsFromRows } from '../lab-presets';
import { FD_DEFAULT_PRESET, FD_PRESET_ROWS } from './presets';
import { armEtas, type FlowVsDescentSpec, flowVsDescentCrossIssues, flowVsDescentSpecSchema, MNIST_WIDTHS, paramCount } from './schema';

/**
 * Work and memory of a run: every GD arm's T / eta iterates and the flow's steps (with the error ODE beside it), a
 * Hessian spectrum (n HVPs and an n^3 eigensolve) at every stamp; the stamps kept for the flow and every arm.
 */
function flowVsDescentCost(spec: FlowVsDescentSpec) {
  const o = spec.objective;
  const n = paramCount(o);
  const samples = o.family === 'mnist' ? o.images : o.family === 'fc' ? o.data.count : 1;
  const grad = o.family === 'quadratic' ? 2 * n : o.family === 'ab' ? 60 : 2 * samples * n + (o.family === 'dln' ? 4 * n * o.widths.length : 0);
  const arms = armEtas(spec);
  const iterates = arms.reduce((s, e) => s + spec.horizon / e, 0);
  const stiff = spec.solver.method !== 'dopri5';
  const odeN = spec.errorOde ? 2 * n : n;
  const flowStep = stiff ? stiffStepFlops(odeN, grad) : 7 * grad * (spec.errorOde ? 2 : 1);
  // The flow's steps: about the horizon over the largest GD step (GD's own stability scale; the adaptive solver takes
  // fewer on smooth stretches: 27 steps for FD-MN-live's t = 1 at eta0 = 1e-3), never more than a typical stiff run.
  const flowSteps = Math.min(FLOW_TYPICAL_STEPS, Math.max(200, spec.horizon / Math.max(...arms)));
  const spectra = spec.spectrum ? spec.stamps * (arms.length + 1) * (n * grad + 4 * n * n * n) : 0;
  const dataBytes = o.family === 'mnist' ? 8 * o.images * (MNIST_WIDTHS[0] + 10) : 8 * samples * 4;
  return costOf({
    n,
    flopsPerStep: grad,
    steps: iterates,
    setupFlops: flowSteps * flowStep + spectra,
    recordRows: spec.stamps,
    recordWidth: (arms.length + 1) * (n + 8),
    runs: 1,
    extraBytes: dataBytes + (stiff ? stiffBytes(odeN) : 0) + (spec.spectrum ? 3 * 8 * n * n : 0),
    memoryField: (arms.length + 1) * n * spec.stamps > 1e7 ? 'stamps' : 'objective.widths',
    workField: 'horizon',
  });
}

/** Paper 001: how far gradient descent strays from gradient flow, and why (docs/labs/flow-vs-descent.md). */
export const flowVsDescentCore = defineLab({
  id: 'flow-vs-descent',
  schema: flowVsDescentSpecSchema,
  crossIssues: flowVsDescentCrossIssues,
  cost: flowVsDescentCost,
  presets: presetsFromRows(FD_PRESET_ROWS),
  defaultPresetId: FD_DEFAULT_PRESET,
  runtime: () => import('./runtime').then((m) => m.flowVsDescentRuntime),
});
