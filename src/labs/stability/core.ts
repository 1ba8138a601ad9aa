import { defineLab } from '../../experiment/lab-core';
import { runStabilityJob, type StabilityJob } from '../../engine/stability/jobs';
import { buildStability } from './build';
import { computeBifurcation, stabilityLogLoss } from './fields';
import { STABILITY_DEFAULT_PRESET, STABILITY_PRESET_ROWS, stabilityCrossIssues, stabilitySpecFromRow, stabilitySpecSchema } from './schema';
import { labSummary, sweepPresetOutput } from './sweeps';
import { compareJob } from './compare';
import { presetsFromRows } from '../lab-presets';

/** Paper 004: GD with a large step finds flatter minima than gradient flow (docs/labs/stability.md). */
export const stabilityCore = defineLab({
  id: 'stability',
  schema: stabilitySpecSchema,
  crossIssues: stabilityCrossIssues,
  ...presetsFromRows(STABILITY_PRESET_ROWS, stabilitySpecFromRow, STABILITY_DEFAULT_PRESET),
  buildProblem: buildStability,
  // compare: the page's GD-vs-GF comparison of a spec (its own worker, workers/stability-compare.worker.ts)
  jobs: { run: (job: StabilityJob) => runStabilityJob(job), bifurcation: computeBifurcation, compare: compareJob },
  fields: { 'stability-log-loss': stabilityLogLoss },
  cliSummary: (spec) => ({ stability: labSummary(spec) }),
  cliPreset: sweepPresetOutput,
});
