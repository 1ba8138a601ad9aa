import { dataFit } from './schema';

/**
 * "x y" pairs, one per line or separated by ';' (commas or spaces inside a pair) -> the data of data mode, or an
 * error message. 1..64 points with |value| <= 1e6, some x != 0 and a non-zero slope Phi = sum x y / sum x^2.
 */
export function parseData(text: string): { x: number[]; y: number[] } | string {
  const rows = text
    .split(/[\n;]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  if (rows.length < 1 || rows.length > 64) return 'Give 1 to 64 points, one “x, y” pair per line.';
  const x: number[] = [];
  const y: number[] = [];
  for (const [i, r] of rows.entries()) {
    const v = r
      .replace(/[()]/g, ' ')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (v.length !== 2 || v.some((t) => !Number.isFinite(t) || Math.abs(t) > 1e6)) return `Line ${i + 1} is not a pair of numbers in [−1e6, 1e6].`;
    x.push(v[0]);
    y.push(v[1]);
  }
  const fit = dataFit({ x, y });
  if (!(fit.s > 0)) return 'Some x must be non-zero.';
  if (fit.phi === 0) return 'The best slope Φ = Σxy / Σx² is 0: nothing to fit.';
  return { x, y };
}

export const formatData = (d: { x: number[]; y: number[] }) => d.x.map((x, i) => `${x}, ${d.y[i]}`).join('\n');
