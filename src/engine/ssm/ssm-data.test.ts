import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { gramOfRows } from './ssm-data';

/** The Gram matrix as docs/labs/poisoning.md Sec. 2.2 writes it: every entry summed over the rows in order. */
function fullGram(rows: number[][], kappa: number): Float64Array {
  const G = new Float64Array(kappa * kappa);
  for (const x of rows) for (let k = 0; k < kappa; k++) for (let m = 0; m < kappa; m++) G[k * kappa + m] += (x[kappa - 1 - k] * x[kappa - 1 - m]) / rows.length;
  return G;
}

describe('gramOfRows', () => {
  it('is bit for bit the full double sum (symmetric by construction), with zeros and signs mixed in', () => {
    const rng = new Rng(7);
    for (const [kappa, count] of [
      [1, 1],
      [5, 3],
      [16, 40],
      [64, 97],
    ]) {
      const rows = Array.from({ length: count }, () => Array.from({ length: kappa }, () => (rng.rand() < 0.3 ? 0 : rng.gauss() * 10 ** Math.floor(6 * rng.rand() - 3))));
      const G = gramOfRows(rows, kappa);
      const ref = fullGram(rows, kappa);
      for (let i = 0; i < G.length; i++) expect(Object.is(G[i], ref[i]), `kappa ${kappa}, entry ${i}: ${G[i]} vs ${ref[i]}`).toBe(true);
    }
  });
});
