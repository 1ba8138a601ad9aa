import type { FinalState } from '../src/engine/core/run';
import { buildRun, loadRuntime, prepareRun } from '../src/experiment/build-run';
import { isLabId } from '../src/experiment/schema';
import { formatIssues, parseSpec } from '../src/experiment/validate';

export type SweepResult = { ok: true; final: FinalState; ms: number } | { ok: false; message: string };

/** A chunk of specs in one message: short runs cost less than a message round trip each. */
export async function runSpecsToFinal(specs: unknown[]): Promise<SweepResult[]> {
  const out: SweepResult[] = [];
  for (const spec of specs) out.push(await runSpecToFinal(spec));
  return out;
}

/** Validates and runs one spec to its stop rule (no streaming): the unit of work of a sweep. */
export async function runSpecToFinal(spec: unknown): Promise<SweepResult> {
  const parsed = parseSpec(spec);
  if (!parsed.ok) return { ok: false, message: formatIssues(parsed.issues) };
  try {
    await prepareRun(parsed.spec);
    // timed from here: loading the lab's runtime is not the run's
    const t0 = performance.now();
    const final = buildRun(parsed.spec).runToEnd();
    return { ok: true, final, ms: performance.now() - t0 };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** One of a lab's named jobs (LabRuntime.jobs), e.g. Stability's scalar GD runs or Saddles' KKT search. */
export async function runJob(lab: string, name: string, args: unknown[]): Promise<unknown> {
  const job = isLabId(lab) ? (await loadRuntime(lab)).jobs?.[name] : undefined;
  if (!job) throw new Error(`lab "${lab}" has no job "${name}"`);
  return job(...args);
}

/** A chunk of one job, one argument each (a job may be asynchronous, e.g. it loads a dataset first). */
export function runJobs(lab: string, name: string, payloads: unknown[]): Promise<unknown[]> {
  return Promise.all(payloads.map((p) => runJob(lab, name, [p])));
}
