/**
 * Stability lab (paper 004) analysis: GD and gradient flow side by side from one start, GF as the real ODE
 * solution (DOPRI5) sampled at the matched times t = k eta, plus the closed form for limits; sweep grids.
 */
import { etaEffOf, type StabilitySpec } from '../../labs/stability/schema';
import { stopDefault } from '../../experiment/common';
import { gradientFlowSystem } from '../core/integrators/flow';
import { createStepper } from '../core/integrators/ode';
import { initialAB } from '../../labs/stability/build';
import { closedFormFlow, reduceToScalar, runGdScalar, StabilityModel, type ClosedFormFlow, type GdResult } from './stability';
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
  ok: boolean;
}

export interface Comparison {
  spec: StabilitySpec;
  phi: number;
  eta: number;
  /** The scalar start (the exact reduction when d > 1) and the d-dimensional start. */
  a0: number;
  b0: number;
  aVec: Float64Array;
  bVec: Float64Array;
  gd: GdResult;
  flow: ClosedFormFlow;
  gf: FlowSamples;
}

/** Runs GD (recorded) and samples the gradient flow ODE at the same times. Cheap: the model is scalar. */
export function compare(spec: StabilitySpec): Comparison {
  const { aVec, bVec, a0, b0, phi, eta } = scalarStart(spec);
  const red = { a: a0, b: b0 };
  const gd = runGdScalar(red.a, red.b, { phi, eta, lossBelow: spec.stop.lossBelow, maxSteps: spec.stop.maxSteps, record: true });
  const flow = closedFormFlow([red.a], [red.b], phi);
  return { spec, phi, eta, a0: red.a, b0: red.b, aVec, bVec, gd, flow, gf: sampleFlow(red.a, red.b, phi, eta, gd, flow) };
}

/** The scalar start of a spec (the exact reduction of Sec. 2.3 when d > 1), with its Phi and step size. */
export function scalarStart(spec: StabilitySpec) {
  const { a: aVec, b: bVec } = initialAB(spec);
  const red = spec.model.d === 1 ? { a: aVec[0], b: bVec[0] } : reduceToScalar(aVec, bVec);
  // data mode: GD with step lr on Lbar = s L + Const is GD with s lr on L (Sec. 2.1)
  return { aVec, bVec, a0: red.a, b0: red.b, phi: spec.model.phi, eta: etaEffOf(spec) };
}

/**
 * The run of the second start (ui.compare) with the experiment's eta, Phi and stop rule, recorded for the
 * landscape; null when there is none.
 */
export function compareSecond(spec: StabilitySpec): GdResult | null {
  const s = spec.ui.compare;
  if (!s) return null;
  const { phi, eta } = scalarStart(spec);
  return runGdScalar(s.a, s.b, { phi, eta, lossBelow: spec.stop.lossBelow, maxSteps: spec.stop.maxSteps, record: true });
}

function sampleFlow(a0: number, b0: number, phi: number, eta: number, gd: GdResult, flow: ClosedFormFlow): FlowSamples {
  const tr = gd.trace!;
  const n = tr.n;
  const out = { a: new Float64Array(n), b: new Float64Array(n), eps: new Float64Array(n), lam: new Float64Array(n), dist: new Float64Array(n), odeVsClosed: 0, ok: true };
  const theta0 = Float64Array.of(a0, b0);
  const st = createStepper('dopri5', gradientFlowSystem(new StabilityModel(1, phi, theta0)), 0, theta0, { rtol: 1e-12, atol: 1e-15 });
  for (let i = 0; i < n; i++) {
    const t = tr.step[i] * eta;
    let guard = 0;
    while (out.ok && st.t < t && guard++ < 100000) out.ok = st.step(t).ok;
    const a = st.y[0];
    const b = st.y[1];
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

/** A spec for one sweep job: scalar start, GD with step eta, final state only. */
export function sweepSpec(a0: number, b0: number, phi: number, eta: number, lossBelow: number, maxSteps: number): StabilitySpec {
  return {
    v: 1,
    lab: 'stability',
    seed: 0,
    model: { phi, d: 1 },
    init: { kind: 'explicit', a: [a0], b: [b0] },
    optim: { kind: 'gd', lr: eta },
    stop: { ...stopDefault, lossBelow, maxSteps },
    record: { every: 1e7, perDecade: 1 },
    ui: { gf: false, circle: false, hyperbolas: false },
  };
}

/** Small-eta law of Sec. 3.5: lam_GD_inf ~ sqrt(K0^2 exp(-2 eta I_GF) + 4 Phi^2). */
export function smallEtaLam(a0: number, b0: number, phi: number, eta: number): number {
  const f = closedFormFlow([a0], [b0], phi);
  const K0 = Math.abs(a0 * a0 - b0 * b0);
  return Math.sqrt(K0 * K0 * exp(-2 * eta * f.integralEps2) + 4 * phi * phi);
}
