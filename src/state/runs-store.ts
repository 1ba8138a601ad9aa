import { create } from 'zustand';
import type { FinalState, RunStatus } from '../engine/core/run';
import type { RunFrame } from '../../workers/protocol';
import { RunClient } from './run-client';
import { SeriesBuffers } from './series';
import { type PoisoningSpec } from '../labs/poisoning/schema';

export type Arm = 'clean' | 'poisoned';
export const ARMS: Arm[] = ['clean', 'poisoned'];

export interface ArmRun {
  spec: PoisoningSpec;
  buffers: SeriesBuffers | null;
  blocks: RunFrame['blocks'];
  status: RunStatus | null;
  views: Record<string, Float64Array>;
  final: FinalState | null;
  error: string | null;
}

type Transport = 'idle' | 'running' | 'paused' | 'done';

interface RunsState {
  arms: Partial<Record<Arm, ArmRun>>;
  transport: Transport;
  /** Bumped on every frame: plots redraw from the mutable buffers. */
  revision: number;
  start(spec: PoisoningSpec, paused?: boolean): Promise<void>;
  pause(): void;
  resume(): void;
  step(n: number): void;
  stop(): void;
  reset(): void;
}

const clients: Record<Arm, RunClient> = { clean: new RunClient(), poisoned: new RunClient() };

/** Both arms of an experiment, each in its own worker, from the same spec and initialisation. */
export const useRuns = create<RunsState>()((set, get) => {
  // Frames arrive far more often than the screen refreshes: buffers take every frame at once, but the store
  // (and so React) updates at most once per animation frame.
  let pending: Partial<Record<Arm, ArmRun>> | null = null;
  let scheduled = false;
  // Each start() gets a token; frames of an earlier run (still in flight from its worker) are dropped.
  let runToken = 0;
  const settled = (arms: Partial<Record<Arm, ArmRun>>) => ARMS.every((a) => arms[a]?.final || arms[a]?.error);
  const flush = () => {
    scheduled = false;
    if (!pending) return;
    const arms = pending;
    pending = null;
    set({ arms, revision: get().revision + 1, transport: settled(arms) ? 'done' : get().transport });
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (typeof requestAnimationFrame === 'function' && !document.hidden) requestAnimationFrame(flush);
    else setTimeout(flush, 16);
  };
  const onFrame = (arm: Arm, frame: RunFrame) => {
    const base = pending ?? get().arms;
    const cur = base[arm];
    if (!cur) return;
    const width = frame.blocks.reduce((s, b) => s + b.size, 0);
    const buffers = cur.buffers && cur.buffers.nParams === width ? cur.buffers : new SeriesBuffers(frame.metricNames, width);
    buffers.append(frame.batch);
    pending = { ...base, [arm]: { ...cur, buffers, blocks: frame.blocks, status: frame.status, views: frame.views, final: frame.final } };
    schedule();
  };

  return {
    arms: {},
    transport: 'idle',
    revision: 0,
    async start(spec, paused = false) {
      const arms: Partial<Record<Arm, ArmRun>> = {};
      for (const arm of ARMS) arms[arm] = { spec: { ...spec, arm }, buffers: null, blocks: [], status: null, views: {}, final: null, error: null };
      pending = null;
      const token = ++runToken;
      set({ arms, transport: paused ? 'paused' : 'running', revision: get().revision + 1 });
      await Promise.all(
        ARMS.map(async (arm) => {
          const res = await clients[arm].start(arms[arm]!.spec, (f) => void (token === runToken && onFrame(arm, f)), paused);
          if (!res.ok && token === runToken) {
            const base = pending ?? get().arms;
            const cur = base[arm];
            if (cur) pending = { ...base, [arm]: { ...cur, error: res.message } };
            schedule();
          }
        }),
      );
    },
    pause() {
      ARMS.forEach((a) => clients[a].pause());
      if (get().transport === 'running') set({ transport: 'paused' });
    },
    resume() {
      ARMS.forEach((a) => clients[a].resume());
      if (get().transport === 'paused') set({ transport: 'running' });
    },
    step(n) {
      ARMS.forEach((a) => clients[a].step(n));
      if (get().transport === 'running') set({ transport: 'paused' });
    },
    stop() {
      ARMS.forEach((a) => clients[a].stop());
    },
    reset() {
      ARMS.forEach((a) => clients[a].stop());
      pending = null;
      runToken++;
      set({ arms: {}, transport: 'idle', revision: get().revision + 1 });
    },
  };
});
