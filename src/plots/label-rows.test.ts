import { describe, expect, it } from 'vitest';
import { labelRows } from './label-rows';

describe('labelRows', () => {
  it('keeps far-apart labels on the first row and stacks overlapping ones', () => {
    // labels at 0 (width 50), 20 (overlaps the first), 60 (clear of the first), 70 (overlaps the third, fits after the second)
    expect(labelRows([0, 20, 60, 70], [50, 30, 20, 10])).toEqual([0, 1, 0, 1]);
  });
  it('reuses a lower row as soon as it is free, whatever the input order', () => {
    expect(labelRows([100, 0, 10], [10, 40, 40])).toEqual([0, 0, 1]);
  });
});
