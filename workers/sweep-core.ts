import { runStabilityJob, type StabilityJob, type StabilityJobResult } from '../src/engine/stability/jobs';
import { buildRun } from '../src/experiment/build-run';
import type { FinalState } from '../src/engine/core/run';
import { formatIssues, parseSpec } from '../src/experiment/validate';

export type SweepResult = { ok: true; final: FinalState; ms: number } | { ok: false; message: string };

/** A chunk of specs in one message: short runs cost less than a message round trip each. */
export function runSpecsToFinal(specs: unknown[]): SweepResult[] {
  return specs.map(runSpecToFinal);
}

/** Validates and runs one spec to its stop rule (no streaming): the unit of work of a sweep. */
export function runSpecToFinal(spec: unknown): SweepResult {
  const parsed = parseSpec(spec);
  if (!parsed.ok) return { ok: false, message: formatIssues(parsed.issues) };
  const t0 = performance.now();
  try {
    const final = buildRun(parsed.spec).runToEnd();
    return { ok: true, final, ms: performance.now() - t0 };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** The Stability lab's scalar GD runs and bifurcation columns (lab spec Sec. 5 protocols), a chunk per message. */
export function runStabilityMany(jobs: StabilityJob[]): StabilityJobResult[] {
  return jobs.map(runStabilityJob);
}
