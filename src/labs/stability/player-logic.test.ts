import { describe, expect, it } from 'vitest';
import { boundedRuns, nextCursor, stepRuns, stepsPerTick } from './player-logic';

describe('step-through player', () => {
  it('plays a short run one record per tick and a long one in about 80 ticks', () => {
    expect(stepsPerTick(17, 1)).toBe(1);
    expect(stepsPerTick(8000, 1)).toBe(100);
    expect(stepsPerTick(8000, 4)).toBe(400);
    // 17 records from 0: the last one is reached after 16 ticks, then the animation stops
    let c: number | null = 0;
    let ticks = 0;
    while (c !== null && ticks < 100) {
      const next: number | null = nextCursor(c, 17, 1);
      if (next === null) break;
      c = next;
      ticks++;
    }
    expect(c).toBe(16);
    expect(ticks).toBe(16);
    expect(nextCursor(16, 17, 1)).toBeNull();
    expect(nextCursor(7990, 8000, 1)).toBe(7999);
  });

  it('finds the runs of steps with eta |eps| above a threshold', () => {
    const eps = [3, 2.5, 0.5, 0.1, 1.2, 1.5, 0.01];
    const step = [0, 1, 2, 3, 4, 5, 6];
    // eta = 0.5: eta|eps| = 1.5, 1.25, 0.25, 0.05, 0.6, 0.75, 0.005
    expect(stepRuns(step, eps, 7, 0.5, 1)).toEqual([[-0.5, 1.5]]);
    expect(stepRuns(step, eps, 7, 0.5, Math.SQRT2)).toEqual([[-0.5, 0.5]]);
    expect(stepRuns(step, eps, 7, 1, 1)).toEqual([
      [-0.5, 1.5],
      [3.5, 5.5],
    ]);
  });

  it('bounds the number of shaded runs for drawing: few runs as they are, many merged on a grid', () => {
    const few: [number, number][] = [
      [0, 1],
      [5, 6],
    ];
    expect(boundedRuns(few, 0, 10, 4)).toBe(few);
    // every other step of 0..999 flips: 500 runs become at most 10 intervals covering them
    const many: [number, number][] = Array.from({ length: 500 }, (_, i) => [2 * i - 0.5, 2 * i + 0.5]);
    const b = boundedRuns(many, -0.5, 999.5, 10);
    expect(b.length).toBeLessThanOrEqual(10);
    for (const [from, to] of many) expect(b.some(([x, y]) => x <= from && to <= y)).toBe(true);
  });
});
