/** Pure pieces of the step-through player (kept apart from React so they are tested directly). */

/** Trace indices advanced per tick at speed `speed` (ticks of 100 ms): a run of n records takes about 8 s at 1x. */
export function stepsPerTick(n: number, speed: number): number {
  return Math.max(1, Math.round((speed * n) / 80));
}

/** The next cursor of a playing animation, or null when it has reached the last record. */
export function nextCursor(cursor: number, n: number, speed: number): number | null {
  if (cursor >= n - 1) return null;
  return Math.min(n - 1, cursor + stepsPerTick(n, speed));
}

/**
 * Maximal runs of consecutive trace records whose eta |eps| exceeds `threshold`, as x-intervals in GD steps
 * [step_i - 1/2, step_j + 1/2] (steps where the imbalance flips sign: 1; where it grows: sqrt 2).
 */
export function stepRuns(step: ArrayLike<number>, eps: ArrayLike<number>, n: number, eta: number, threshold: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (!(eta * Math.abs(eps[i]) > threshold)) continue;
    let j = i;
    while (j + 1 < n && eta * Math.abs(eps[j + 1]) > threshold) j++;
    out.push([step[i] - 0.5, step[j] + 0.5]);
    i = j;
  }
  return out;
}
