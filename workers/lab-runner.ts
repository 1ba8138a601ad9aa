import type { Run } from '../src/engine/core/run';
import type { RunSource } from '../src/experiment/lab-run';
import { formatIssues } from '../src/experiment/parse';
import type { FrameSink, RunFrame, RunnerApi } from './protocol';

/** Milliseconds of compute per slice: short enough that pause and stop feel instant (30 ms, under two frames), long enough that per-frame costs stay small. */
const SLICE_MS = 30;

/**
 * The runner behind a runner worker, kept free of worker globals so Node tests can drive it directly: specs from a
 * RunSource (every lab's, runner-core.ts; or one lab's, for a worker that bundles that lab only).
 * One run at a time; start() replaces the previous run.
 */
export class LabRunner implements RunnerApi {
  private run: Run | null = null;
  private paused = false;
  private pendingSteps = 0;
  private wake: (() => void) | null = null;
  private generation = 0;
  private requests = 0;

  constructor(
    private readonly source: RunSource,
    private readonly transfer: <T>(value: T, buffers: Transferable[]) => T = (v) => v,
  ) {}

  async start(specInput: unknown, sink: FrameSink, startPaused = false) {
    const parsed = this.source.parse(specInput);
    if (!parsed.ok) return { ok: false as const, message: formatIssues(parsed.issues) };
    let run: Run;
    // a start that arrives while this one loads its data supersedes it
    const request = ++this.requests;
    try {
      await this.source.prepare(parsed.spec);
      if (request !== this.requests) return { ok: false as const, message: 'superseded by a newer start' };
      run = this.source.build(parsed.spec);
    } catch (err) {
      return { ok: false as const, message: err instanceof Error ? err.message : String(err) };
    }
    const gen = ++this.generation;
    this.run = run;
    this.paused = startPaused;
    this.pendingSteps = 0;
    this.notify();
    void this.loop(run, gen, sink);
    return { ok: true as const };
  }

  pause() {
    this.paused = true;
  }

  resume() {
    this.paused = false;
    this.pendingSteps = 0;
    this.notify();
  }

  step(n: number) {
    this.paused = true;
    this.pendingSteps += Math.max(1, Math.floor(n));
    this.notify();
  }

  stop() {
    this.run?.stop();
    this.notify();
  }

  private notify() {
    this.wake?.();
    this.wake = null;
  }

  private async loop(run: Run, gen: number, sink: FrameSink) {
    let sentFinal = false;
    // At most one frame in flight (back-pressure), but the next slice computes while the page takes the last.
    let inFlight: Promise<void> | void = undefined;
    const send = async () => {
      await inFlight;
      const frame = this.frame(run);
      sentFinal = frame.final !== null;
      inFlight = sink(frame);
    };
    await send();
    while (gen === this.generation && !run.done) {
      if (this.paused && this.pendingSteps === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      if (this.pendingSteps > 0) {
        const n = this.pendingSteps;
        this.pendingSteps = 0;
        run.advance(n);
      } else {
        run.advance(Number.MAX_SAFE_INTEGER, performance.now() + SLICE_MS);
      }
      if (gen !== this.generation) return;
      await send();
    }
    // A stop() that arrived while paused still owes the final frame.
    if (gen === this.generation && !sentFinal) await send();
    await inFlight;
  }

  private frame(run: Run): RunFrame {
    const batch = run.takeBatch();
    const views = run.views();
    const frame: RunFrame = {
      batch,
      status: run.status(),
      metricNames: [...run.problem.metricNames],
      blocks: run.problem.blocks.filter((b) => b.offset + b.size <= run.recorder.nParams).map((b) => ({ ...b })),
      views,
      final: run.done ? run.final() : null,
    };
    const buffers = [batch.t, batch.step, batch.loss, batch.metrics, batch.theta, ...Object.values(views)].map((a) => a.buffer);
    return this.transfer(frame, buffers);
  }
}
