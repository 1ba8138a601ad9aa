import { describe, expect, it } from 'vitest';
import { dataFit } from './schema';
import { formatData, parseData } from './data-mode-logic';

describe('data mode input', () => {
  it('parses pairs per line or separated by semicolons, and round-trips', () => {
    expect(parseData('1, 2\n3 2')).toEqual({ x: [1, 3], y: [2, 2] });
    expect(parseData('(1, 2); (3, 2);')).toEqual({ x: [1, 3], y: [2, 2] });
    expect(parseData(formatData({ x: [0.5, -2], y: [1e-3, 4] }))).toEqual({ x: [0.5, -2], y: [1e-3, 4] });
  });

  it('refuses malformed lines, all-zero x and a zero slope', () => {
    expect(parseData('1, 2\n3')).toMatch(/^Line 2/);
    expect(parseData('')).toMatch(/1 to 64 points/);
    expect(parseData('0, 1\n0, 2')).toMatch(/non-zero/);
    expect(parseData('1, 1\n1, -1')).toMatch(/Φ = Σxy \/ Σx² is 0/);
  });

  it('(1, 2), (3, 2): s = 5, Phi = 0.8, Const = 0.4 (Lemma 3 by hand)', () => {
    // s = (1 + 9)/2; Phi = (2 + 6)/10; Const = (1/4)(4 + 4 - 64/10)
    const f = dataFit({ x: [1, 3], y: [2, 2] });
    expect(f.s).toBe(5);
    expect(f.phi).toBeCloseTo(0.8, 15);
    expect(f.konst).toBeCloseTo(0.4, 15);
  });
});
