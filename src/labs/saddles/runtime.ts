import type { LabRuntime } from '../../experiment/lab-core';
import { buildSaddles } from './build';
import { analyse, findKkt } from './jobs';
import type { SaddlesSpec } from './schema';

/** The Saddles lab's runtime (LabCore.runtime): the engine adapter and the pool jobs (KKT search, NCF analysis). */
export const saddlesRuntime: LabRuntime<SaddlesSpec> = {
  buildProblem: buildSaddles,
  jobs: { findKkt, analyse },
};
