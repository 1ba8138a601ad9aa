/**
 * Placement of reference-line labels so that none overprints another: horizontal lines' labels first (above
 * or below the line, at the right or the left end), then vertical lines' labels, left to right, each on the
 * first row from the top that is free (right of its line, or left of it when it would run past the plot).
 */

export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  axis: 'x' | 'y';
  /** Pixel position of the line (x for vertical lines, y for horizontal ones). */
  at: number;
  width: number;
}

export interface PlacedLabel {
  /** Anchor of the text: its x, its baseline y, and which end the x is. */
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

const ROW = 11;
const overlaps = (a: LabelBox, b: LabelBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function placeLabels(requests: readonly LabelRequest[], plot: { left: number; right: number; top: number; bottom: number }): PlacedLabel[] {
  const placed: LabelBox[] = [];
  const out = new Array<PlacedLabel>(requests.length);
  const take = (i: number, box: LabelBox, label: PlacedLabel) => {
    placed.push(box);
    out[i] = label;
  };
  const free = (box: LabelBox) => !placed.some((p) => overlaps(p, box));
  const horizontal = requests.map((_, i) => i).filter((i) => requests[i].axis === 'y');
  for (const i of horizontal) {
    const { at, width: w } = requests[i];
    const candidates: [LabelBox, PlacedLabel][] = [
      [
        { x: plot.right - 4 - w, y: at - 4 - ROW + 2, w, h: ROW },
        { x: plot.right - 4, y: at - 4, anchor: 'end' },
      ],
      [
        { x: plot.right - 4 - w, y: at + 2, w, h: ROW },
        { x: plot.right - 4, y: at + 12, anchor: 'end' },
      ],
      [
        { x: plot.left + 4, y: at - 4 - ROW + 2, w, h: ROW },
        { x: plot.left + 4, y: at - 4, anchor: 'start' },
      ],
      [
        { x: plot.left + 4, y: at + 2, w, h: ROW },
        { x: plot.left + 4, y: at + 12, anchor: 'start' },
      ],
    ];
    const pick = candidates.find(([box]) => free(box)) ?? candidates[0];
    take(i, pick[0], pick[1]);
  }
  const vertical = requests
    .map((_, i) => i)
    .filter((i) => requests[i].axis === 'x')
    .sort((a, b) => requests[a].at - requests[b].at);
  for (const i of vertical) {
    const { at, width: w } = requests[i];
    const left = at + 4 + w > plot.right;
    const x = left ? at - 4 - w : at + 4;
    let row = 0;
    const boxAt = (r: number): LabelBox => ({ x, y: plot.top + 1 + ROW * r, w, h: ROW });
    while (!free(boxAt(row)) && plot.top + ROW * (row + 2) < plot.bottom) row++;
    take(i, boxAt(row), { x: left ? at - 4 : at + 4, y: plot.top + 10 + ROW * row, anchor: left ? 'end' : 'start' });
  }
  return out;
}

/** Rough width of an SVG label at the plots' 10 px font (no layout pass needed). */
export const labelWidth = (text: string) => 5.6 * text.length;
