/**
 * PyTorch's MultiStepLR, stepped after every update: update number t (1-based) uses lr gamma^#{milestones m < t}
 * (a milestone listed twice multiplies twice). With no milestones the rate is lr throughout.
 */
export class MultiStepLr {
  private readonly milestones: number[];
  private next = 0;
  /** The rate of the last update asked for (lr before the first milestone is passed). */
  current: number;

  constructor(
    lr: number,
    milestones: readonly number[] = [],
    private readonly gamma = 0.1,
  ) {
    this.milestones = [...milestones].sort((x, y) => x - y);
    this.current = lr;
  }

  get scheduled(): boolean {
    return this.milestones.length > 0;
  }

  /** The rate of update number t (1-based; t only grows). */
  at(t: number): number {
    const ms = this.milestones;
    while (this.next < ms.length && ms[this.next] < t) {
      this.current *= this.gamma;
      this.next++;
    }
    return this.current;
  }
}
