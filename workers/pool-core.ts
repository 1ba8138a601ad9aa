import type { FinalState } from '../src/engine/core/run';
import { buildRun } from '../src/experiment/build-run';
import { coreOf, isLabId } from '../src/experiment/schema';
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

/** One of a lab's named jobs (LabCore.jobs), e.g. Stability's scalar GD runs or Saddles' KKT search. */
export function runJob(lab: string, name: string, args: unknown[]): unknown {
  const job = isLabId(lab) ? (coreOf(lab) as { jobs?: Record<string, (...a: unknown[]) => unknown> }).jobs?.[name] : undefined;
  if (!job) throw new Error(`lab "${lab}" has no job "${name}"`);
  return job(...args);
}

/** A chunk of one job, one argument each. */
export function runJobs(lab: string, name: string, payloads: unknown[]): unknown[] | Promise<unknown[]> {
  const out = payloads.map((p) => runJob(lab, name, [p]));
  // a job may be asynchronous (e.g. it loads a dataset first): the chunk then resolves once all of its jobs have
  return out.some((r) => r instanceof Promise) ? Promise.all(out) : out;
}
