import * as Comlink from 'comlink';
import { create } from 'zustand';
import type { FinalState, RunStatus } from '../../engine/core/run';
import type { SaddlesSpec } from './schema';
import { SeriesBuffers } from '../../state/series';
import type { RunFrame, RunnerApi } from '../../../workers/protocol';

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
  /** Counts the starts of this store: a new id means a new run (UI state keyed to a run resets). */
  id: number;
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

/**
 * The lab's runner worker, created on the first run. Unlike a bare comlink handle it notices a worker that
 * fails to load (its script missing, e.g. after the app was rebuilt under an open page) or dies: comlink would
 * wait for an answer forever, and the page would say "starting" forever. On such an error the worker is
 * dropped, the failure reported, and the next start makes a fresh one.
 */
export class SaddlesRunClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<RunnerApi> | null = null;
  onFailure: (message: string) => void = () => undefined;

  constructor(private readonly name = 'saddles-runner') {}

  private remote(): Comlink.Remote<RunnerApi> {
    if (!this.api) {
      const worker = new Worker(new URL('../../../workers/runner.worker.ts', import.meta.url), { type: 'module', name: this.name });
      const fail = (message: string) => {
        if (this.worker !== worker) return;
        this.dispose();
        this.onFailure(message);
      };
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        fail(e instanceof ErrorEvent && e.message ? `The run's worker failed: ${e.message}.` : "The run's worker could not be loaded (the app may have been updated): reload the page.");
      });
      worker.addEventListener('messageerror', () => fail("A message from the run's worker could not be read."));
      this.worker = worker;
      this.api = Comlink.wrap<RunnerApi>(worker);
    }
    return this.api;
  }

  start(spec: unknown, onFrame: (frame: RunFrame) => void) {
    return this.remote().start(spec, Comlink.proxy(onFrame));
  }

  stop() {
    return this.api ? this.api.stop() : Promise.resolve();
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}

/** A store of one live saddles run, streamed from its own worker (named `workerName`). */
export function createSaddlesRunStore(workerName: string) {
  const client = new SaddlesRunClient(workerName);
  return create<SaddlesState>()((set, get) => {
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
        // A second start while one is in flight supersedes it: frames of the old generation are dropped here, and
        // the worker replaces its run when the new start reaches it.
        const gen = ++generation;
        startedAt = performance.now();
        set({ run: { spec, buffers: null, blocks: [], status: null, views: {}, final: null, error: null, wallMs: null, id: gen }, transport: 'running', revision: get().revision + 1 });
        const failed = (message: string) => {
          const cur = get().run;
          if (gen === generation && cur) set({ run: { ...cur, error: message }, transport: 'done', revision: get().revision + 1 });
        };
        client.onFailure = failed;
        try {
          const res = await client.start(spec, (f) => onFrame(gen, f));
          if (!res.ok) failed(res.message);
        } catch (err) {
          failed(err instanceof Error ? err.message : String(err));
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
}

/** The one live run of the Saddles lab. */
export const useSaddlesRun = createSaddlesRunStore('saddles-runner');

/** The first-saddle oracle: the sub-network active in w*, from delta w* restricted, in a second worker. */
export const useRestrictedRun = createSaddlesRunStore('saddles-restricted');
