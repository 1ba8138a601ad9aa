import type { StabilityJob, StabilityJobResult } from '../../engine/stability/jobs';
import { sharedPool } from '../../state/worker-pool';
import { stabilityCore } from './core';

/** The lab's scalar GD runs and bifurcation columns across the shared worker pool (the core's `run` job). */
export function mapStabilityJobs(
  jobs: StabilityJob[],
  onProgress?: (done: number, total: number, index: number, result: StabilityJobResult) => void,
  signal?: AbortSignal,
): Promise<StabilityJobResult[]> {
  return sharedPool().mapJobs<StabilityJob, StabilityJobResult>(stabilityCore.id, 'run', jobs, onProgress, signal);
}
