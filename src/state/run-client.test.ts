import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { RunnerCore } from '../../workers/runner-core';
import { findPreset } from '../experiment/presets';
import { RunClient, type RunnerWorker, STOP_GRACE_MS, STOPPED_BUSY } from './run-client';

/** A worker that never answers, whose failure the test raises. */
class DeadWorker extends EventTarget {
  terminated = false;
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
  fail(message?: string) {
    const e = new Event('error', { cancelable: true });
    if (message) Object.assign(e, { message });
    this.dispatchEvent(e);
  }
}

/** A client whose factory makes a fresh DeadWorker each time, and the workers it made. */
function clientMakingWorkers() {
  const made: DeadWorker[] = [];
  const client = new RunClient('w', () => {
    const w = new DeadWorker();
    made.push(w);
    return w as unknown as RunnerWorker;
  });
  return { client, made };
}

describe('RunClient', () => {
  it('creates its worker on the first start only; the transport without a worker does nothing', async () => {
    const { client, made } = clientMakingWorkers();
    await client.pause();
    await client.resume();
    await client.step(1);
    await client.stop();
    expect(made).toHaveLength(0);
    expect(client.live).toBe(false);
    void client.start({}, () => undefined);
    void client.start({}, () => undefined);
    expect(made).toHaveLength(1);
    expect(client.live).toBe(true);
    client.dispose();
    expect(made[0].terminated).toBe(true);
  });

  it('reports a worker that fails to load, rejects the start, and makes a fresh worker next time', async () => {
    const { client, made } = clientMakingWorkers();
    const heard: string[] = [];
    client.onFailure = (m) => heard.push(m);
    const start = client.start({}, () => undefined);
    made[0].fail();
    await expect(start).rejects.toThrow('could not be loaded');
    expect(heard).toHaveLength(1);
    expect(made[0].terminated).toBe(true);
    expect(client.live).toBe(false);
    // an error event of the dropped worker is not heard again
    made[0].fail('late');
    expect(heard).toHaveLength(1);

    const again = client.start({}, () => undefined);
    expect(made).toHaveLength(2);
    made[1].fail('boom');
    await expect(again).rejects.toThrow("The run's worker failed: boom.");
    expect(heard).toEqual([heard[0], "The run's worker failed: boom."]);
  });

  it('hears a worker that dies after the start', () => {
    const w = new DeadWorker();
    const client = new RunClient('w', () => w as unknown as RunnerWorker);
    const heard: string[] = [];
    client.onFailure = (m) => heard.push(m);
    void client.start({}, () => undefined).catch(() => undefined);
    w.dispatchEvent(new Event('messageerror'));
    expect(heard).toEqual(["A message from the run's worker could not be read."]);
  });

  it('ends a worker that does not take Stop within the grace time: the run ends in words, the start rejects', async () => {
    const { client, made } = clientMakingWorkers();
    const heard: string[] = [];
    client.onFailure = (m) => heard.push(m);
    // a worker busy in its start (as in an analysis of a big net): it answers nothing
    const start = client.start({}, () => undefined);
    const t0 = performance.now();
    await client.stop();
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(STOP_GRACE_MS - 5);
    expect(made[0].terminated).toBe(true);
    expect(heard).toEqual([STOPPED_BUSY]);
    await expect(start).rejects.toThrow(STOPPED_BUSY);
    // the next start makes a fresh worker
    void client.start({}, () => undefined).catch(() => undefined);
    expect(made).toHaveLength(2);
    client.dispose();
  });

  it('keeps a worker that takes Stop between slices, and its final frame says stopped', async () => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(new RunnerCore(), port1);
    let terminated = false;
    const client = new RunClient('w', () => Object.assign(port2, { terminate: () => (terminated = true) }) as unknown as RunnerWorker);
    const spec = findPreset('E-1B')!.spec;
    let final: unknown = null;
    const done = new Promise<void>((resolve) => {
      void client.start(spec, (f) => {
        if (f.final) {
          final = f.final;
          resolve();
        }
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    await client.stop();
    await done;
    expect(terminated).toBe(false);
    expect(final).toMatchObject({ stop: { reason: 'stopped' } });
    client.dispose();
    port1.close();
  });

  it('a start while the previous one is still busy past the grace time ends that worker, unheard, and takes a fresh one', async () => {
    const { client, made } = clientMakingWorkers();
    const heard: string[] = [];
    client.onFailure = (m) => heard.push(m);
    // the first start never answers (a worker deep in an analysis)
    const first = client.start({}, () => undefined);
    const second = client.start({}, () => undefined);
    second.catch(() => undefined);
    expect(made).toHaveLength(1);
    await expect(first).rejects.toThrow('superseded by a newer start');
    expect(made[0].terminated).toBe(true);
    expect(made).toHaveLength(2);
    expect(made[1].terminated).toBe(false);
    expect(heard).toEqual([]);
    client.dispose();
  });
});
