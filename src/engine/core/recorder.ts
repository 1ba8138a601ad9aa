/** Columnar, growable storage of snapshots; batches are handed out as fresh Float64Arrays to transfer. */
export interface RecordBatch {
  count: number;
  t: Float64Array;
  step: Float64Array;
  loss: Float64Array;
  /** count x metricNames.length, row-major. */
  metrics: Float64Array;
  /** count x n parameters, row-major. */
  theta: Float64Array;
}

/** A run keeps at most this many snapshots... */
export const RECORD_MAX_ROWS = 20_000;
/** ...and at most this many bytes of them, however many parameters a snapshot holds. */
export const RECORD_MAX_BYTES = 32e6;

/** Snapshots a recorder of rows of `width` numbers (besides t, step and loss) keeps at most: even, and at least 16. */
export function recordCapacity(width: number, maxRows = RECORD_MAX_ROWS, maxBytes = RECORD_MAX_BYTES): number {
  const rows = Math.min(maxRows, Math.floor(maxBytes / (8 * (3 + width))));
  return Math.max(16, rows - (rows % 2));
}

/**
 * The snapshots of one run, within a fixed budget whatever the record rule asks: once `capacity` snapshots are kept,
 * every other one is dropped (the first stays) and push() reports it, so the run halves its recording rate. The
 * kept snapshots stay evenly spread over the whole run, from its first point to its last.
 */
export class Recorder {
  readonly capacity: number;
  private cols: { t: Float64Array; step: Float64Array; loss: Float64Array; metrics: Float64Array; theta: Float64Array };
  private n = 0;
  private taken = 0;

  constructor(
    readonly nMetrics: number,
    readonly nParams: number,
    maxRows = RECORD_MAX_ROWS,
    maxBytes = RECORD_MAX_BYTES,
  ) {
    this.capacity = recordCapacity(nMetrics + nParams, maxRows, maxBytes);
    this.cols = this.alloc(Math.min(this.capacity, 256));
  }

  get count(): number {
    return this.n;
  }

  /** Bytes the kept snapshots take. */
  get bytes(): number {
    return 8 * this.n * (3 + this.nMetrics + this.nParams);
  }

  /** Step of the latest snapshot, -1 when there is none. */
  get lastStep(): number {
    return this.n ? this.cols.step[this.n - 1] : -1;
  }

  /** Keeps a snapshot; true when the recorder was full and dropped every other snapshot first. */
  push(t: number, step: number, loss: number, metrics: Float64Array, theta: Float64Array): boolean {
    let thinned = false;
    if (this.n === this.capacity) {
      this.thin();
      thinned = true;
    }
    if (this.n === this.cols.t.length) this.grow();
    const { nMetrics: m, nParams: p, n: i, cols } = this;
    cols.t[i] = t;
    cols.step[i] = step;
    cols.loss[i] = loss;
    cols.metrics.set(metrics.subarray(0, m), i * m);
    cols.theta.set(theta.subarray(0, p), i * p);
    this.n++;
    return thinned;
  }

  /** The snapshots recorded since the last call (for streaming). */
  takeNew(): RecordBatch {
    const batch = this.slice(this.taken, this.n);
    this.taken = this.n;
    return batch;
  }

  /** Every kept snapshot (for the CLI's --series and exports). */
  all(): RecordBatch {
    return this.slice(0, this.n);
  }

  /** Keeps snapshots 0, 2, 4, ...: half of them, evenly spread, the first included. */
  private thin(): void {
    const { nMetrics: m, nParams: p, cols } = this;
    let k = 0;
    for (let i = 0; i < this.n; i += 2, k++) {
      cols.t[k] = cols.t[i];
      cols.step[k] = cols.step[i];
      cols.loss[k] = cols.loss[i];
      cols.metrics.copyWithin(k * m, i * m, (i + 1) * m);
      cols.theta.copyWithin(k * p, i * p, (i + 1) * p);
    }
    // the snapshots not yet streamed that survive are those from index ceil(taken / 2) on
    this.taken = Math.ceil(this.taken / 2);
    this.n = k;
  }

  private alloc(rows: number) {
    return {
      t: new Float64Array(rows),
      step: new Float64Array(rows),
      loss: new Float64Array(rows),
      metrics: new Float64Array(rows * this.nMetrics),
      theta: new Float64Array(rows * this.nParams),
    };
  }

  private grow(): void {
    const next = this.alloc(Math.min(this.capacity, this.cols.t.length * 2));
    const { nMetrics: m, nParams: p, n } = this;
    next.t.set(this.cols.t.subarray(0, n));
    next.step.set(this.cols.step.subarray(0, n));
    next.loss.set(this.cols.loss.subarray(0, n));
    next.metrics.set(this.cols.metrics.subarray(0, n * m));
    next.theta.set(this.cols.theta.subarray(0, n * p));
    this.cols = next;
  }

  private slice(from: number, to: number): RecordBatch {
    const { nMetrics: m, nParams: p, cols } = this;
    return {
      count: to - from,
      t: cols.t.slice(from, to),
      step: cols.step.slice(from, to),
      loss: cols.loss.slice(from, to),
      metrics: cols.metrics.slice(from * m, to * m),
      theta: cols.theta.slice(from * p, to * p),
    };
  }
}
