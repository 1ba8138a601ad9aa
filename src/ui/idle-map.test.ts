import { describe, expect, it, vi } from 'vitest';
import { idleMap } from './idle-map';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('idleMap', () => {
  it('maps every item in order over several idle slices, and calls done once with them all', async () => {
    vi.useFakeTimers();
    // each idle slice has room for two items: the first check of the time left says 5 ms, the next 0
    vi.stubGlobal('requestIdleCallback', (cb: (d: { timeRemaining(): number }) => void) => {
      let checks = 0;
      return setTimeout(() => cb({ timeRemaining: () => (checks++ === 0 ? 5 : 0) }), 1);
    });
    const calls: number[] = [];
    const done = vi.fn();
    idleMap(
      [1, 2, 3, 4, 5],
      (x) => {
        calls.push(x);
        return x * 10;
      },
      done,
    );
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([1, 2]);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(20);
    expect(calls).toEqual([1, 2, 3, 4, 5]);
    expect(done).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledWith([10, 20, 30, 40, 50]);
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('a cancelled map stops and never calls done', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', (cb: (d: { timeRemaining(): number }) => void) => setTimeout(() => cb({ timeRemaining: () => 0 }), 1));
    vi.stubGlobal('cancelIdleCallback', (h: number) => clearTimeout(h));
    const fn = vi.fn((x: number) => x);
    const done = vi.fn();
    const cancel = idleMap([1, 2, 3], fn, done);
    await vi.advanceTimersByTimeAsync(1);
    cancel();
    await vi.advanceTimersByTimeAsync(20);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(done).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('maps in slices of idle time (here the timer fallback: no requestIdleCallback), all results in order', async () => {
    const slices: number[] = [];
    let inSlice = 0;
    let last = -1;
    const out = await new Promise<number[]>((resolve) =>
      idleMap(
        Array.from({ length: 12 }, (_, i) => i),
        (i) => {
          // a new slice starts when a timer has passed since the last item
          const now = performance.now();
          if (now - last > 5) {
            inSlice = 0;
            slices.push(0);
          }
          slices[slices.length - 1] = ++inSlice;
          busy(3);
          last = performance.now();
          return i * i;
        },
        resolve,
      ),
    );
    expect(out).toEqual(Array.from({ length: 12 }, (_, i) => i * i));
    expect(slices.length, `items per slice: ${slices.join(', ')}`).toBeGreaterThan(2);
    expect(Math.max(...slices)).toBeLessThanOrEqual(3);
  });
});
