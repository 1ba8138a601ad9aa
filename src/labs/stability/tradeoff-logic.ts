/** Parsing and wording of the trade-off tab (S-tradeoff-eta / S-tradeoff-init): pure, unit-tested. */

/** "0.05, 0.2 0.5" -> [0.05, 0.2, 0.5]; null unless 1..12 numbers in (0, 100]. */
export function parseEtas(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const xs = parts.map(Number);
  if (xs.length < 1 || xs.length > 12 || xs.some((x) => !Number.isFinite(x) || x <= 0 || x > 100)) return null;
  return xs;
}

/** "(0.1, 0.05), (0.01, 0.001)" -> [[0.1, 0.05], [0.01, 0.001]]; null unless 1..12 pairs inside [-1e3, 1e3]. */
export function parseStarts(text: string): [number, number][] | null {
  const nums = text
    .replace(/[()[\]]/g, ' ')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);
  if (nums.length < 2 || nums.length % 2 || nums.length > 24 || nums.some((x) => !Number.isFinite(x) || Math.abs(x) > 1e3)) return null;
  const out: [number, number][] = [];
  for (let i = 0; i < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
}

export const formatEtas = (etas: number[]) => etas.join(', ');
export const formatStarts = (starts: [number, number][]) => starts.map(([a, b]) => `(${a}, ${b})`).join(', ');

export interface TradeoffItem {
  label: string;
  steps: number;
  /** |Q(T)/Q(0)| */
  q: number;
}

type Move = 'both' | 'tradeoff' | 'faster' | 'worse';
const TEXT: Record<Move, string> = {
  both: 'faster and more regularised',
  tradeoff: 'more regularised but slower (a trade-off)',
  faster: 'faster but less regularised',
  worse: 'slower and less regularised',
};

function move(a: TradeoffItem, b: TradeoffItem): Move {
  const faster = b.steps <= a.steps;
  const moreReg = b.q < a.q;
  return faster ? (moreReg ? 'both' : 'faster') : moreReg ? 'tradeoff' : 'worse';
}

/**
 * How speed and regularisation move along a list of converged runs (in the order of the varied parameter):
 * consecutive moves of the same kind are merged, e.g. "larger η from 0.05 to 0.5: faster and more regularised".
 */
export function describeTradeoff(items: TradeoffItem[], what: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i + 1 < items.length) {
    const m = move(items[i], items[i + 1]);
    let j = i + 1;
    while (j + 1 < items.length && move(items[j], items[j + 1]) === m) j++;
    out.push(`${what} from ${items[i].label} to ${items[j].label}: ${TEXT[m]}`);
    i = j;
  }
  return out;
}
