import { type RecordBatch, recordCapacity } from '../engine/core/recorder';

/**
 * Growable columnar buffers of one run's snapshots; plots read the columns in place (no copies). Within the same budget
 * as the worker's recorder (a parameter takes two columns here, its value and its size): when full, every other row is
 * dropped (the first stays), so a long run's page holds a bounded, evenly thinned history.
 */
export class SeriesBuffers {
  count = 0;
  /** How many times the rows were thinned: a row index names the same snapshot until this changes. */
  thinned = 0;
  readonly capacity: number;
  t = new Float64Array(256);
  step = new Float64Array(256);
  loss = new Float64Array(256);
  /** One column per metric name. */
  metrics: Float64Array[] = [];
  /** One column per parameter (theta index), and its absolute value (for log-scale plots). */
  params: Float64Array[] = [];
  absParams: Float64Array[] = [];

  constructor(
    readonly metricNames: string[],
    readonly nParams: number,
  ) {
    this.capacity = recordCapacity(metricNames.length + 2 * nParams);
    const rows = Math.min(256, this.capacity);
    [this.t, this.step, this.loss] = [new Float64Array(rows), new Float64Array(rows), new Float64Array(rows)];
    this.metrics = metricNames.map(() => new Float64Array(rows));
    this.params = Array.from({ length: nParams }, () => new Float64Array(rows));
    this.absParams = Array.from({ length: nParams }, () => new Float64Array(rows));
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
  }

  /** Keeps rows 0, 2, 4, ... of every column. */
  private thin(): void {
    const cols = [this.t, this.step, this.loss, ...this.metrics, ...this.params, ...this.absParams];
    let k = 0;
    for (let i = 0; i < this.count; i += 2, k++) for (const c of cols) c[k] = c[i];
    this.count = k;
    this.thinned++;
  }

  private grow(cap: number): void {
    const g = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.t = g(this.t);
    this.step = g(this.step);
    this.loss = g(this.loss);
    this.metrics = this.metrics.map(g);
    this.params = this.params.map(g);
    this.absParams = this.absParams.map(g);
  }
}
