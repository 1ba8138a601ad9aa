import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelRequest } from './label-rows';

const plot = { left: 0, right: 500, top: 0, bottom: 200 };
const x = (at: number, width: number): LabelRequest => ({ axis: 'x', at, width });

describe('placeLabels', () => {
  it('keeps far-apart labels on the first row and stacks overlapping ones', () => {
    // labels at 0 (width 50), 20 (overlaps the first), 60 (clear of the first), 70 (overlaps the third)
    const rows = placeLabels([x(0, 50), x(20, 30), x(60, 20), x(70, 10)], plot).map((p) => (p.y - 10) / 11);
    expect(rows).toEqual([0, 1, 0, 1]);
  });
  it('puts a label that would run past the plot on the left of its line', () => {
    const [p] = placeLabels([x(480, 60)], plot);
    expect(p).toEqual({ x: 476, y: 10, anchor: 'end' });
  });
  it('moves a horizontal line label away from the vertical ones, and vertical labels below it', () => {
    // a horizontal line near the top: its label goes above the line at the right end, the vertical label
    // whose first row it covers drops a row
    const placed = placeLabels([{ axis: 'y', at: 20, width: 100 }, x(420, 40)], plot);
    expect(placed[0]).toEqual({ x: 496, y: 16, anchor: 'end' });
    expect(placed[1].y).toBeGreaterThan(20);
  });
});
