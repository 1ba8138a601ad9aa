import { type RecordBatch, recordCapacity } from '../engine/core/recorder';

/**
 * Doubles of fresh memory a block may take at once (1 MB). Memory a page writes for the first time costs page faults:
 * about 3 ms a megabyte on this project's 2-core machines (measured), so E-1B's 5,200 columns doubling to 512 rows
 * (21 MB) took one 70 ms task. The first block stays within this (at least 16 rows), and the next block is written a
 * slice per append.
 */
const FRESH_DOUBLES = 1 << 17;

/**
 * Growable columnar buffers of one run's snapshots; plots read the columns in place (no copies). Within the same budget
 * as the worker's recorder (a parameter takes two columns here, its value and its size): when full, every other row is
 * dropped (the first stays), so a long run's page holds a bounded, evenly thinned history.
 *
 * Every column is carved from one block. The block the rows grow into next is allocated early and written a slice
 * at each append, in proportion to the rows still free, so that growing copies into memory already in place; while it
 * is held the page keeps up to 1.5 times the recorder's budget, and settle() lets it go when the run ends.
 */
export class SeriesBuffers {
  count = 0;
  /** How many times the rows were thinned: a row index names the same snapshot until this changes. */
  thinned = 0;
  readonly capacity: number;
  t!: Float64Array;
  step!: Float64Array;
  loss!: Float64Array;
  /** One column per metric name. */
  metrics: Float64Array[] = [];
  /** One column per parameter (theta index), and its absolute value (for log-scale plots). */
  params: Float64Array[] = [];
  absParams: Float64Array[] = [];
  /** Columns of a row: t, step, loss, the metrics, the parameters, their absolute values. */
  private readonly width: number;
  /** The block of the next growth, and how much of it has been written. */
  private next: Float64Array | null = null;
  private warmed = 0;

  constructor(
    readonly metricNames: string[],
    readonly nParams: number,
  ) {
    this.width = 3 + metricNames.length + 2 * nParams;
    this.capacity = recordCapacity(metricNames.length + 2 * nParams);
    const rows = Math.min(this.capacity, Math.max(16, Math.min(256, Math.floor(FRESH_DOUBLES / this.width))));
    this.carve(new Float64Array(this.width * rows), rows);
  }

  metric(name: string): Float64Array {
    const i = this.metricNames.indexOf(name);
    if (i < 0) throw new Error(`unknown metric ${name}`);
    return this.metrics[i];
  }

  append(batch: RecordBatch): void {
    const m = this.metricNames.length;
    const n = this.nParams;
    for (let r = 0; r < batch.count; r++) {
      if (this.count === this.capacity) this.thin();
      if (this.count === this.t.length) this.grow(Math.min(this.capacity, this.t.length * 2));
      const i = this.count++;
      this.t[i] = batch.t[r];
      this.step[i] = batch.step[r];
      this.loss[i] = batch.loss[r];
      for (let k = 0; k < m; k++) this.metrics[k][i] = batch.metrics[r * m + k];
      for (let k = 0; k < n; k++) {
        const v = batch.theta[r * n + k];
        this.params[k][i] = v;
        this.absParams[k][i] = Math.abs(v);
      }
    }
    this.warmNext(batch.count);
  }

  /** Lets go of the block written for a growth that will not come (the run has ended). */
  settle(): void {
    this.next = null;
    this.warmed = 0;
  }

  /** Every column, in block order. */
  private columns(): Float64Array[] {
    return [this.t, this.step, this.loss, ...this.metrics, ...this.params, ...this.absParams];
  }

  /** Lays the columns of `rows` rows out over a block. */
  private carve(block: Float64Array, rows: number): void {
    const cols = Array.from({ length: this.width }, (_, k) => block.subarray(k * rows, (k + 1) * rows));
    const m = this.metricNames.length;
    [this.t, this.step, this.loss] = cols;
    this.metrics = cols.slice(3, 3 + m);
    this.params = cols.slice(3 + m, 3 + m + this.nParams);
    this.absParams = cols.slice(3 + m + this.nParams);
  }

  /** Keeps rows 0, 2, 4, ... of every column (column by column: each column's rows are contiguous). */
  private thin(): void {
    const kept = Math.ceil(this.count / 2);
    for (const c of this.columns()) for (let k = 0; k < kept; k++) c[k] = c[2 * k];
    this.count = kept;
    this.thinned++;
  }

  /** Writes a slice of the next growth's block: the rest of it in proportion to the rows this append took. */
  private warmNext(added: number): void {
    const rows = this.t.length;
    if (rows >= this.capacity) return;
    const size = this.width * Math.min(this.capacity, 2 * rows);
    if (this.next?.length !== size) {
      this.next = new Float64Array(size);
      this.warmed = 0;
    }
    const left = size - this.warmed;
    if (left === 0) return;
    const chunk = Math.max(FRESH_DOUBLES, Math.ceil((left * added) / Math.max(1, rows - this.count)));
    const to = Math.min(size, this.warmed + chunk);
    this.next.fill(0, this.warmed, to);
    this.warmed = to;
  }

  private grow(rows: number): void {
    const size = this.width * rows;
    const block = this.next?.length === size ? this.next : new Float64Array(size);
    this.next = null;
    this.warmed = 0;
    const old = this.columns();
    this.carve(block, rows);
    // whole columns (the rows past count too: one set() each)
    this.columns().forEach((c, k) => c.set(old[k]));
  }
}
