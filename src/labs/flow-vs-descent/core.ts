import { defineLab } from '../../experiment/lab-core';
import { buildFlowVsDescentRun, buildObjective } from './build';
import { objectiveProblem } from '../../engine/flow-descent/tracking-run';
import { flowVsDescentCliPreset, flowVsDescentRepro } from './cli';
import { FD_FIELDS } from './fields';
import { loadLiveMnist } from './mnist/live-data';
import { reproduceCard } from './reproduce';
import { sweepPoint, sweepReference } from './sweep';
import { fdTheoryJob } from './theory/job';
import { FD_DEFAULT_PRESET, FD_PRESET_ROWS } from './presets';
import { flowVsDescentCrossIssues, flowVsDescentSpecSchema, type FlowVsDescentSpec } from './schema';

/** Paper 001: how far gradient descent strays from gradient flow, and why (docs/labs/flow-vs-descent.md). */
export const flowVsDescentCore = defineLab({
  id: 'flow-vs-descent',
  schema: flowVsDescentSpecSchema,
  crossIssues: flowVsDescentCrossIssues,
  presets: FD_PRESET_ROWS.map((r) => ({ id: r.id, title: r.title, description: r.description, spec: r.spec })),
  defaultPresetId: FD_DEFAULT_PRESET,
  buildProblem: (spec: FlowVsDescentSpec) => {
    const { objective, theta0 } = buildObjective(spec);
    return { problem: objectiveProblem(objective), theta0 };
  },
  buildRun: buildFlowVsDescentRun,
  // the live MNIST mode's images load on demand, not with the app
  prepare: async (spec: FlowVsDescentSpec) => (spec.objective.family === 'mnist' ? loadLiveMnist() : undefined),
  fields: FD_FIELDS,
  cliPreset: flowVsDescentCliPreset,
  repro: flowVsDescentRepro,
  // reproduce: one Reproduce card's preset run and checked (reproduce.ts).
  // theory: the Theory page's flow trace or one rescaled point (theory/job.ts).
  // sweepReference: a spec's flow solved once, as plain data (sent with every point); sweepPoint: GD at one eta to its
  // Sec. 4 stop rule, D against that flow (sweep.ts).
  jobs: { reproduce: reproduceCard, theory: fdTheoryJob, sweepReference, sweepPoint },
});
