import { describe, expect, it } from 'vitest';
import { describeTradeoff, formatStarts, parseEtas, parseStarts } from './tradeoff-logic';

describe('trade-off tab logic', () => {
  it('parses step-size lists and refuses bad ones', () => {
    expect(parseEtas('0.05, 0.2 0.5;0.8')).toEqual([0.05, 0.2, 0.5, 0.8]);
    expect(parseEtas('')).toBeNull();
    expect(parseEtas('0.1, -0.2')).toBeNull();
    expect(parseEtas('0.1, x')).toBeNull();
    expect(parseEtas('0, 0.1')).toBeNull();
  });

  it('parses starts as pairs and round-trips the preset list', () => {
    expect(parseStarts('(0.1, 0.05), (0.01, 0.001)')).toEqual([
      [0.1, 0.05],
      [0.01, 0.001],
    ]);
    expect(parseStarts(formatStarts([[2, -0.3]]))).toEqual([[2, -0.3]]);
    expect(parseStarts('(0.1, 0.05), (0.01)')).toBeNull();
    expect(parseStarts('(1e4, 0)')).toBeNull();
  });

  it('S-tradeoff-eta numbers (Sec. 5): faster and more regularised up to eta = 0.5, a trade-off beyond', () => {
    const steps = [282, 65, 17, 42, 698];
    const q = [0.78538, 0.34734, 0.034937, 3.0607e-4, 7.5265e-11];
    const items = [0.05, 0.2, 0.5, 0.8, 0.99].map((e, i) => ({ label: String(e), steps: steps[i], q: q[i] }));
    expect(describeTradeoff(items, 'larger η')).toEqual([
      'larger η from 0.05 to 0.5: faster and more regularised',
      'larger η from 0.5 to 0.99: more regularised but slower (a trade-off)',
    ]);
  });

  it('S-tradeoff-init numbers: the smaller start is slower and more regularised; one run says nothing', () => {
    const items = [
      { label: '(0.1, 0.05)', steps: 110, q: 0.80098 },
      { label: '(0.01, 0.001)', steps: 138, q: 0.60828 },
    ];
    expect(describeTradeoff(items, 'smaller start')).toEqual(['smaller start from (0.1, 0.05) to (0.01, 0.001): more regularised but slower (a trade-off)']);
    expect(describeTradeoff(items.slice(0, 1), 'x')).toEqual([]);
    expect(describeTradeoff([items[1], items[0]], 'larger start')).toEqual(['larger start from (0.01, 0.001) to (0.1, 0.05): faster but less regularised']);
  });
});
