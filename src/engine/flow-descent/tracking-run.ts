/**
 * The tracking as a Run of the engine's run layer: one "step" is one stamp, one snapshot is the stamp's row (its
 * columns are the metrics), and the views are the landscape paths. So the worker streams it, pause / step / resume /
 * stop work, and the CLI prints its final row like any other run's (docs/labs/flow-vs-descent.md Sec. 7).
 */
import type { Problem } from '../core/problem';
import { Run } from '../core/run';
import { assembleHessian, HessianScratch } from './hessian';
import type { Objective } from './objective';
import { Tracking, type TrackingOptions } from './tracking';

/** An objective as the engine's Problem (the Hessian assembled from n HVPs). */
export function objectiveProblem(obj: Objective, metricNames: readonly string[] = [], metrics: Problem['metrics'] = () => {}): Problem {
  const n = obj.n;
  // allocated on the first Hessian only: most runs never ask for one (and an MNIST net's would not fit)
  let scratch: HessianScratch | null = null;
  return {
    n,
    blocks: [{ name: 'theta', offset: 0, size: n }],
    loss: (theta) => obj.loss(theta) - obj.minLoss,
    grad: (theta, g) => obj.grad(theta, g) - obj.minLoss,
    hess(theta, out) {
      scratch ??= new HessianScratch(n);
      out.set(assembleHessian(obj, theta, scratch));
    },
    metricNames,
    metrics,
  };
}

/** A Run over the stamps of a tracking: it ends at the horizon, or when the flow fails or blows up. */
export function trackingRun(obj: Objective, opts: TrackingOptions): Run {
  const tracking = new Tracking(obj, opts);
  const problem: Problem = {
    ...objectiveProblem(obj, tracking.columns, (_theta, out) => out.set(tracking.row)),
    // The stamp rows carry the coordinates the plots need; the snapshots need no parameter vector.
    recordedPrefix: 0,
    views: () => tracking.paths(),
  };
  // lossBelow -1: a tracking never "converges" early; it runs to its horizon.
  return new Run(problem, tracking, { lossBelow: -1, maxSteps: opts.stamps, maxTime: opts.horizon }, { kind: 'steps', every: 1 });
}
