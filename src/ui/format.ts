/** Options of the number formatter: significant digits (4 by default), or always the exponent form. */
export interface FormatOptions {
  digits?: number;
  /** Exponent form whatever the magnitude (for columns of numbers compared by their exponents). */
  exp?: boolean;
}

/** Below this magnitude (and from 10^digits up) numbers are written with an exponent. */
const SMALL = 1e-3;

/**
 * The one number formatter of the readouts: at most `digits` significant digits (4 by default), no trailing
 * zeros, the exponent form (1e11, 2.5e-7) for large and small magnitudes, '—' for a missing value and words for
 * the values that are not numbers ('not a number', '∞', '−∞'). A second argument that is a number is `digits`.
 */
export function fmt(v: number | null | undefined, opts: number | FormatOptions = {}): string {
  if (v === null || v === undefined) return '—';
  if (Number.isNaN(v)) return 'not a number';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  const { digits = 4, exp = false } = typeof opts === 'number' ? { digits: opts } : opts;
  const p = Math.min(100, Math.max(1, Math.round(digits)));
  if (v === 0) return '0';
  // Round first, then choose the form by the rounded magnitude (0.00099996 is 0.001, 99999 is 1e5).
  const r = Number(v.toPrecision(p));
  const a = Math.abs(r);
  if (exp || a < SMALL || a >= 10 ** p) return expForm(r, p);
  return String(r);
}

/** m e k with the mantissa's trailing zeros dropped and no '+' (1e11, -2.5e-7). */
function expForm(v: number, digits: number): string {
  const [mant, e] = v.toExponential(digits - 1).split('e');
  const m = mant.includes('.') ? mant.replace(/\.?0+$/, '') : mant;
  return `${m}e${Number(e)}`;
}

/** What fmtRun needs of a run's end: its step and why it stopped. */
export interface RunEnd {
  step: number;
  stop: { reason: string };
}

/**
 * A value of a run's results: a number as fmt writes it, but a value that is not finite after the run diverged reads
 * "diverged at step 12" (the step it blew up), not "not a number" or "∞".
 */
export function fmtRun(v: number | null | undefined, end: RunEnd | null | undefined, opts: number | FormatOptions = {}): string {
  if (typeof v === 'number' && !Number.isFinite(v) && end?.stop.reason === 'diverged') return `diverged at step ${end.step}`;
  return fmt(v, opts);
}

/**
 * A number written exactly (it parses back to the same double) in its shorter form: 1e11 rather than
 * 100000000000, 2.5e-7 as JavaScript writes it, 123456.789 as is. For fields, which must not round.
 */
export function exactShort(v: number): string {
  const plain = String(v);
  // small values: JavaScript already switches to 1e-7 below 1e-6, and 0.001 reads better than 1e-3
  if (!Number.isFinite(v) || Math.abs(v) < 1e5) return plain;
  const sci = v.toExponential().replace('e+', 'e');
  return sci.length < plain.length ? sci : plain;
}

/**
 * An integer with thousands separators, 1234567 -> "1,234,567", as `toLocaleString('en')` writes it but without Intl,
 * whose formatter costs milliseconds a call in text that re-renders at every streamed frame.
 */
export function grouped(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
