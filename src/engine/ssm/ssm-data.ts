/**
 * Gram matrix of the reversed sequences, G = (1/n) sum_i u u^T with u_k = x_{kappa-k} (docs/labs/poisoning.md Sec. 2.2):
 * position l feeds impulse index k = kappa - l, so the loss is (h - h*)^T G (h - h*) for teacher labels.
 */
export function gramOfRows(rows: number[][], kappa: number): Float64Array {
  const G = new Float64Array(kappa * kappa);
  const n = rows.length;
  // The upper triangle, then mirrored: entry (m, k) sums the same products (u_k u_m = u_m u_k exactly) in the same
  // order, so the result is bit for bit the full double loop's, in half the time.
  for (const x of rows) {
    for (let k = 0; k < kappa; k++) {
      const uk = x[kappa - 1 - k];
      if (uk === 0) continue;
      for (let m = k; m < kappa; m++) G[k * kappa + m] += (uk * x[kappa - 1 - m]) / n;
    }
  }
  for (let k = 0; k < kappa; k++) for (let m = k + 1; m < kappa; m++) G[m * kappa + k] = G[k * kappa + m];
  return G;
}

/**
 * Seeded training rows as the reference code draws them (docs/labs/poisoning.md Sec. 5.4): stream MT(seed); each row in
 * order draws N(0, 1) for its marked positions (1-based, increasing); unmarked entries are 0.
 */
export function drawRows(rng: { gauss(): number }, kappa: number, count: number, positions: number[]): number[][] {
  const sorted = [...positions].sort((a, b) => a - b);
  return Array.from({ length: count }, () => {
    const x = new Array<number>(kappa).fill(0);
    for (const p of sorted) x[p - 1] = rng.gauss();
    return x;
  });
}
