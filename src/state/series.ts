import type { RecordBatch } from '../engine/core/recorder';

/** Growable columnar buffers of one run's snapshots; plots read the columns in place (no copies). */
export class SeriesBuffers {
  count = 0;
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
    this.metrics = metricNames.map(() => new Float64Array(256));
    this.params = Array.from({ length: nParams }, () => new Float64Array(256));
    this.absParams = Array.from({ length: nParams }, () => new Float64Array(256));
  }

  metric(name: string): Float64Array {
    const i = this.metricNames.indexOf(name);
    if (i < 0) throw new Error(`unknown metric ${name}`);
    return this.metrics[i];
  }

  append(batch: RecordBatch): void {
    const need = this.count + batch.count;
    if (need > this.t.length) this.grow(Math.max(need, this.t.length * 2));
    const m = this.metricNames.length;
    const n = this.nParams;
    for (let r = 0; r < batch.count; r++) {
      const i = this.count + r;
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
    this.count = need;
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
