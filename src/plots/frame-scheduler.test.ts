/**
 * The page-wide redraw budget: one redraw per plot per frame, full redraws up to FRAME_BUDGET_MS a frame (at least
 * one), overlay-only redraws always, and a plot left over goes first in the next frame.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_BUDGET_MS, FrameScheduler } from './frame-scheduler';

describe('the frame scheduler', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  /** A plot whose full redraw takes `ms` of the fake clock; records what ran. */
  const plot = (name: string, ms: number, log: string[]) =>
    new FrameScheduler((full) => {
      log.push(`${name}:${full ? 'full' : 'overlay'}`);
      if (full) clock += ms;
    });

  it('coalesces requests of one plot into one redraw a frame, full winning over overlay-only', () => {
    const log: string[] = [];
    const a = plot('a', 1, log);
    a.request(false);
    a.request(true);
    a.request(false);
    vi.advanceTimersByTime(16);
    expect(log).toEqual(['a:full']);
    vi.advanceTimersByTime(16);
    expect(log).toEqual(['a:full']);
  });

  it('spends at most the budget on full redraws in a frame; the rest go first in the next frame', () => {
    const log: string[] = [];
    const cost = FRAME_BUDGET_MS * 0.6;
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => plot(n, cost, log));
    for (const p of [a, b, c]) p.request(true);
    d.request(false);
    vi.advanceTimersByTime(16);
    // a (0.6 budget) and b (1.2 budget: started within it) run, c waits; d's overlay runs anyway
    expect(log).toEqual(['a:full', 'b:full', 'd:overlay']);
    a.request(true);
    vi.advanceTimersByTime(16);
    expect(log.slice(3)).toEqual(['c:full', 'a:full']);
  });

  it('always runs one full redraw a frame, however long it takes', () => {
    const log: string[] = [];
    const slow = plot('slow', 10 * FRAME_BUDGET_MS, log);
    const next = plot('next', 1, log);
    slow.request(true);
    next.request(true);
    vi.advanceTimersByTime(16);
    expect(log).toEqual(['slow:full']);
    vi.advanceTimersByTime(16);
    expect(log).toEqual(['slow:full', 'next:full']);
  });

  it('drops a cancelled request, also one cancelled by an earlier redraw of the same frame, and flush draws at once', () => {
    const log: string[] = [];
    let b: FrameScheduler | null = null;
    const a = new FrameScheduler(() => {
      log.push('a');
      b?.cancel();
    });
    b = plot('b', 1, log);
    a.request(true);
    b.request(true);
    vi.advanceTimersByTime(16);
    expect(log).toEqual(['a']);
    b.request(true);
    b.flush();
    expect(log).toEqual(['a', 'b:full']);
    vi.advanceTimersByTime(32);
    expect(log).toEqual(['a', 'b:full']);
  });
});
