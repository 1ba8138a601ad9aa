// Dopri5 has no dense output: event times (escape, half-drop) and states between steps come from re-integrating one step.
import type { Problem } from './problem';
import { GradientFlow, type FlowMethod } from './integrators/flow';

/**
 * A gradient-flow solution that keeps every accepted step (t, theta), so that the state at any earlier time, and
 * the first time a scalar function of the state crosses a level, can be recovered to the solver's tolerance by
 * integrating afresh from the last recorded step before it (bisection on the crossing time).
 */
export class FlowPath {
  readonly ts: number[] = [0];
  readonly thetas: Float64Array[];
  private readonly flow: GradientFlow;

  constructor(
    private readonly problem: Problem,
    theta0: Float64Array,
    private readonly rtol: number,
    private readonly atol: number,
    private readonly method: FlowMethod = 'dopri5',
  ) {
    this.thetas = [Float64Array.from(theta0)];
    this.flow = new GradientFlow(problem, theta0, method, rtol, atol);
  }

  get t(): number {
    return this.flow.t;
  }

  get theta(): Float64Array {
    return this.flow.theta;
  }

  /** Steps on to tEnd, or until stop(theta) holds after a step. Throws if the solver fails. */
  advance(tEnd: number, stop?: (theta: Float64Array) => boolean): void {
    while (this.flow.t < tEnd) {
      const r = this.flow.step(tEnd);
      if (!r.ok) throw new Error(r.reason);
      this.ts.push(this.flow.t);
      this.thetas.push(Float64Array.from(this.flow.theta));
      if (stop?.(this.flow.theta)) return;
    }
  }

  /** The state at time T (0 <= T <= t), integrated from the last recorded step at or before T. */
  at(T: number): Float64Array {
    if (!(T >= 0 && T <= this.flow.t)) throw new Error(`time ${T} is outside [0, ${this.flow.t}]`);
    let i = this.ts.length - 1;
    while (this.ts[i] > T) i--;
    if (this.ts[i] === T) return Float64Array.from(this.thetas[i]);
    const f = new GradientFlow(this.problem, this.thetas[i], this.method, this.rtol, this.atol);
    const dt = T - this.ts[i];
    while (f.t < dt) {
      const r = f.step(dt);
      if (!r.ok) throw new Error(r.reason);
    }
    return Float64Array.from(f.theta);
  }

  /**
   * First time fn(theta(t)) - level changes sign from its value at t = 0, refined by bisection to relative
   * precision tol within the recorded step where it happens; NaN if it has not happened yet.
   */
  crossing(fn: (theta: Float64Array) => number, level: number, tol = 1e-14): number {
    const s0 = fn(this.thetas[0]) > level;
    let i = 1;
    while (i < this.ts.length && fn(this.thetas[i]) > level === s0) i++;
    if (i === this.ts.length) return NaN;
    let lo = this.ts[i - 1];
    let hi = this.ts[i];
    while (hi - lo > tol * hi) {
      const mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) break;
      if (fn(this.at(mid)) > level === s0) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  }
}
