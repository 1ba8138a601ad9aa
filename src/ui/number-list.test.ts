import { describe, expect, it } from 'vitest';
import { formatNumberList, MAX_LIST_LENGTH, parseNumberList } from './number-list';

const values = (text: string) => {
  const r = parseNumberList(text);
  if (!r.ok) throw new Error(r.message);
  return r.values;
};

describe('number lists', () => {
  it('read single values, ranges and stepped ranges, separated by commas, semicolons or spaces', () => {
    expect(values('2, 3; 5 8')).toEqual([2, 3, 5, 8]);
    expect(values('5..8')).toEqual([5, 6, 7, 8]);
    expect(values('2..10 by 2, 13')).toEqual([2, 4, 6, 8, 10, 13]);
    expect(values('1e-5, 1e-3 0.1')).toEqual([1e-5, 1e-3, 0.1]);
    expect(values('0.1..0.3 by 0.1')).toEqual([0.1, 0.2, 0.3]);
    expect(values(' 7 ')).toEqual([7]);
  });

  it('refuse what is not a list, naming the item', () => {
    expect(parseNumberList('2, x')).toEqual({ ok: false, message: '"x" is not a number' });
    expect(parseNumberList('')).toEqual({ ok: false, message: 'enter at least one number' });
    expect(parseNumberList('9..2')).toMatchObject({ ok: false, message: expect.stringContaining('backwards') });
    expect(parseNumberList('1..5 by 0')).toMatchObject({ ok: false, message: expect.stringContaining('step') });
    expect(parseNumberList(`1..${MAX_LIST_LENGTH + 1}`)).toMatchObject({ ok: false, message: expect.stringContaining('more than') });
  });

  it('write runs of integers back as ranges, and everything else exactly', () => {
    expect(formatNumberList([2, 3, 4, 5, 6])).toBe('2..6');
    expect(formatNumberList([2, 4, 6, 8, 10, 12])).toBe('2..12 by 2');
    expect(formatNumberList([8, 10, 12, 14, 16, 18, 19, 20, 21, 22, 24, 28])).toBe('8..18 by 2, 19..22, 24, 28');
    expect(formatNumberList([0, 1])).toBe('0, 1');
    expect(formatNumberList([1e-5, 0.001, 0.3])).toBe('1e-5, 0.001, 0.3');
    for (const list of [
      [2, 3, 4, 5, 6],
      [8, 10, 12, 14, 16, 18, 19, 20, 21, 22, 24, 28],
      [1e-5, 1e-3, 1e-2, 0.1, 0.3],
      [0, 1, 2],
    ]) {
      expect(values(formatNumberList(list))).toEqual(list);
    }
  });
});
