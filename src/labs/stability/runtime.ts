import { runStabilityJob, type StabilityJob } from '../../engine/stability/jobs';
import type { LabRuntime } from '../../experiment/lab-core';
import { buildStability } from './build';
import { compareJob } from './compare';
import { computeBifurcation, stabilityLogLoss } from './fields';
import type { StabilitySpec } from './schema';
import { labSummary, sweepPresetOutput } from './sweeps';

/** The Stability lab's runtime (LabCore.runtime): the engine adapter, pool jobs, the landscape field, CLI extras. */
export const stabilityRuntime: LabRuntime<StabilitySpec> = {
  buildProblem: buildStability,
  // compare: the page's GD-vs-GF comparison of a spec (its own worker, workers/stability-compare.worker.ts)
  jobs: { run: (job: StabilityJob) => runStabilityJob(job), bifurcation: computeBifurcation, compare: compareJob },
  fields: { 'stability-log-loss': stabilityLogLoss },
  cliSummary: (spec) => ({ stability: labSummary(spec) }),
  cliPreset: sweepPresetOutput,
};
