import { describe, expect, it } from 'vitest';
import { clippedPolylineD, clipSegment } from './polyline-clip';

const box = { x0: 0, y0: 0, x1: 100, y1: 100 };
const path = (xs: number[], ys: number[]) =>
  clippedPolylineD(
    (i) => xs[i],
    (i) => ys[i],
    xs.length,
    box,
  );

describe('clippedPolylineD', () => {
  it('leaves a polyline inside the box as it is', () => {
    expect(path([10, 20, 30], [10, 50, 90])).toBe('M10.0,10.0L20.0,50.0L30.0,90.0');
  });
  it('cuts a diagonal running far past the box to the box', () => {
    expect(path([-1e5, 1e5], [-1e5, 1e5])).toBe('M0.0,0.0L100.0,100.0');
  });
  it('starts a new subpath where the line re-enters, and drops what lies outside', () => {
    // in, out (right), back in
    expect(path([50, 150, 50], [50, 50, 60])).toBe('M50.0,50.0L100.0,50.0M100.0,55.0L50.0,60.0');
    expect(path([200, 300], [200, 300])).toBe('');
  });
  it('breaks the line at non-finite points', () => {
    expect(path([10, Number.NaN, 30, 40], [10, 10, 30, 40])).toBe('M30.0,30.0L40.0,40.0');
  });
  it('thins points within half a pixel of the last one kept, and keeps the last point', () => {
    expect(path([10, 10.2, 10.4, 10.6, 20], [10, 10.1, 10.2, 10.3, 10.3])).toBe('M10.0,10.0L10.6,10.3L20.0,10.3');
    expect(path([10, 10.2], [10, 10.2])).toBe('M10.0,10.0L10.2,10.2');
  });
  it('clipSegment gives the parameter interval inside the box, null when the segment misses it', () => {
    expect(clipSegment(-50, 50, 150, 50, box)).toEqual([0.25, 0.75]);
    expect(clipSegment(-50, -50, -10, 150, box)).toBeNull();
    expect(clipSegment(50, 50, 50, 50, box)).toEqual([0, 1]);
  });
});
