/**
 * How the escape-time sweep's measured times stand to the laws (docs/labs/saddles.md Sec. 7.9). The laws give how
 * t_esc scales with delta; their constant is not the sweep's: the sweep stops at L <= 0.99 L(0), the law counts the
 * time for the norm to grow from delta to O(1), and a start w0 must first turn towards u*. So for Lh = 2 the
 * measured times sit a delta-independent time above or below the law (same slope in ln(1/delta)); for Lh > 2 they
 * approach the w0 prediction T_blow(w0)/delta^(Lh-2) as delta -> 0 (their difference settles to a constant), so their
 * ratio to it tends to 1. The note under the plot says which, with these numbers.
 */
export interface EscapeFit {
  /** Lh = 2: measured slope of t_esc against ln(1/delta), and the law's 1/(2N*). Lh > 2: null. */
  slope: { measured: number; law: number } | null;
  /** Lh = 2: mean of (measured - law); Lh > 2: mean of measured / law. */
  offset: number;
  /** The same against the prediction from w0. */
  offsetW0: number;
  /** Lh > 2: the smallest and largest measured / law and measured / w0 prediction over the sweep. */
  ratios: { law: [number, number]; w0: [number, number] } | null;
}

export function escapeFit(x: ArrayLike<number>, measured: ArrayLike<number>, law: ArrayLike<number>, w0: ArrayLike<number>, Lh: number, Nstar: number): EscapeFit | null {
  const n = measured.length;
  if (n < 2 || law.length !== n) return null;
  const mean = (f: (i: number) => number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += f(i);
    return s / n;
  };
  const range = (f: (i: number) => number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, f(i));
      hi = Math.max(hi, f(i));
    }
    return [lo, hi];
  };
  if (Lh !== 2) {
    const ratios = { law: range((i) => measured[i] / law[i]), w0: range((i) => measured[i] / w0[i]) };
    return { slope: null, offset: mean((i) => measured[i] / law[i]), offsetW0: mean((i) => measured[i] / w0[i]), ratios };
  }
  const mx = mean((i) => x[i]);
  const my = mean((i) => measured[i]);
  const sxy = mean((i) => (x[i] - mx) * (measured[i] - my));
  const sxx = mean((i) => (x[i] - mx) ** 2);
  return { slope: { measured: sxy / sxx, law: 1 / (2 * Nstar) }, offset: mean((i) => measured[i] - law[i]), offsetW0: mean((i) => measured[i] - w0[i]), ratios: null };
}
