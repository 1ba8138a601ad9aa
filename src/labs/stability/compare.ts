import { stopDefault } from '../../experiment/common';
import { compareScalar, type ScalarComparison } from '../../engine/stability/compare';
import { reduceToScalar, runGdScalar, type GdResult } from '../../engine/stability/stability';
import { initialAB } from './build';
import { etaEffOf, type StabilitySpec } from './schema';

/** GD and gradient flow of a stability spec side by side (the engine's scalar comparison plus the spec and its d-dimensional start). */
export interface Comparison extends ScalarComparison {
  spec: StabilitySpec;
  aVec: Float64Array;
  bVec: Float64Array;
}

export function compare(spec: StabilitySpec): Comparison {
  const { aVec, bVec, a0, b0, phi, eta } = scalarStart(spec);
  return { ...compareScalar(a0, b0, phi, eta, spec.stop.lossBelow, spec.stop.maxSteps), spec, aVec, bVec };
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
