import {
  BIF,
  bifJobs,
  etaSweepJobs,
  fig3Jobs,
  runGdJob,
  runStabilityJob,
  tradeoffJobs,
  type GdJob,
  type GdJobResult,
  type StabilityJob,
  type StabilityJobResult,
} from '../../engine/stability/jobs';
import { scalarStart } from './compare';
import { stabilitySpecFromRow, sweepPresetRow, type StabilitySpec, type StabilitySweepDef } from './schema';

/** The Stability lab's sweeps (lab spec Sec. 5) from its spec and sweep definitions: the jobs the pool and the CLI run. */

/** The experiment a sweep starts from: scalar start (reduced when d > 1), Phi, eta and stop rule. */
export type SweepBase = Pick<GdJob, 'a0' | 'b0' | 'phi' | 'eta' | 'lossBelow' | 'maxSteps'>;

export type SweepJob = { x: number; y?: number; job: StabilityJob };

/** The jobs of a sweep definition (a preset's, or the Sweeps panel's current settings) from an experiment. */
export function sweepJobs(def: StabilitySweepDef, base: SweepBase): SweepJob[] {
  const { a0, b0, phi, eta, lossBelow, maxSteps } = base;
  switch (def.tab) {
    case 'tradeoff':
      return tradeoffJobs(def.vary === 'eta' ? def.etas.map((e) => ({ a0, b0, eta: e })) : def.starts.map(([a, b]) => ({ a0: a, b0: b, eta })), phi, lossBelow, maxSteps);
    case 'eta':
      return etaSweepJobs(a0, b0, phi, lossBelow, def.n);
    case 'fig3':
      return fig3Jobs(def.nSigma, def.nEta);
    case 'bif':
      return bifJobs(BIF.h, def.nEta, 1, BIF.r0, def.burnIn, BIF.keep);
  }
}

/** Runs a sweep in this thread (the CLI; the page sends the same jobs to the worker pool). */
export function runSweep(def: StabilitySweepDef, base: SweepBase): (SweepJob & { result: StabilityJobResult })[] {
  return sweepJobs(def, base).map((j) => ({ ...j, result: runStabilityJob(j.job) }));
}

/** The sweep base of a stability spec: its scalar start, Phi, eta and stop rule. */
export function sweepBaseOf(spec: StabilitySpec): SweepBase {
  const { a0, b0, phi, eta } = scalarStart(spec);
  return { a0, b0, phi, eta, lossBelow: spec.stop.lossBelow, maxSteps: spec.stop.maxSteps };
}

/**
 * What the lab page reports for a spec's GD run (runGdScalar: |eps| > 1e8 divergence, period detection, the exact
 * Q ratio), for the CLI next to the shared run loop's final state. For d = 1 both are the same GD bit for bit (same
 * step, same stop rules: StabilityModel's gdStep, diverged and cycleDetector); for d > 1 this is the exact scalar
 * reduction of the run loop's d-dimensional run.
 */
export function labSummary(spec: StabilitySpec): GdJobResult {
  return runGdJob({ kind: 'gd', ...sweepBaseOf(spec) });
}

/** CLI output of a sweep preset (S-tradeoff-*, S-sweep, S-fig3, S-bif): its base experiment and every job's result. */
export function sweepPresetOutput(id: string | undefined) {
  const row = sweepPresetRow(id);
  if (!row?.sweep) return null;
  const spec = stabilitySpecFromRow(row);
  return { preset: row.id, spec, sweep: row.sweep, points: runSweep(row.sweep, sweepBaseOf(spec)).map(({ x, y, job, result }) => ({ x, y, job, result })) };
}
