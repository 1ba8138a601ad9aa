/**
 * The plumbing a sweep store needs around its pool jobs: one run at a time (starting one aborts the last), a clock
 * that ticks while it runs, and one way out (done, cancelled or failed), so the stores only say what they show.
 */

/** What a running body sees: the signal to hand the pool, whether it is still the current run, and its clock. */
export interface PoolRun {
  readonly signal: AbortSignal;
  /** False once another run started or this one was cancelled: results of a stale run are dropped. */
  live(): boolean;
  /** ms since the run started. */
  elapsed(): number;
}

export interface PoolSessionHooks {
  /** Every 500 ms while the run is current. */
  tick(ms: number): void;
  /** The body threw while still current: cancelled (an AbortError), or failed with a message. */
  ended(cancelled: boolean, error: string | null, ms: number): void;
}

export interface PoolSession {
  /** Aborts the run before (if any) and makes a new one current; call first, before the store's own setup. */
  begin(): AbortController;
  /** Runs body for the current run begun by ctrl, clock from now; exceptions end in hooks.ended. */
  run(ctrl: AbortController, body: (r: PoolRun) => Promise<void>, hooks: PoolSessionHooks): Promise<void>;
  /** Cancels the current run: its ms so far, or null when nothing was running. */
  cancel(): number | null;
}

export function poolSession(): PoolSession {
  let controller: AbortController | null = null;
  let startedAt = 0;
  return {
    begin() {
      controller?.abort();
      controller = new AbortController();
      return controller;
    },
    async run(ctrl, body, hooks) {
      const t0 = performance.now();
      startedAt = t0;
      const live = () => controller === ctrl;
      const elapsed = () => performance.now() - t0;
      const tick = setInterval(() => {
        if (live()) hooks.tick(elapsed());
      }, 500);
      try {
        await body({ signal: ctrl.signal, live, elapsed });
      } catch (err) {
        if (!live()) return;
        const cancelled = err instanceof DOMException && err.name === 'AbortError';
        hooks.ended(cancelled, cancelled ? null : err instanceof Error ? err.message : String(err), elapsed());
      } finally {
        clearInterval(tick);
        if (live()) controller = null;
      }
    },
    cancel() {
      if (!controller) return null;
      controller.abort();
      controller = null;
      return performance.now() - startedAt;
    },
  };
}
