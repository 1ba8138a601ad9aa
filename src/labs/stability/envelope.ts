/**
 * Min-max envelope of a long series for drawing (pure, unit-tested). A chaotic run of 2e4 recorded steps drawn point
 * by point is thousands of full-height strokes per plot, which the page's thread rasterises at every redraw; the
 * envelope keeps, for each of `buckets` equal runs of records, the records with the smallest and the largest value
 * (in their order), so the drawing looks the same at plot resolution with a fraction of the strokes.
 */
export interface Envelope {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

/** Indices of the smallest and the largest kept value among y[i0..i1) (the first of equals); -1 for both when none is kept. */
function extremes(y: ArrayLike<number>, i0: number, i1: number, keep: (v: number) => boolean): [number, number] {
  let lo = -1;
  let hi = -1;
  for (let i = i0; i < i1; i++) {
    const v = y[i];
    if (!keep(v)) continue;
    if (lo < 0 || v < y[lo]) lo = i;
    if (hi < 0 || v > y[hi]) hi = i;
  }
  return [lo, hi];
}

/** Pushes the points of one bucket, given its records [i0, i1) and the indices of its extremes (-1 when none is kept). */
type BucketEmitter = (push: (x: number, y: number) => void, i0: number, i1: number, lo: number, hi: number) => void;

/**
 * A series drawn bucket by bucket (envelope and bars alike): the n records cut into `buckets` equal runs, each run's
 * extremes handed to `emit`, which pushes at most `perBucket` points.
 */
function byBucket(y: ArrayLike<number>, n: number, buckets: number, keep: (v: number) => boolean, perBucket: number, emit: BucketEmitter): Envelope {
  const ox = new Float64Array(perBucket * buckets);
  const oy = new Float64Array(perBucket * buckets);
  let m = 0;
  const push = (px: number, py: number) => {
    ox[m] = px;
    oy[m++] = py;
  };
  for (let b = 0; b < buckets; b++) {
    const i0 = Math.floor((b * n) / buckets);
    const i1 = Math.floor(((b + 1) * n) / buckets);
    emit(push, i0, i1, ...extremes(y, i0, i1, keep));
  }
  return { x: ox, y: oy, n: m };
}

/**
 * The envelope of (x[i], y[i]), i < n, on at most 2 * buckets points (the series itself when n <= 2 * buckets).
 * Values `keep` rejects (NaN, or <= 0 on a log axis) are left out; a bucket with none leaves a gap (NaN).
 */
export function envelope(x: ArrayLike<number>, y: ArrayLike<number>, n: number, buckets: number, keep: (v: number) => boolean = Number.isFinite): Envelope {
  if (n <= 2 * buckets) return { x: Float64Array.from({ length: n }, (_, i) => x[i]), y: Float64Array.from({ length: n }, (_, i) => y[i]), n };
  return byBucket(y, n, buckets, keep, 2, (push, i0, _i1, lo, hi) => {
    if (lo < 0) return push(x[i0], NaN);
    const [p, q] = lo <= hi ? [lo, hi] : [hi, lo];
    push(x[p], y[p]);
    if (q !== p) push(x[q], y[q]);
  });
}

/**
 * Min-max bars of a long series: for each of `buckets` equal runs of records one vertical segment from the smallest
 * to the largest value (at the run's first step, or `phase` of the way through it: the series of one plot are given
 * different phases so that their bars do not hide each other), segments separated by gaps (NaN). For a rough series this draws the
 * band its values fill, as separate strokes without joins (a zigzag through the same points costs the rasteriser
 * an order of magnitude more).
 */
export function bars(x: ArrayLike<number>, y: ArrayLike<number>, n: number, buckets: number, keep: (v: number) => boolean = Number.isFinite, phase = 0): Envelope {
  return byBucket(y, n, buckets, keep, 3, (push, i0, i1, lo, hi) => {
    if (lo < 0) return;
    const at = x[i0 + Math.floor(phase * (i1 - i0 - 1))];
    push(at, y[lo]);
    if (y[hi] > y[lo]) push(at, y[hi]);
    push(at, NaN);
  });
}

/** Buckets of a smooth series' envelope, and bars of a rough (chaotic) one, whose zigzag strokes cost far more to draw. */
export const FINE_BUCKETS = 300;
export const COARSE_BUCKETS = 120;
/** A series is rough when its fine envelope travels more than this many times its range. */
const ROUGH = 12;

const positive = (v: number) => v > 0 && v < Infinity;

/**
 * What a time plot draws of a long series: its fine envelope, or min-max bars when the series is rough (a chaotic
 * orbit: the fine envelope would be a dense zigzag of full-height strokes). On a log axis roughness is measured in
 * decades and values <= 0 are left out.
 */
export function drawable(x: ArrayLike<number>, y: ArrayLike<number>, n: number, log = false, phase = 0): Envelope {
  const keep = log ? positive : Number.isFinite;
  const fine = envelope(x, y, n, FINE_BUCKETS, keep);
  const f = log ? Math.log10 : (v: number) => v;
  let tv = 0;
  let lo = Infinity;
  let hi = -Infinity;
  let prev = NaN;
  for (let k = 0; k < fine.n; k++) {
    const v = fine.y[k];
    if (!keep(v)) {
      prev = NaN;
      continue;
    }
    const w = f(v);
    lo = Math.min(lo, w);
    hi = Math.max(hi, w);
    if (!Number.isNaN(prev)) tv += Math.abs(w - prev);
    prev = w;
  }
  // bars only where each aggregates records (a short series is drawn as it is)
  return n > 2 * COARSE_BUCKETS && hi > lo && tv > ROUGH * (hi - lo) ? bars(x, y, n, COARSE_BUCKETS, keep, phase) : fine;
}
