import { describe, expect, it, vi } from 'vitest';
import { poolSession } from './pool-session';

const hooks = () => ({ tick: vi.fn(), ended: vi.fn() });

describe('poolSession', () => {
  it('cancels nothing when idle, and a cancelled run ends as cancelled with its ms', async () => {
    const s = poolSession();
    expect(s.cancel()).toBeNull();
    const ctrl = s.begin();
    const h = hooks();
    const done = s.run(
      ctrl,
      (run) =>
        new Promise((_, reject) => {
          run.signal.addEventListener('abort', () => reject(new DOMException('x', 'AbortError')));
        }),
      h,
    );
    expect(s.cancel()).toBeGreaterThanOrEqual(0);
    await done;
    // cancel() made the run stale: the store's own cancel() reports it, not ended()
    expect(h.ended).not.toHaveBeenCalled();
    expect(s.cancel()).toBeNull();
  });

  it('reports a failure of the current run with its message, and drops one from a run started over', async () => {
    const s = poolSession();
    const first = s.begin();
    const h1 = hooks();
    let fail = (_: Error) => {};
    const p1 = s.run(first, () => new Promise((_, reject) => (fail = reject)), h1);
    const second = s.begin();
    expect(first.signal.aborted).toBe(true);
    fail(new Error('late'));
    await p1;
    expect(h1.ended).not.toHaveBeenCalled();
    const h2 = hooks();
    await s.run(
      second,
      async (run) => {
        expect(run.live()).toBe(true);
        throw new Error('boom');
      },
      h2,
    );
    expect(h2.ended).toHaveBeenCalledWith(false, 'boom', expect.any(Number));
    expect(s.cancel()).toBeNull();
  });
});
