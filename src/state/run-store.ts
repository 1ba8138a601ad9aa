import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { FinalState, RunStatus } from '../engine/core/run';
import type { RunFrame } from '../../workers/protocol';
import { RunClient, type StartResult } from './run-client';
import { askToRun, longRunCost } from './run-confirm';
import { SeriesBuffers } from './series';

/** Where a lab's run stands: nothing yet, computing, paused (resume or step), or every arm settled. */
export type Transport = 'idle' | 'running' | 'paused' | 'done';

/** One arm of a run: the spec it ran, its streamed snapshots and latest status, views and final state. */
export interface ArmRunOf<S> {
  spec: S;
  buffers: SeriesBuffers | null;
  blocks: RunFrame['blocks'];
  status: RunStatus | null;
  views: Record<string, Float64Array>;
  final: FinalState | null;
  error: string | null;
  /** Wall-clock ms from start to the final frame (paused time included), null before it. */
  wallMs: number | null;
  /** Counts the starts of the store: a new id means a new run (UI state keyed to a run resets). */
  id: number;
}

export interface RunStoreState<A extends string, S> {
  arms: Partial<Record<A, ArmRunOf<S>>>;
  transport: Transport;
  /** Bumped on every update: plots redraw from the mutable buffers. */
  revision: number;
  /** Starts every arm from `spec` (a running or paused run is replaced); paused: wait for step or resume. */
  start(spec: S, paused?: boolean): Promise<void>;
  pause(): void;
  resume(): void;
  /** n more steps of every arm (solver steps, or GD iterations), then paused. */
  step(n: number): void;
  /** Ends the run where it stands: every arm sends its final state, and the results stay. */
  stop(): void;
  /** Drops the run. */
  reset(): void;
}

/** The part of a RunClient the store uses (tests drive a store with an in-process runner). */
export type RunClientLike = Pick<RunClient, 'start' | 'pause' | 'resume' | 'step' | 'stop' | 'onFailure'>;

export interface RunStoreOptions<A extends string, S, X> {
  /** The arms, each run in its own worker. */
  arms: readonly A[];
  /** Name of the workers (with `-<arm>` appended when there are several arms). */
  workerName: string;
  /** The spec an arm runs (default: the spec itself). */
  armSpec?: (spec: S, arm: A) => S;
  /** Extra state derived from the arms on every update (e.g. the one arm of a single-arm lab). */
  derive?: (arms: Partial<Record<A, ArmRunOf<S>>>) => X;
  /** Makes an arm's client (default: a RunClient on a runner worker). */
  client?: (name: string, arm: A) => RunClientLike;
  /**
   * Whether a run estimated to take long (run-confirm.ts) waits for the user's yes (default: on a page, yes; the
   * question shows in the RunToolbar).
   */
  confirmLong?: boolean;
}

export type RunStore<A extends string, S, X = unknown> = UseBoundStore<StoreApi<RunStoreState<A, S> & X>>;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The shortest time between two publishes of streamed frames (25 a second). At 16 ms (every display frame) the
 * renders, redraws, layout and paint of E-1B while it streamed took half the page's thread on a 2-core machine whose
 * other core runs the worker: tasks of 25-38 ms CPU stretched past 50 ms (7-11 a run, against 3-7 at 40 ms).
 */
const PUBLISH_MS = 40;

/**
 * A store of one lab's live run: its arms each streamed from their own worker (the same spec, or one per arm),
 * with the transport (pause, single steps, resume, stop, reset) and per-arm errors.
 *
 * Frames arrive far more often than the screen refreshes: buffers take every frame at once, but the store (and
 * so React) updates at most once per PUBLISH_MS, in a task apart from the plots' animation frames. Each start gets a generation token; frames and failures of an earlier run, still in flight from its
 * worker, are dropped.
 */
export function createRunStore<const A extends string, S, X = unknown>(opts: RunStoreOptions<A, S, X>): RunStore<A, S, X> {
  const { arms: ARMS, workerName } = opts;
  const armSpec = opts.armSpec ?? ((spec: S) => spec);
  const derive = opts.derive ?? (() => ({}) as X);
  const makeClient = opts.client ?? ((name: string) => new RunClient(name));
  const clients = Object.fromEntries(ARMS.map((arm) => [arm, makeClient(ARMS.length > 1 ? `${workerName}-${arm}` : workerName, arm)])) as Record<A, RunClientLike>;
  type Arms = Partial<Record<A, ArmRunOf<S>>>;
  type State = RunStoreState<A, S> & X;

  return create<State>()((set, get) => {
    let pending: Arms | null = null;
    let scheduled = false;
    let generation = 0;
    let startedAt = 0;
    const settled = (arms: Arms) => ARMS.every((a) => arms[a]?.final || arms[a]?.error);
    const publish = (arms: Arms, extra: Partial<RunStoreState<A, S>> = {}) => set({ arms, ...derive(arms), revision: get().revision + 1, ...extra } as Partial<State>);
    let lastFlush = Number.NEGATIVE_INFINITY;
    const flush = () => {
      scheduled = false;
      lastFlush = performance.now();
      if (!pending) return;
      const arms = pending;
      pending = null;
      publish(arms, { transport: settled(arms) ? 'done' : get().transport });
    };
    // At most one publish per PUBLISH_MS, each in a task of its own: in an animation frame callback it shared one task
    // with the plots' redraws of that frame (frame-scheduler.ts), and the page's render plus the redraws passed 50 ms
    // while large runs streamed.
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(flush, Math.max(0, lastFlush + PUBLISH_MS - performance.now()));
    };
    /** Changes one arm of the newest state (published or pending) and schedules the update. */
    const update = (arm: A, f: (cur: ArmRunOf<S>) => ArmRunOf<S>) => {
      const base = pending ?? get().arms;
      const cur = base[arm];
      if (!cur) return;
      pending = { ...base, [arm]: f(cur) };
      schedule();
    };
    const onFrame = (gen: number, arm: A, frame: RunFrame) => {
      if (gen !== generation) return;
      update(arm, (cur) => {
        const width = frame.blocks.reduce((s, b) => s + b.size, 0);
        const buffers = cur.buffers && cur.buffers.nParams === width ? cur.buffers : new SeriesBuffers(frame.metricNames, width);
        buffers.append(frame.batch);
        if (frame.final) buffers.settle();
        const wallMs = frame.final ? (cur.wallMs ?? performance.now() - startedAt) : null;
        return { ...cur, buffers, blocks: frame.blocks, status: frame.status, views: frame.views, final: frame.final, wallMs };
      });
    };
    const fail = (gen: number, arm: A, error: string) => {
      if (gen === generation) update(arm, (cur) => (cur.final || cur.error ? cur : { ...cur, error }));
    };
    const each = (f: (c: RunClientLike) => Promise<unknown>) => ARMS.forEach((a) => void f(clients[a]).catch(() => undefined));

    return {
      arms: {},
      ...derive({}),
      transport: 'idle',
      revision: 0,
      async start(spec, paused = false) {
        // a long run is asked about first (paused starts are single steps: never long)
        if (!paused && (opts.confirmLong ?? typeof window !== 'undefined')) {
          const cost = longRunCost(spec);
          if (cost && !(await askToRun(cost))) return;
        }
        const gen = ++generation;
        startedAt = performance.now();
        const arms: Arms = {};
        for (const arm of ARMS) arms[arm] = { spec: armSpec(spec, arm), buffers: null, blocks: [], status: null, views: {}, final: null, error: null, wallMs: null, id: gen };
        pending = null;
        publish(arms, { transport: paused ? 'paused' : 'running' });
        await Promise.all(
          ARMS.map(async (arm) => {
            const client = clients[arm];
            client.onFailure = (msg) => fail(gen, arm, msg);
            let res: StartResult;
            try {
              res = await client.start(arms[arm]!.spec, (f) => onFrame(gen, arm, f), paused);
            } catch (err) {
              res = { ok: false, message: message(err) };
            }
            if (!res.ok) fail(gen, arm, res.message);
          }),
        );
      },
      pause() {
        each((c) => c.pause());
        if (get().transport === 'running') set({ transport: 'paused' } as Partial<State>);
      },
      resume() {
        each((c) => c.resume());
        if (get().transport === 'paused') set({ transport: 'running' } as Partial<State>);
      },
      step(n) {
        each((c) => c.step(n));
        if (get().transport === 'running') set({ transport: 'paused' } as Partial<State>);
      },
      stop() {
        each((c) => c.stop());
      },
      reset() {
        each((c) => c.stop());
        pending = null;
        generation++;
        publish({}, { transport: 'idle' });
      },
    } as State;
  });
}

/** The state of a lab with one arm: `run` is that arm. */
export type SingleRunState<S> = RunStoreState<'run', S> & { run: ArmRunOf<S> | null };

/** A store of a lab with a single arm, run in a worker named `workerName`; its run is `run`. */
export function createSingleRunStore<S>(workerName: string, client?: RunStoreOptions<'run', S, unknown>['client']) {
  return createRunStore<'run', S, { run: ArmRunOf<S> | null }>({ arms: ['run'], workerName, client, derive: (arms) => ({ run: arms.run ?? null }) });
}
