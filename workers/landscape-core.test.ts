import { describe, expect, it } from 'vitest';
import { computeGrid } from './landscape-core';

describe('stability-log-loss field', () => {
  it('is log10 L, or log10 (s L + Const) in data mode, at the cell centres', async () => {
    // 2 x 2 cells over [0, 2]^2: centres (0.5, 1.5), (1.5, 1.5) in row 0 (top), (0.5, 0.5), (1.5, 0.5) in row 1.
    const plain = await computeGrid({ field: 'stability-log-loss', params: { phi: 1 }, x: [0, 2], y: [0, 2], nx: 2, ny: 2 });
    expect(plain.values[1]).toBeCloseTo(Math.log10(0.5 * (1.5 * 1.5 - 1) ** 2), 12);
    const data = await computeGrid({ field: 'stability-log-loss', params: { phi: 0.8, s: 5, konst: 0.4 }, x: [0, 2], y: [0, 2], nx: 2, ny: 2 });
    expect(data.values[2]).toBeCloseTo(Math.log10(5 * 0.5 * (0.25 - 0.8) ** 2 + 0.4), 12);
    // on the minima the data loss is Const, not 0
    const onMin = await computeGrid({ field: 'stability-log-loss', params: { phi: 1, s: 2, konst: 0.1 }, x: [0, 2], y: [0, 2], nx: 1, ny: 1 });
    expect(onMin.values[0]).toBeCloseTo(Math.log10(0.1), 12);
  });
});
