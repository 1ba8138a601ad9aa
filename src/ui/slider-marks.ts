import { labelWidth } from '../plots/label-rows';

/** A landmark under a slider: where it sits (0 at the left end, 1 at the right) and what it says. */
export interface SliderMark {
  at: number;
  label: string;
  /** Said on hover: what the landmark means and its value. */
  title?: string;
}

/** Gap in px kept between two labels on one row. */
const GAP = 6;

/**
 * The row of each mark's label so that no two labels on a row overlap: marks are taken left to right and each goes
 * on the first row whose last label ends GAP px before it starts (labels are centred on their mark).
 */
export function markRows(marks: readonly SliderMark[], width: number): number[] {
  const order = marks.map((_, i) => i).sort((a, b) => marks[a].at - marks[b].at);
  const rowEnds: number[] = [];
  const rows = new Array<number>(marks.length).fill(0);
  for (const i of order) {
    const half = labelWidth(marks[i].label) / 2;
    const x = marks[i].at * width;
    let r = rowEnds.findIndex((end) => end + GAP <= x - half);
    if (r < 0) r = rowEnds.push(0) - 1;
    rowEnds[r] = x + half;
    rows[i] = r;
  }
  return rows;
}
