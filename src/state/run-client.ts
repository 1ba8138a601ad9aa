import * as Comlink from 'comlink';
import type { RunFrame, RunnerApi } from '../../workers/protocol';

export type StartResult = Awaited<ReturnType<RunnerApi['start']>>;

/** What a RunClient needs of a worker: comlink's endpoint plus the worker's own 'error'/'messageerror' events. */
export type RunnerWorker = Comlink.Endpoint & Pick<Worker, 'terminate'>;

/** A runner worker for the page (one per client; `name` shows in the browser's task list). */
export const makeRunnerWorker = (name: string): RunnerWorker => new Worker(new URL('../../workers/runner.worker.ts', import.meta.url), { type: 'module', name });

/**
 * How long Stop waits for the worker to take it. A worker between slices answers at once (slices last ~30 ms); one that
 * does not is inside work it cannot leave (an analysis of the start, one very long solver step): it is terminated.
 */
export const STOP_GRACE_MS = 150;

/** What the page says of a run whose busy worker was ended by Stop. */
export const STOPPED_BUSY = 'Stopped. The run was busy in a long computation, so its worker was ended; the next Run starts a fresh one.';

/**
 * A handle on one runner worker, created on the first start and reused across runs, with the transport of a
 * run: start, pause, resume, step(n), stop, dispose.
 *
 * Unlike a bare comlink handle it notices a worker that fails to load (its script missing, e.g. after the app
 * was rebuilt under an open page) or dies: comlink would wait for an answer forever, and the page would say
 * "starting" forever. On such an error the worker is dropped, a pending start() rejects, `onFailure` hears the
 * message, and the next start makes a fresh worker.
 */
export class RunClient {
  private worker: RunnerWorker | null = null;
  private api: Comlink.Remote<RunnerApi> | null = null;
  /** Rejects when the current worker fails (a start() in flight races it). */
  private failure: Promise<never> | null = null;
  /** Ends the current worker with a message: a start in flight rejects with it and onFailure hears it. */
  private failWith: ((message: string, heard?: boolean) => void) | null = null;
  /** The start in flight (the worker validating and building a run), until it settles. */
  private starting: Promise<StartResult> | null = null;
  /** Hears a failure of the worker, during a start or later in the run. */
  onFailure: (message: string) => void = () => undefined;

  constructor(
    readonly name = 'runner',
    private readonly makeWorker: (name: string) => RunnerWorker = makeRunnerWorker,
  ) {}

  /** Whether a worker is alive (created and not failed or disposed). */
  get live(): boolean {
    return this.worker !== null;
  }

  private remote(): Comlink.Remote<RunnerApi> {
    if (!this.api) {
      const worker = this.makeWorker(this.name);
      let reject: (err: Error) => void = () => undefined;
      const failure = new Promise<never>((_, rej) => (reject = rej));
      failure.catch(() => undefined); // only a start in flight listens
      const fail = (message: string, heard = true) => {
        if (this.worker !== worker) return;
        this.dispose();
        reject(new Error(message));
        if (heard) this.onFailure(message);
      };
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        const msg = (e as Partial<ErrorEvent>).message;
        fail(msg ? `The run's worker failed: ${msg}.` : "The run's worker could not be loaded (the app may have been updated): reload the page.");
      });
      worker.addEventListener('messageerror', () => fail("A message from the run's worker could not be read."));
      this.worker = worker;
      this.failure = failure;
      this.failWith = fail;
      this.api = Comlink.wrap<RunnerApi>(worker);
    }
    return this.api;
  }

  /**
   * Starts a spec (replacing the worker's previous run); onFrame runs on the main thread and its return releases
   * the worker's next slice. Resolves once the worker has accepted or refused the spec; rejects if the worker fails.
   */
  async start(spec: unknown, onFrame: (frame: RunFrame) => void, startPaused = false): Promise<StartResult> {
    // A start still in flight after the grace time is busy in work of its own (e.g. the analysis of a big net): the
    // new one does not queue behind it; that worker is ended (its start rejects, unheard) and a fresh one takes this.
    const previous = this.starting;
    if (previous && this.api) {
      const worker = this.worker;
      if (!(await settlesWithin(previous, STOP_GRACE_MS)) && this.worker === worker) this.failWith?.('superseded by a newer start', false);
    }
    const api = this.remote();
    const started = Promise.race([api.start(spec, Comlink.proxy(onFrame), startPaused), this.failure!]);
    this.starting = started;
    const settle = () => {
      if (this.starting === started) this.starting = null;
    };
    started.then(settle, settle);
    return started;
  }

  // The transport reaches a live worker only: with none (never started, or failed) there is no run to control.
  pause(): Promise<void> {
    return this.api ? this.api.pause() : Promise.resolve();
  }
  resume(): Promise<void> {
    return this.api ? this.api.resume() : Promise.resolve();
  }
  /** Runs exactly n more steps, then pauses. */
  step(n: number): Promise<void> {
    return this.api ? this.api.step(n) : Promise.resolve();
  }
  /**
   * Ends the run where it stands (the worker sends its final state). A worker that has not taken the stop within
   * STOP_GRACE_MS is terminated instead: the run ends with STOPPED_BUSY (heard by onFailure; a start in flight rejects).
   */
  async stop(): Promise<void> {
    if (!this.api) return;
    const worker = this.worker;
    if (!(await settlesWithin(this.api.stop(), STOP_GRACE_MS)) && this.worker === worker) this.failWith?.(STOPPED_BUSY);
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.failure = null;
    this.failWith = null;
  }
}

/** Whether a promise settles (resolves or rejects) within ms milliseconds. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([
    p.then(
      () => true,
      () => true,
    ),
    late,
  ]);
  clearTimeout(timer);
  return settled;
}
