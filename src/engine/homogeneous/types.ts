import type { ParamBlock } from '../core/problem';

export type LossKind = 'sq-sum' | 'mse-mean';

/**
 * A group of parameters the lab tracks as one "neuron": a hidden neuron's incoming row and outgoing column
 * (feed-forward nets), or one coordinate (toys). in/out are parameter indices; for the rescaling symmetry
 * in -> c in, out -> c^-p out, the conserved quantity is ||in||^2 - p ||out||^2 (docs/labs/saddles.md Sec. 3.4).
 */
export interface Unit {
  label: string;
  layer: number;
  index: number;
  inIdx: Int32Array;
  outIdx: Int32Array;
}

/** A positively homogeneous model with its loss and Neural Correlation Function (paper 003, Eqs. 1 and 3). */
export interface HomogeneousModel {
  readonly n: number;
  /** Degree of homogeneity: H(x; c w) = c^Lh H(x; w). */
  readonly Lh: number;
  /** Activation power (1 for the toys); the exponent in the conserved quantities. */
  readonly p: number;
  readonly blocks: readonly ParamBlock[];
  readonly nPoints: number;
  readonly y: Float64Array;
  /** ytilde = -l'(0, y): 2y for sq-sum, 2y/n for mse-mean. */
  readonly ytilde: Float64Array;
  readonly lossKind: LossKind;
  /** Hidden neurons (feed-forward) or coordinates (toys). */
  readonly units: readonly Unit[];
  /** True when the units carry a rescaling symmetry (hidden neurons): the c_(l,j) are conserved by GF. */
  readonly hasConservation: boolean;
  /** Network outputs H(x_i; w) for every data point. */
  outputs(theta: Float64Array, out: Float64Array): void;
  loss(theta: Float64Array): number;
  grad(theta: Float64Array, g: Float64Array): number;
  /** Writes grad N(u) into g and returns N(u) = ytilde^T H(X; u). */
  ncfGrad(u: Float64Array, g: Float64Array): number;
  /** Gradient of the output of one data point, d H(x_i; w) / d w. */
  outputGrad(theta: Float64Array, i: number, g: Float64Array): number;
}

export function lossScale(kind: LossKind, nPoints: number): number {
  return kind === 'mse-mean' ? 1 / nPoints : 1;
}
