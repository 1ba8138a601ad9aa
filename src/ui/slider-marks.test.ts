import { describe, expect, it } from 'vitest';
import { labelWidth } from '../plots/label-rows';
import { markRows, type SliderMark } from './slider-marks';

/** Left and right ends in px of each label as SliderMarks centres it. */
const spans = (marks: SliderMark[], width: number) => marks.map((m) => [m.at * width - labelWidth(m.label) / 2, m.at * width + labelWidth(m.label) / 2]);

describe('slider landmark rows', () => {
  it("no two labels on one row overlap, whatever the order the marks come in (Stability's 2/R, 2/λ̄, 1/2|ε₀|, √2/|ε₀|, 1/Φ)", () => {
    const marks = [
      { at: 0.62, label: '2/R' },
      { at: 0.64, label: '2/λ̄' },
      { at: 0.5, label: '1/2|ε₀|' },
      { at: 0.66, label: '√2/|ε₀|' },
      { at: 0.9, label: '1/Φ' },
    ];
    for (const width of [200, 320, 600]) {
      const rows = markRows(marks, width);
      const s = spans(marks, width);
      for (let i = 0; i < marks.length; i++) for (let j = i + 1; j < marks.length; j++) if (rows[i] === rows[j]) expect(s[i][1] <= s[j][0] || s[j][1] <= s[i][0]).toBe(true);
    }
  });

  it('marks far apart share the first row; crowded ones take as many rows as they need', () => {
    expect(
      markRows(
        [
          { at: 0.1, label: 'a' },
          { at: 0.9, label: 'b' },
        ],
        300,
      ),
    ).toEqual([0, 0]);
    expect(
      markRows(
        [
          { at: 0.5, label: 'long label' },
          { at: 0.5, label: 'long label 2' },
          { at: 0.5, label: 'x' },
        ],
        300,
      ),
    ).toEqual([0, 1, 2]);
  });
});
