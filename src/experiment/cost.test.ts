import { describe, expect, it } from 'vitest';
import { durationWords } from './cost';

describe('durationWords', () => {
  it('says a duration in the unit a reader expects, days grouped by thousands as en-US writes them', () => {
    expect(durationWords(0.2)).toBe('about 1 s');
    expect(durationWords(42)).toBe('about 42 s');
    expect(durationWords(600)).toBe('about 10 min');
    expect(durationWords(7200)).toBe('about 2 h');
    expect(durationWords(3 * 86400)).toBe('about 3 days');
    for (const days of [999, 1000, 11_574, 1_234_567, 98_765_432_109]) expect(durationWords(days * 86400)).toBe(`about ${days.toLocaleString('en-US')} days`);
    expect(durationWords(Number.POSITIVE_INFINITY)).toBe('an unbounded time');
  });
});
