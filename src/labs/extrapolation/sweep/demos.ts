import { atomImpulse } from '../../../engine/linear-rnn/teachers';
import { offSupportMass } from '../../../engine/linear-rnn/metrics';

/**
 * The static demonstrations of the Demos page (pure, unit-tested): the twin teachers of App. A and the balanced
 * three-atom student of Lemma 7 (lab spec Sec. 7, item 8), with the off-support mass Phi of Sec. 2.5.
 */

export interface Atoms {
  lambda: number[];
  p: number[];
}

/** T1: atoms -1/sqrt2, 1/sqrt2 with masses 1/2, 1/2; T2: atoms -1/2, 1 with masses 2/3, 1/3 (App. A). */
export const T1: Atoms = { lambda: [-Math.SQRT1_2, Math.SQRT1_2], p: [0.5, 0.5] };
export const T2: Atoms = { lambda: [-0.5, 1], p: [2 / 3, 1 / 3] };

/** h_j = sum_i p_i lambda_i^j for j < n. */
export const responseOf = (a: Atoms, n: number): number[] => Array.from(atomImpulse(a.lambda, a.p, n));

/** The first index where two responses differ by more than tol (n when they agree throughout). */
export function firstDifference(x: readonly number[], y: readonly number[], tol = 1e-12): number {
  const n = Math.min(x.length, y.length);
  for (let j = 0; j < n; j++) if (Math.abs(x[j] - y[j]) > tol) return j;
  return n;
}

/**
 * Lemma 7's balanced student against T1: atoms (-a, 0, a) with masses (q/2, 1 - q, q/2), q = 0.5 / a^2, so that
 * h_0 = 1, h_1 = h_3 = 0 and h_2 = q a^2 = 1/2 match T1 for every a >= 1/sqrt2 (q <= 1: the masses stay >= 0),
 * while h_4 = q a^4 = a^2 / 2 matches T1's 1/4 only at a = 1/sqrt2, where the student is T1. The lab spec's
 * instance is a = 0.9: q = 0.5 / 0.81, h_4 = 0.405, Phi = 0.155.
 */
export function lemma7Student(a = 0.9): Atoms & { q: number } {
  if (!(a * a >= 0.5 - 1e-15)) throw new RangeError(`the outer atom a = ${a} must be at least 1/sqrt2 (else the middle mass 1 - q is negative)`);
  const q = 0.5 / (a * a);
  return { lambda: [-a, 0, a], p: [q / 2, 1 - q, q / 2], q };
}

/** Phi of a response with respect to T1's atoms (P(z) = z^2 - 1/2): 0 for T1, >= 0 for a balanced student. */
export const phiAgainstT1 = (h: readonly number[]) => offSupportMass(h, T1.lambda);

/** sum_i p_i P(a_i)^2 term by term (the same Phi, written over the atoms). */
export function phiTerms(atoms: Atoms, roots: readonly number[]): number[] {
  return atoms.lambda.map((x, i) => {
    let P = 1;
    for (const r of roots) P *= x - r;
    return atoms.p[i] * P * P;
  });
}
