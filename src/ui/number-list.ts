/**
 * Lists of numbers as people type them: "2, 3, 5", "2..20" (every integer step), "2..20 by 2", "1e-5 1e-3 0.1".
 * Items are separated by commas, semicolons or spaces; a range is `a..b` with an optional `by s` (s > 0). Pure.
 */

export type NumberListParse = { ok: true; values: number[] } | { ok: false; message: string };

/** Ranges longer than this are refused rather than expanded (a typo such as 1..1e9 must not hang the page). */
export const MAX_LIST_LENGTH = 10_000;

const RANGE = /^(\S+)\s*\.\.\s*(\S+?)(?:\s+(?:by|step)\s+(\S+))?$/i;

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** Parses a list; the refusal says which item is wrong. */
export function parseNumberList(text: string): NumberListParse {
  const out: number[] = [];
  const pieces = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const piece of pieces) {
    const range = RANGE.exec(piece);
    if (range) {
      const [, a, b, s] = range;
      const from = num(a);
      const to = num(b);
      const step = s === undefined ? 1 : num(s);
      if (!Number.isFinite(from) || !Number.isFinite(to)) return { ok: false, message: `"${piece}" is not a range a..b of two numbers` };
      if (!(step > 0) || !Number.isFinite(step)) return { ok: false, message: `"${piece}": the step must be a positive number` };
      if (to < from) return { ok: false, message: `"${piece}": the range runs backwards (write the smaller end first)` };
      const count = Math.floor((to - from) / step + 1e-9) + 1;
      if (out.length + count > MAX_LIST_LENGTH) return { ok: false, message: `"${piece}" has more than ${MAX_LIST_LENGTH} values` };
      // from + i step, rounded to the step's decimals so 0.1..0.3 by 0.1 gives 0.3, not 0.30000000000000004
      const decimals = Math.max(decimalsOf(from), decimalsOf(step));
      for (let i = 0; i < count; i++) out.push(Number((from + i * step).toFixed(Math.min(15, decimals))));
      continue;
    }
    for (const word of piece.split(/\s+/)) {
      const v = num(word);
      if (!Number.isFinite(v)) return { ok: false, message: `"${word}" is not a number` };
      out.push(v);
      if (out.length > MAX_LIST_LENGTH) return { ok: false, message: `more than ${MAX_LIST_LENGTH} values` };
    }
  }
  if (!out.length) return { ok: false, message: 'enter at least one number' };
  return { ok: true, values: out };
}

function decimalsOf(v: number): number {
  const s = String(v);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + (s.split('e')[0].split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

/**
 * Writes a list back as text: runs of at least three integers with one step become "a..b" (step 1) or
 * "a..b by s"; every other value is written exactly (exactNumber), so a list survives a round trip.
 */
export function formatNumberList(values: readonly number[], format: (v: number) => string = exactNumber): string {
  const parts: string[] = [];
  let i = 0;
  while (i < values.length) {
    const a = values[i];
    let j = i;
    if (Number.isInteger(a) && i + 1 < values.length && Number.isInteger(values[i + 1]) && values[i + 1] > a) {
      const step = values[i + 1] - a;
      while (j + 1 < values.length && Number.isInteger(values[j + 1]) && values[j + 1] - values[j] === step) j++;
      if (j - i >= 2) {
        parts.push(step === 1 ? `${a}..${values[j]}` : `${a}..${values[j]} by ${step}`);
        i = j + 1;
        continue;
      }
    }
    parts.push(format(a));
    i++;
  }
  return parts.join(', ');
}

/** A number in its shortest exact form, small magnitudes with an exponent (1e-5, 2.5e-7; 0.001, 0.3, 12). */
export function exactNumber(v: number): string {
  return v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential().replace('e+', 'e') : String(v);
}
