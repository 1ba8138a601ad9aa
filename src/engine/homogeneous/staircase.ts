/**
 * The loss staircase of a run from small initialisation (docs/labs/saddles.md Sec. 2.5 and 4.4 of the Saddles lab): the
 * operational escape time, the plateaus and their levels. Works on recorded snapshots (t increasing).
 */

export interface Plateau {
  /** First and last snapshot of the plateau. */
  from: number;
  to: number;
  /** Loss at the plateau's midpoint snapshot (the staircase level). */
  level: number;
}

/** First snapshot with L <= 0.99 L(0), or -1 (docs/labs/saddles.md Sec. 2.5: t_esc). */
export function escapeIndex(loss: ArrayLike<number>, count: number, L0 = loss[0]): number {
  if (!(L0 > 0)) return -1;
  for (let i = 0; i < count; i++) if (loss[i] <= 0.99 * L0) return i;
  return -1;
}

/**
 * Maximal runs of snapshots where the loss changed by less than `tol` (relative) over a trailing window of
 * `window` times the elapsed time (docs/labs/saddles.md Sec. 4.4: 2 % and 1e-4). The loss is compared with the latest snapshot
 * at or before the window's start (so sparse records judge over a longer span, never a shorter one); the
 * first snapshot is never flat.
 */
export function plateaus(t: ArrayLike<number>, loss: ArrayLike<number>, count: number, window = 0.02, tol = 1e-4): Plateau[] {
  const flat = new Uint8Array(count);
  let j = 0;
  for (let i = 1; i < count; i++) {
    const start = t[i] - window * t[i];
    while (j + 1 < i && t[j + 1] <= start) j++;
    flat[i] = t[j] <= start && Math.abs(loss[i] - loss[j]) <= tol * Math.abs(loss[i]) ? 1 : 0;
  }
  const out: Plateau[] = [];
  for (let i = 0; i < count; i++) {
    if (!flat[i]) continue;
    let k = i;
    while (k + 1 < count && flat[k + 1]) k++;
    out.push({ from: i, to: k, level: loss[(i + k) >> 1] });
    i = k;
  }
  return out;
}

/**
 * The first saddle as measured: the first plateau that starts after the escape with a level below 0.9 L(0)
 * (the loss has really dropped). Null when the run has not reached one.
 */
export function firstSaddlePlateau(t: ArrayLike<number>, loss: ArrayLike<number>, count: number): Plateau | null {
  const esc = escapeIndex(loss, count);
  if (esc < 0) return null;
  return plateaus(t, loss, count).find((p) => p.from > esc && p.level < 0.9 * loss[0]) ?? null;
}
