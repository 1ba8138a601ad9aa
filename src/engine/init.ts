import type { PoisoningSpec } from '../spec/schema';
import { Rng } from './rng';

/** diff(c, sd) = 0.05 exp(c log10 sd): the reference code's near-tie between the two largest entries. */
export function tieDiff(c: number, scale: number): number {
  return 0.05 * Math.exp(c * Math.log10(scale));
}

/**
 * Theorem-1 initialisation, identical to the reference: stream MT(seed), a = sort_desc(scale U[0,1)^d),
 * then overwrite a_2 := a_1 - diff (lab spec Sec. 5.3).
 */
export function uniformSortedInit(seed: number, d: number, scale: number, tieC: number): Float64Array {
  const rng = new Rng(seed);
  const a = new Float64Array(d);
  for (let j = 0; j < d; j++) a[j] = scale * rng.rand();
  a.sort().reverse();
  if (d > 1) a[1] = a[0] - tieDiff(tieC, scale);
  return a;
}

/** The initial parameter vector of a poisoning spec, laid out as the model's blocks ([a] or [a, b, c]). */
export function initialTheta(spec: PoisoningSpec): Float64Array {
  const { d, trainBC } = spec.model;
  const theta = new Float64Array(trainBC ? 3 * d : d);
  const init = spec.init;
  if (init.kind === 'explicit') {
    theta.set(init.a, 0);
    if (trainBC) {
      theta.set(init.b ?? new Array(d).fill(1), d);
      theta.set(init.c ?? new Array(d).fill(1), 2 * d);
    }
    return theta;
  }
  theta.set(uniformSortedInit(spec.seed, d, init.scale, init.tieC), 0);
  if (trainBC) theta.fill(1, d);
  return theta;
}
