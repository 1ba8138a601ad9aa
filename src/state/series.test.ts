import { describe, expect, it } from 'vitest';
import { RECORD_MAX_BYTES } from '../engine/core/recorder';
import { SeriesBuffers } from './series';

const batch = (from: number, count: number, n: number) => ({
  count,
  t: Float64Array.from({ length: count }, (_, i) => from + i),
  step: Float64Array.from({ length: count }, (_, i) => from + i),
  loss: new Float64Array(count).fill(1),
  metrics: new Float64Array(count),
  theta: Float64Array.from({ length: count * n }, (_, i) => -(from + Math.floor(i / n))),
});

describe("the page's series of a run within a budget", () => {
  it('holds at most its capacity of rows for 200,000 streamed snapshots, the first and last kept, columns aligned', () => {
    const s = new SeriesBuffers(['m'], 2);
    s.append(batch(0, 500, 2));
    expect(s.thinned).toBe(0);
    for (let from = 500; from < 200_000; from += 500) s.append(batch(from, 500, 2));
    // the rows are halved whenever a row arrives at full capacity: first at row capacity + 1, then every
    // floor(capacity / 2) rows (incoming rows are not thinned)
    const half = Math.floor(s.capacity / 2);
    expect(s.thinned).toBe(Math.floor((200_000 - s.capacity - 1) / half) + 1);
    expect(s.count).toBeLessThanOrEqual(s.capacity);
    expect(s.capacity).toBeLessThanOrEqual(20_000);
    expect(s.step[0]).toBe(0);
    expect(s.step[s.count - 1]).toBe(199_999);
    for (let i = 0; i < s.count; i++) {
      expect(s.params[0][i]).toBe(-s.step[i]);
      expect(s.absParams[1][i]).toBe(s.step[i]);
    }
  });

  it('bounds the bytes of wide rows (a 16,640-parameter net)', () => {
    const n = 16_640;
    const s = new SeriesBuffers([], n);
    for (let from = 0; from < 2000; from += 50) s.append(batch(from, 50, n));
    const bytes = 8 * s.t.length * (3 + 2 * n);
    expect(bytes).toBeLessThanOrEqual(RECORD_MAX_BYTES);
    expect(s.step[s.count - 1]).toBe(1999);
  });

  it('keeps every value through growth into the early-written block, row by row and in bursts (a wide net)', () => {
    const n = 700;
    const s = new SeriesBuffers(['m'], n);
    let from = 0;
    for (const rows of [1, 1, 3, 40, 1, 1, 120, 7, 1, 300, 1, 2]) {
      s.append(batch(from, rows, n));
      from += rows;
    }
    expect(s.thinned).toBe(0);
    expect(s.count).toBe(from);
    // a finished run lets go of the block it was writing for the next growth, and its rows stay
    const held = () => (s as unknown as { next: Float64Array | null }).next;
    expect(held()).not.toBeNull();
    s.settle();
    expect(held()).toBeNull();
    for (let i = 0; i < s.count; i++) {
      expect(s.t[i]).toBe(i);
      for (const k of [0, 1, n - 1]) {
        expect(s.params[k][i]).toBe(-i);
        expect(s.absParams[k][i]).toBe(i);
      }
    }
  });
});
