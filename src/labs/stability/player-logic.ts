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

/**
 * At most `max` intervals covering `runs` (sorted, disjoint x-intervals inside [lo, hi]) for drawing: the runs
 * themselves when few enough, else the runs merged on a grid of 2 max equal cells (a cell is shaded when a run
 * touches it). A chaotic orbit flips thousands of times; one shaded rectangle per flip is invisible at plot
 * resolution and costs the page's thread a DOM element each.
 */
export function boundedRuns(runs: [number, number][], lo: number, hi: number, max: number): [number, number][] {
  if (runs.length <= max || !(hi > lo)) return runs;
  const cells = 2 * max;
  const w = (hi - lo) / cells;
  const shaded = new Uint8Array(cells);
  const cell = (x: number) => Math.max(0, Math.min(cells - 1, Math.floor((x - lo) / w)));
  for (const [from, to] of runs) for (let k = cell(from); k <= cell(to); k++) shaded[k] = 1;
  const out: [number, number][] = [];
  for (let k = 0; k < cells; k++) {
    if (!shaded[k]) continue;
    let j = k;
    while (j + 1 < cells && shaded[j + 1]) j++;
    out.push([lo + k * w, lo + (j + 1) * w]);
    k = j;
  }
  return out;
}
