import * as Comlink from 'comlink';
import type { RunFrame, RunnerApi } from '../../workers/protocol';

/** A comlink handle on one runner worker; created lazily and reused across runs. */
export class RunClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<RunnerApi> | null = null;

  private remote(): Comlink.Remote<RunnerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('../../workers/runner.worker.ts', import.meta.url), { type: 'module', name: 'runner' });
      this.api = Comlink.wrap<RunnerApi>(this.worker);
    }
    return this.api;
  }

  /** Starts a spec; onFrame runs on the main thread and its return releases the worker's next slice. */
  start(spec: unknown, onFrame: (frame: RunFrame) => void, startPaused = false) {
    return this.remote().start(spec, Comlink.proxy(onFrame), startPaused);
  }
  pause() {
    return this.remote().pause();
  }
  resume() {
    return this.remote().resume();
  }
  step(n: number) {
    return this.remote().step(n);
  }
  stop() {
    return this.remote().stop();
  }
  dispose() {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
