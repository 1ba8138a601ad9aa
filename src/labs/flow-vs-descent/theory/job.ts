import { DeepLinearNet } from '../../../engine/flow-descent/dln';
import { type FlowTrace, flowTrace } from './flow-trace';
import { flowPointAt, type RescaleRow, rescaleRow } from './rescale';
import { type DlnObjective, dlnTheorySetup } from './setup';

/**
 * The Theory page's heavy work as one pool job (a flow with an exact Hessian spectrum at every sample costs
 * 40-200 ms even for DLN-3, beyond the page thread's 50 ms budget): register as `jobs: { theory: fdTheoryJob }`.
 * 'flow': the sampled flow, the times it reaches the targets, GD's step count, and the rescaling table at one flow
 * time; 'rescale': one row of that table for the slider (docs/labs/flow-vs-descent.md Sec. 5.2, 7 item 8).
 */
export type FdTheoryJob =
  | {
      kind: 'flow';
      objective: DlnObjective;
      horizon: number;
      samples: number;
      /** f - min f levels whose first crossing time is wanted. */
      targets: number[];
      /** GD at this step size counts its steps until f - min f <= gdTarget. */
      gdEta: number;
      gdTarget: number;
      rescaleTime: number;
      factors: number[];
    }
  | { kind: 'rescale'; objective: DlnObjective; theta: Float64Array; a: number };

export interface FdTheoryFlowResult {
  kind: 'flow';
  trace: FlowTrace;
  /** GD steps to gdTarget, or why it did not get there. */
  gd: { steps: number } | { failed: string };
  rescale: { theta: Float64Array; rows: RescaleRow[] } | { error: string };
  ms: number;
}

export type FdTheoryResult = FdTheoryFlowResult | { kind: 'rescale'; row: RescaleRow | null; error?: string };

/** Search for crossings of the targets past the horizon up to this time (Prop. 14's t_bar can be far larger; the flow is far faster). */
const T_CAP = 1e4;
const GD_MAX_STEPS = 200_000;

export function fdTheoryJob(job: FdTheoryJob): FdTheoryResult {
  const net = new DeepLinearNet(job.objective.widths, job.objective.lam);
  if (job.kind === 'rescale') {
    try {
      return { kind: 'rescale', row: rescaleRow(net, job.theta, job.a) };
    } catch (err) {
      return { kind: 'rescale', row: null, error: String(err) };
    }
  }
  const t0 = performance.now();
  const { theta0 } = dlnTheorySetup(job.objective);
  const trace = flowTrace(net, theta0, { horizon: job.horizon, samples: job.samples, targets: job.targets, tCap: T_CAP });
  let rescale: FdTheoryFlowResult['rescale'];
  try {
    const theta = flowPointAt(net, theta0, job.rescaleTime);
    rescale = { theta, rows: job.factors.map((a) => rescaleRow(net, theta, a)) };
  } catch (err) {
    rescale = { error: err instanceof Error ? err.message : String(err) };
  }
  return { kind: 'flow', trace, gd: gdSteps(net, theta0, job.gdEta, job.gdTarget), rescale, ms: performance.now() - t0 };
}

/** Plain GD from theta0 until f - min f <= target (Sec. 4 divergence rules), counting steps. */
export function gdSteps(net: DeepLinearNet, theta0: Float64Array, eta: number, target: number): { steps: number } | { failed: string } {
  const theta = Float64Array.from(theta0);
  const g = new Float64Array(net.n);
  const f0 = net.grad(theta, g);
  for (let k = 0; k <= GD_MAX_STEPS; k++) {
    const f = k === 0 ? f0 : net.grad(theta, g);
    if (f <= target) return { steps: k };
    if (!Number.isFinite(f) || f > 1e6 * f0) return { failed: `diverged after ${k} steps` };
    for (let i = 0; i < theta.length; i++) theta[i] -= eta * g[i];
  }
  return { failed: `not within ${GD_MAX_STEPS} steps` };
}
