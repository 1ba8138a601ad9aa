/**
 * What the deep linear net and the FC net share: widths d_0 .. d_n, layers numbered j = 1..depth as in the paper,
 * and theta holding W_1 first, then W_2, ..., each W_j (d_j x d_{j-1}) row-major.
 */
export abstract class LayeredNet {
  readonly n: number;
  /** 0 is the infimum of the loss when the target can be fit; otherwise plots show f itself. */
  readonly minLoss = 0;
  readonly depth: number;
  readonly widths: readonly number[];
  /** off[j] = start of W_j in theta, j = 1..depth (off[depth + 1] = n). */
  readonly off: Int32Array;

  /** `what` names the net in the error for fewer than two widths ("a deep linear net"). */
  constructor(widths: readonly number[], what: string) {
    if (widths.length < 2) throw new RangeError(`${what} needs at least one layer`);
    this.widths = widths.slice();
    this.depth = widths.length - 1;
    this.off = new Int32Array(this.depth + 2);
    for (let j = 1; j <= this.depth; j++) this.off[j + 1] = this.off[j] + widths[j] * widths[j - 1];
    this.n = this.off[this.depth + 1];
  }
}
