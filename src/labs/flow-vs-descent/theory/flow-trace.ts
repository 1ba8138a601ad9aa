import { Dopri5 } from '../../../engine/core/integrators/ode/dopri5';
import { extremeEigenvalues, HessianScratch } from '../../../engine/flow-descent/hessian';
import type { Objective } from '../../../engine/flow-descent/objective';
import { flowSystem } from '../../../engine/flow-descent/tracking';

/**
 * The gradient flow from theta0 sampled on a uniform grid of [0, horizon] with f - min f, ||grad f|| and the exact
 * Hessian's lmin / lmax (docs/labs/flow-vs-descent.md Sec. 3.3: the Thm 3 heuristic samples beta, gamma and m on the
 * path), and the first times the flow reaches f - min f <= each target (the measured side of Eq. 21). Targets not
 * reached by the horizon are searched on without spectra up to tCap.
 */
export interface FlowTrace {
  t: Float64Array;
  f: Float64Array;
  grad: Float64Array;
  lmin: Float64Array;
  lmax: Float64Array;
  /** First time f - min f <= targets[i] (dense output + bisection), or null if not by tCap. */
  reach: (number | null)[];
  /** Why the flow or an eigensolve failed (samples after it are NaN). */
  error?: string;
}

export interface FlowTraceOptions {
  horizon: number;
  /** Sample intervals over [0, horizon]. */
  samples: number;
  targets: readonly number[];
  tCap: number;
  rtol?: number;
  atol?: number;
}

export function flowTrace(obj: Objective, theta0: Float64Array, o: FlowTraceOptions): FlowTrace {
  const n = obj.n;
  const m = o.samples + 1;
  const tr: FlowTrace = {
    t: Float64Array.from({ length: m }, (_, i) => (i * o.horizon) / o.samples),
    f: new Float64Array(m).fill(Number.NaN),
    grad: new Float64Array(m).fill(Number.NaN),
    lmin: new Float64Array(m).fill(Number.NaN),
    lmax: new Float64Array(m).fill(Number.NaN),
    reach: o.targets.map(() => null),
  };
  const solver = new Dopri5(flowSystem(obj, false), 0, theta0, { rtol: o.rtol ?? 1e-10, atol: o.atol ?? 1e-12 });
  const g = new Float64Array(n);
  const y = new Float64Array(n);
  const scratch = new HessianScratch(n);
  const loss = (theta: Float64Array) => obj.loss(theta) - obj.minLoss;
  const sample = (i: number, theta: Float64Array) => {
    tr.f[i] = obj.grad(theta, g) - obj.minLoss;
    let s = 0;
    for (let k = 0; k < n; k++) s += g[k] * g[k];
    tr.grad[i] = Math.sqrt(s);
    const ev = extremeEigenvalues(obj, theta, scratch);
    tr.lmin[i] = ev.lmin;
    tr.lmax[i] = ev.lmax;
  };
  const f0 = loss(theta0);
  o.targets.forEach((eps, j) => {
    if (f0 <= eps) tr.reach[j] = 0;
  });
  try {
    sample(0, theta0);
    let next = 1;
    const pending = () => tr.reach.some((r) => r === null);
    while (next < m || (pending() && solver.t < o.tCap)) {
      const out = solver.step(next < m ? o.horizon : o.tCap);
      if (!out.ok) throw new Error(out.reason === 'non-finite' ? 'the flow produced a non-finite value' : `the ODE step size collapsed at t = ${solver.t}`);
      const fNow = loss(solver.y);
      o.targets.forEach((eps, j) => {
        if (tr.reach[j] === null && fNow <= eps) tr.reach[j] = crossing(solver, loss, y, eps);
      });
      while (next < m && tr.t[next] <= solver.t) {
        solver.dense(tr.t[next], y);
        sample(next++, y);
      }
    }
  } catch (err) {
    tr.error = err instanceof Error ? err.message : String(err);
  }
  return tr;
}

/** The time inside the solver's last step where f - min f falls to eps (f decreases along the flow): bisection on the dense output. */
function crossing(solver: Dopri5, loss: (theta: Float64Array) => number, y: Float64Array, eps: number): number {
  let lo = solver.lastStepStart;
  let hi = solver.t;
  for (let it = 0; it < 80 && hi - lo > 1e-15 * hi; it++) {
    const mid = 0.5 * (lo + hi);
    solver.dense(mid, y);
    if (loss(y) <= eps) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
