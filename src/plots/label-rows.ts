/**
 * Rows for the labels of vertical reference lines, so labels of nearby lines do not overprint: each label
 * (starting at its line's x, `width` px wide) takes the first row whose previous label ends before it starts.
 * Returns the row of every label, in input order.
 */
export function labelRows(xs: readonly number[], widths: readonly number[], gap = 4): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const rowEnds: number[] = [];
  const rows = new Array<number>(xs.length).fill(0);
  for (const i of order) {
    let r = rowEnds.findIndex((end) => end + gap <= xs[i]);
    if (r < 0) r = rowEnds.push(-Infinity) - 1;
    rowEnds[r] = xs[i] + widths[i];
    rows[i] = r;
  }
  return rows;
}

/** Rough width of an SVG label at the plots' 10 px font (no layout pass needed). */
export const labelWidth = (text: string) => 5.6 * text.length;
