import type { RecordBatch } from '../src/engine/core/recorder';
import type { FinalState, RunStatus } from '../src/engine/core/run';

/** One streamed slice of a run: new snapshots (columnar, transferred), the status, and current views. */
export interface RunFrame {
  batch: RecordBatch;
  status: RunStatus;
  metricNames: string[];
  blocks: { name: string; offset: number; size: number }[];
  views: Record<string, Float64Array>;
  final: FinalState | null;
}

export type FrameSink = (frame: RunFrame) => Promise<void> | void;

export interface RunnerApi {
  /** Validates and starts a spec; frames go to sink, each awaited before the next slice (back-pressure). */
  start(spec: unknown, sink: FrameSink, startPaused?: boolean): Promise<{ ok: true } | { ok: false; message: string }>;
  pause(): void;
  resume(): void;
  /** Runs exactly n more steps, then pauses. */
  step(n: number): void;
  stop(): void;
}
