/**
 * Coalesces redraw requests into one callback per animation frame. A full redraw request wins
 * over an overlay-only one made in the same frame.
 */
type Raf = (cb: () => void) => number;
type Caf = (id: number) => void;

const raf: Raf = typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(cb, 16) as unknown as number;
const caf: Caf = typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

export class FrameScheduler {
  private id: number | null = null;
  private full = false;

  constructor(private readonly run: (full: boolean) => void) {}

  request(full: boolean): void {
    this.full ||= full;
    if (this.id !== null) return;
    this.id = raf(() => {
      this.id = null;
      const f = this.full;
      this.full = false;
      this.run(f);
    });
  }

  /** Runs a full redraw now and drops anything pending (used when layout changed before paint). */
  flush(): void {
    this.cancel();
    this.run(true);
  }

  cancel(): void {
    if (this.id !== null) caf(this.id);
    this.id = null;
    this.full = false;
  }
}
