import { exp, log } from '../core/det-math';
/** Metrics of paper 000 (docs/labs/poisoning.md Sec. 2.5), on plain arrays so the UI and tests can call them too. */

/**
 * Normalised generalisation error max_{from<=k<K} |h_k - h*_k| / max_{from<=k<K} |h*_k| (Definition 1,
 * typo fixed, normalised so that the zero map scores 1).
 */
export function genError(h: ArrayLike<number>, hStar: ArrayLike<number>, K: number, from = 0): number {
  let num = 0;
  let den = 0;
  for (let k = from; k < K; k++) {
    num = Math.max(num, Math.abs(h[k] - hStar[k]));
    den = Math.max(den, Math.abs(hStar[k]));
  }
  return den > 0 ? num / den : num;
}

/** Gen_k for every window k = from+1..K: how the error grows with the length the model must extrapolate to. */
export function genCurve(h: ArrayLike<number>, hStar: ArrayLike<number>, K: number, from = 0): Float64Array {
  const out = new Float64Array(K - from);
  let num = 0;
  let den = 0;
  for (let k = from; k < K; k++) {
    num = Math.max(num, Math.abs(h[k] - hStar[k]));
    den = Math.max(den, Math.abs(hStar[k]));
    out[k - from] = den > 0 ? num / den : num;
  }
  return out;
}

/** erank = exp(entropy of |a| / sum|a|): 1 for a one-hot vector, d for all-equal entries. */
export function effectiveRank(a: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += Math.abs(a[j]);
  if (s === 0) return 0;
  let ent = 0;
  for (let j = 0; j < a.length; j++) {
    const p = Math.abs(a[j]) / s;
    if (p > 0) ent -= p * log(p);
  }
  return exp(ent);
}

/** Largest minus second-largest entry (signed), the tie the Theorem-1 initialisation nearly makes. */
export function topGap(a: ArrayLike<number>): number {
  let first = -Infinity;
  let second = -Infinity;
  for (let j = 0; j < a.length; j++) {
    const v = a[j];
    if (v > first) {
      second = first;
      first = v;
    } else if (v > second) second = v;
  }
  return a.length > 1 ? first - second : 0;
}
