import type { Rng } from '../../core/rng';

/** Oracle 7's random start (docs/labs/stability.md): a0, b0 ~ N(0, 1) x 10^U(-2, 0.6), eta ~ U(0.01, 1), drawn in that order. */
export function drawOracle7Start(rng: Rng): { a0: number; b0: number; eta: number } {
  const s = 10 ** (-2 + 2.6 * rng.rand());
  const a0 = rng.gauss() * s;
  const b0 = rng.gauss() * s;
  return { a0, b0, eta: 0.01 + 0.99 * rng.rand() };
}

/** d standard normal draws, in order. */
export const gaussians = (rng: Rng, d: number): number[] => Array.from({ length: d }, () => rng.gauss());
