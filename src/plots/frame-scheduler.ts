/**
 * Coalesces each plot's redraw requests into one per animation frame (a full redraw request wins over an
 * overlay-only one made in the same frame), and shares a per-frame budget among all plots of the page: while runs
 * stream, every plot asks for a full redraw at every frame, and drawing them all in one task made it exceed 50 ms.
 * Overlay-only redraws (the hover cursor) are cheap and always run; full redraws run first come, first served until
 * FRAME_BUDGET_MS is spent, and the rest go first in the next frame, so each plot is redrawn within a few frames.
 */
type Raf = (cb: () => void) => number;

const raf: Raf = typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(cb, 16) as unknown as number;
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Milliseconds of full redraws started in one frame (at least one always runs). */
export const FRAME_BUDGET_MS = 8;

/** Plots with a redraw pending, in the order they asked. */
const queue: FrameScheduler[] = [];
let frame: number | null = null;

function pump(): void {
  frame = null;
  const t0 = now();
  let fullDone = 0;
  const waiting = queue.splice(0);
  for (const s of waiting) {
    if (!s.isQueued()) continue; // cancelled by an earlier redraw of this frame
    if (s.wantsFull() && fullDone > 0 && now() - t0 > FRAME_BUDGET_MS) {
      queue.push(s);
      continue;
    }
    if (s.wantsFull()) fullDone++;
    s.runPending();
  }
  if (queue.length) frame = raf(pump);
}

export class FrameScheduler {
  private queued = false;
  private full = false;

  constructor(private readonly run: (full: boolean) => void) {}

  request(full: boolean): void {
    this.full ||= full;
    if (this.queued) return;
    this.queued = true;
    queue.push(this);
    frame ??= raf(pump);
  }

  /** Runs a full redraw now and drops anything pending (used when layout changed before paint). */
  flush(): void {
    this.cancel();
    this.run(true);
  }

  cancel(): void {
    const i = queue.indexOf(this);
    if (i >= 0) queue.splice(i, 1);
    this.queued = false;
    this.full = false;
  }

  /** @internal the page-wide pump's view of this plot */
  isQueued(): boolean {
    return this.queued;
  }

  /** @internal */
  wantsFull(): boolean {
    return this.full;
  }

  /** @internal runs the pending redraw (called by the pump) */
  runPending(): void {
    this.queued = false;
    const f = this.full;
    this.full = false;
    this.run(f);
  }
}
