import { describe, expect, it } from 'vitest';
import { CONFIRM_SECONDS } from '../experiment/cost';
import { allPresets, findPreset } from '../experiment/presets';
import { parseSpec, specCost } from '../experiment/validate';
import { longRunCost, specText, useRunQuestion } from './run-confirm';
import type { SpecOf } from '../experiment/schema';
import { createRunStore, createSingleRunStore, type RunClientLike } from './run-store';

/** A client that counts its starts and never streams. */
class CountingClient implements RunClientLike {
  starts = 0;
  onFailure: (message: string) => void = () => undefined;
  start = async () => {
    this.starts++;
    return { ok: true as const };
  };
  pause = async () => undefined;
  resume = async () => undefined;
  step = async () => undefined;
  stop = async () => undefined;
}

const fig1 = findPreset('sd-fig1')!.spec as SpecOf<'saddles'>;
/** sd-fig1 asked to run 1e8 steps: hours of work. */
const long = { ...fig1, stop: { ...fig1.stop, maxSteps: 1e8 } };

describe('a long run is asked about before it starts', () => {
  it('estimates the work of a spec that is not a preset; a preset is never asked about', () => {
    expect(longRunCost(fig1)).toBeNull();
    const cost = longRunCost(long);
    expect(cost).not.toBeNull();
    expect(cost!.seconds).toBeGreaterThan(CONFIRM_SECONDS);
    expect(cost!.seconds).toBeGreaterThan(100 * specCost(fig1).seconds);
    expect(cost!.workField).toBe('stop.maxSteps');
    expect(longRunCost({ ...fig1, stop: { ...fig1.stop, maxSteps: 1000 } })).toBeNull();
  });

  it('knows every preset without parsing one: each is written in full (its text is its parsed text), and none is asked about', () => {
    let long = 0;
    for (const p of allPresets()) {
      const r = parseSpec(structuredClone(p.spec));
      expect(r.ok && specText(r.spec), p.id).toBe(specText(p.spec));
      if (specCost(p.spec).seconds > CONFIRM_SECONDS) long++;
      expect(longRunCost(structuredClone(p.spec)), p.id).toBeNull();
    }
    // the presets that would be asked about if they were not presets
    expect(long).toBeGreaterThan(0);
    // key order does not matter, values do
    expect(specText({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(specText({ a: 1 })).not.toBe(specText({ a: 2 }));
  });

  it('waits for the answer: no starts a cancelled run, yes starts it', async () => {
    const client = new CountingClient();
    // a store asks on a page (here: told to)
    const s2 = createRunStore({ arms: ['run'] as const, workerName: 't', client: () => client, confirmLong: true });
    const cancelled = s2.getState().start(long);
    await Promise.resolve();
    const q = useRunQuestion.getState().question;
    expect(q?.duration).toMatch(/^up to about \d+ (min|h|days)$/);
    q!.answer(false);
    await cancelled;
    expect(client.starts).toBe(0);
    expect(s2.getState().transport).toBe('idle');

    const started = s2.getState().start(long);
    await Promise.resolve();
    useRunQuestion.getState().question!.answer(true);
    await started;
    expect(client.starts).toBe(1);
    expect(useRunQuestion.getState().question).toBeNull();
    // in Node, without a page, nothing is asked
    await createSingleRunStore<unknown>('t', () => client)
      .getState()
      .start(long);
    expect(client.starts).toBe(2);
  });
});
