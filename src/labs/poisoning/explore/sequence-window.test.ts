/**
 * The sequence list renders every row of an ordinary training set, and only a window round the scrolled view of a
 * long one (a link may hold 512 sequences of 64 values: over 100,000 SVG elements if all were drawn).
 */
import { describe, expect, it } from 'vitest';
import { ALL_ROWS_UP_TO, barWidth, positionLabelStep, rowWindow } from './SequenceEditor';

describe('the sequence list window', () => {
  it('renders every row up to ALL_ROWS_UP_TO, wherever it is scrolled', () => {
    expect(rowWindow(18, 0)).toEqual({ from: 0, to: 18 });
    expect(rowWindow(ALL_ROWS_UP_TO, 5000)).toEqual({ from: 0, to: ALL_ROWS_UP_TO });
  });

  it('renders a bounded window of a long list that follows the scroll and covers the view', () => {
    const n = 512;
    const top = rowWindow(n, 0);
    expect(top.from).toBe(0);
    expect(top.to).toBeLessThan(60);
    // scrolled to row 200 (34 px a row): the window holds rows 200 .. 210 (the ten in a 340 px view) and some around
    const mid = rowWindow(n, 200 * 34);
    expect(mid.from).toBeLessThanOrEqual(200);
    expect(mid.to).toBeGreaterThanOrEqual(210);
    expect(mid.to - mid.from).toBeLessThan(60);
    // the end of the list, and a scroll position past it (a list that just shrank)
    expect(rowWindow(n, (n - 10) * 34).to).toBe(n);
    const past = rowWindow(n, 1e7);
    expect(past.to).toBe(n);
    expect(past.from).toBeLessThan(n);
  });
});

describe('the sequence header numbers', () => {
  it('numbers every bar while the numbers fit, and every 2nd / 5th / 10th once they would run together', () => {
    expect(positionLabelStep(7, barWidth(7))).toBe(1);
    expect(positionLabelStep(10, barWidth(10))).toBe(1);
    expect(positionLabelStep(20, barWidth(20))).toBe(2); // 15 px bars, two digits need 18 px
    expect(positionLabelStep(64, barWidth(64))).toBe(2);
    // the labels shown never overlap: each has step x bar width of room for its digits
    for (const kappa of [2, 7, 10, 25, 64, 100, 256, 1000]) {
      const w = barWidth(kappa);
      const step = positionLabelStep(kappa, w);
      expect(step * w).toBeGreaterThanOrEqual(7 * String(kappa).length + 4);
    }
  });
});
