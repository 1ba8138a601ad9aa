import { create } from 'zustand';
import type { FinalState, RunStatus } from '../../engine/run/run';
import type { SaddlesSpec } from '../../spec/labs/saddles';
import { RunClient } from '../../state/run-client';
import { SeriesBuffers } from '../../state/series';
import type { RunFrame } from '../../../workers/protocol';

export interface SaddlesRun {
  spec: SaddlesSpec;
  buffers: SeriesBuffers | null;
  blocks: RunFrame['blocks'];
  status: RunStatus | null;
  views: Record<string, Float64Array>;
  final: FinalState | null;
  error: string | null;
  /** Wall-clock ms from start to the final frame. */
  wallMs: number | null;
}

type Transport = 'idle' | 'running' | 'done';

interface SaddlesState {
  run: SaddlesRun | null;
  transport: Transport;
  revision: number;
  start(spec: SaddlesSpec): Promise<void>;
  stop(): void;
  reset(): void;
}

const client = new RunClient();

/** The one live run of the Saddles lab, streamed from its own worker. */
export const useSaddlesRun = create<SaddlesState>()((set, get) => {
  let startedAt = 0;
  let generation = 0;
  const onFrame = (gen: number, frame: RunFrame) => {
    const cur = get().run;
    if (!cur || gen !== generation) return;
    const buffers = cur.buffers ?? new SeriesBuffers(frame.metricNames, frame.blocks.reduce((s, b) => s + b.size, 0));
    buffers.append(frame.batch);
    const wallMs = frame.final ? performance.now() - startedAt : null;
    set({
      run: { ...cur, buffers, blocks: frame.blocks, status: frame.status, views: frame.views, final: frame.final, wallMs },
      revision: get().revision + 1,
      transport: frame.final ? 'done' : 'running',
    });
  };
  return {
    run: null,
    transport: 'idle',
    revision: 0,
    async start(spec) {
      const gen = ++generation;
      startedAt = performance.now();
      set({ run: { spec, buffers: null, blocks: [], status: null, views: {}, final: null, error: null, wallMs: null }, transport: 'running', revision: get().revision + 1 });
      const res = await client.start(spec, (f) => onFrame(gen, f));
      if (!res.ok && gen === generation) {
        const cur = get().run;
        if (cur) set({ run: { ...cur, error: res.message }, transport: 'done' });
      }
    },
    stop() {
      void client.stop();
    },
    reset() {
      generation++;
      void client.stop();
      set({ run: null, transport: 'idle', revision: get().revision + 1 });
    },
  };
});
