// The GD loop the Saddles kernel benchmarks time, in Node (bench/saddles-kernels.ts) and in a browser worker
// (bench/browser-saddles-worker.ts): the engine's own integrator on a preset's problem from its start.
import type { FeedForward } from '../src/engine/homogeneous/ff';
import type { SaddlesProblem } from '../src/engine/homogeneous/problem';
import { buildIntegrator } from '../src/experiment/lab-run';
import { findPreset } from '../src/experiment/presets';
import type { Spec } from '../src/experiment/schema';
import { buildSaddles } from '../src/labs/saddles/build';
import type { SaddlesSpec } from '../src/labs/saddles/schema';
import { parseSpec } from '../src/experiment/validate';

export function gdFigure(id: string) {
  const parsed = parseSpec(findPreset(id)!.spec);
  if (!parsed.ok || !('optim' in parsed.spec)) throw new Error(`${id} is not a valid preset with an optimiser`);
  const spec = parsed.spec as Spec & { optim: Parameters<typeof buildIntegrator>[0] };
  const { problem, theta0 } = buildSaddles(spec as SaddlesSpec);
  const model = (problem as SaddlesProblem).analysis.model;
  if (!('dims' in model)) throw new Error(`${id} is not a feed-forward net`);
  return { spec, problem, theta0, model: model as FeedForward };
}

/** `steps` GD steps from the start; seconds by the given clock, and the final loss and sum of the parameters. */
export function runGdSteps(s: ReturnType<typeof gdFigure>, steps: number, clock: () => number): { seconds: number; loss: number; sum: number } {
  const gd = buildIntegrator(s.spec.optim, s.problem, s.theta0);
  const t0 = clock();
  for (let k = 0; k < steps; k++) gd.step(Number.POSITIVE_INFINITY);
  const seconds = clock() - t0;
  let sum = 0;
  for (let i = 0; i < gd.theta.length; i++) sum += gd.theta[i];
  return { seconds, loss: gd.loss, sum };
}
