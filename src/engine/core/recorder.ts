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

export class Recorder {
  private t: number[] = [];
  private step: number[] = [];
  private loss: number[] = [];
  private metrics: number[] = [];
  private theta: number[] = [];
  private taken = 0;

  constructor(
    readonly nMetrics: number,
    readonly nParams: number,
  ) {}

  get count(): number {
    return this.t.length;
  }

  /** Step of the latest snapshot, -1 when there is none. */
  get lastStep(): number {
    return this.step.length ? this.step[this.step.length - 1] : -1;
  }

  push(t: number, step: number, loss: number, metrics: Float64Array, theta: Float64Array): void {
    this.t.push(t);
    this.step.push(step);
    this.loss.push(loss);
    for (let i = 0; i < metrics.length; i++) this.metrics.push(metrics[i]);
    for (let i = 0; i < theta.length; i++) this.theta.push(theta[i]);
  }

  /** The snapshots recorded since the last call (for streaming). */
  takeNew(): RecordBatch {
    const batch = this.slice(this.taken, this.count);
    this.taken = this.count;
    return batch;
  }

  /** Every snapshot, at full resolution (for the CLI's --series and exports). */
  all(): RecordBatch {
    return this.slice(0, this.count);
  }

  private slice(from: number, to: number): RecordBatch {
    const { nMetrics: m, nParams: n } = this;
    return {
      count: to - from,
      t: Float64Array.from(this.t.slice(from, to)),
      step: Float64Array.from(this.step.slice(from, to)),
      loss: Float64Array.from(this.loss.slice(from, to)),
      metrics: Float64Array.from(this.metrics.slice(from * m, to * m)),
      theta: Float64Array.from(this.theta.slice(from * n, to * n)),
    };
  }
}
