/**
 * Stability lab (paper 004) analysis: GD and gradient flow side by side from one start, GF as the real ODE
 * solution (DOPRI5) sampled at the matched times t = k eta, plus the closed form for limits; sweep grids.
 */
import { gradientFlowSystem } from '../core/integrators/flow';
import { createStepper } from '../core/integrators/ode';
import { closedFormFlow, runGdScalar, StabilityModel, type ClosedFormFlow, type GdResult } from './stability';
import { exp, hypot, pow } from '../core/det-math';

export interface FlowSamples {
  /** GF at t = step_k * eta for each recorded GD step k (scalar reduction). */
  a: Float64Array;
  b: Float64Array;
  eps: Float64Array;
  lam: Float64Array;
  /** ||(a, b)_GD - (a, b)_GF|| at matched times. */
  dist: Float64Array;
  /** max |closed form - ODE| over the samples (a, b). */
  odeVsClosed: number;
  /**
   * Flow time up to which the samples are the ODE solution; later samples are the closed form, equal to the limit to
   * double precision (an explicit solver would otherwise need ~t steps to cross a horizon of t).
   */
  odeUntil: number;
  ok: boolean;
}

/** GD and the gradient flow from one scalar start (a0, b0): the GD run (recorded), the closed-form flow and the flow ODE at matched times. */
export interface ScalarComparison {
  phi: number;
  eta: number;
  a0: number;
  b0: number;
  gd: GdResult;
  flow: ClosedFormFlow;
  gf: FlowSamples;
}

/**
 * Runs GD (recorded: at most traceCap iterates, evenly thinned beyond, see GdOptions) and samples the gradient flow
 * ODE at the same times. Cheap per step: the model is scalar.
 */
export function compareScalar(a0: number, b0: number, phi: number, eta: number, lossBelow: number, maxSteps: number, traceCap?: number): ScalarComparison {
  const gd = runGdScalar(a0, b0, { phi, eta, lossBelow, maxSteps, record: true, traceCap });
  const flow = closedFormFlow([a0], [b0], phi);
  return { phi, eta, a0, b0, gd, flow, gf: sampleFlow(a0, b0, phi, eta, gd, flow) };
}

/** Longest flow time the ODE is integrated over (the flow has settled long before for every Phi >= 1e-2). */
const ODE_MAX_T = 1e4;

/** First time (doubling from 1) at which the closed-form flow sits on its limit to double precision, at most ODE_MAX_T. */
function settleTime(flow: ClosedFormFlow): number {
  const lim = flow.limit();
  const scale = 1 + Math.abs(lim.a[0]) + Math.abs(lim.b[0]);
  let t = 1;
  while (t < ODE_MAX_T) {
    const p = flow.at(t);
    if (Math.abs(p.a[0] - lim.a[0]) + Math.abs(p.b[0] - lim.b[0]) <= 1e-16 * scale) break;
    t *= 2;
  }
  return Math.min(t, ODE_MAX_T);
}

function sampleFlow(a0: number, b0: number, phi: number, eta: number, gd: GdResult, flow: ClosedFormFlow): FlowSamples {
  const tr = gd.trace!;
  const n = tr.n;
  const odeUntil = settleTime(flow);
  const out = { a: new Float64Array(n), b: new Float64Array(n), eps: new Float64Array(n), lam: new Float64Array(n), dist: new Float64Array(n), odeVsClosed: 0, odeUntil, ok: true };
  const theta0 = Float64Array.of(a0, b0);
  const st = createStepper('dopri5', gradientFlowSystem(new StabilityModel(1, phi, theta0)), 0, theta0, { rtol: 1e-12, atol: 1e-15 });
  for (let i = 0; i < n; i++) {
    const t = tr.step[i] * eta;
    let a: number;
    let b: number;
    if (t <= odeUntil) {
      let guard = 0;
      while (out.ok && st.t < t && guard++ < 100000) out.ok = st.step(t).ok;
      a = st.y[0];
      b = st.y[1];
    } else {
      // Past the settling time: the closed form (the limit to double precision), not ~t more solver steps.
      const c = flow.at(t);
      a = c.a[0];
      b = c.b[0];
    }
    out.a[i] = a;
    out.b[i] = b;
    out.eps[i] = a * b - phi;
    out.lam[i] = a * a + b * b;
    out.dist[i] = hypot(tr.a[i] - a, tr.b[i] - b);
    if (i % 16 === 0 || i === n - 1) {
      const c = flow.at(t);
      out.odeVsClosed = Math.max(out.odeVsClosed, Math.abs(c.a[0] - a), Math.abs(c.b[0] - b));
    }
  }
  return out;
}

export const logspace = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => pow(10, lo + ((hi - lo) * i) / Math.max(1, n - 1)));
export const linspace = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / Math.max(1, n - 1));

/** Small-eta law of Sec. 3.5: lam_GD_inf ~ sqrt(K0^2 exp(-2 eta I_GF) + 4 Phi^2). */
export function smallEtaLam(a0: number, b0: number, phi: number, eta: number): number {
  const f = closedFormFlow([a0], [b0], phi);
  const K0 = Math.abs(a0 * a0 - b0 * b0);
  return Math.sqrt(K0 * K0 * exp(-2 * eta * f.integralEps2) + 4 * phi * phi);
}
