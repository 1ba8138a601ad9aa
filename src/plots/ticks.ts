/** Pure tick helpers for log axes: decade positions and "10^k" labels. */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "10" followed by k in Unicode superscripts, e.g. pow10Label(-3) === '10⁻³'. */
export function pow10Label(k: number): string {
  const digits = String(Math.abs(Math.round(k)))
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
  return `10${k < 0 ? '⁻' : ''}${digits}`;
}

/** The exponent k when v is (to rounding) an exact power of ten, else null. */
export function decadeExponent(v: number): number | null {
  if (!(v > 0 && v < Infinity)) return null;
  const k = Math.round(Math.log10(v));
  return Math.abs(v / 10 ** k - 1) < 1e-9 ? k : null;
}

/**
 * Powers of ten inside [lo, hi], thinned to at most maxCount. Thinning keeps exponents that are
 * multiples of the step, so tick positions stay put while a streaming domain grows.
 */
export function decadeTicks(lo: number, hi: number, maxCount: number): number[] {
  if (!(lo > 0) || !(hi >= lo) || !Number.isFinite(hi)) return [];
  const eps = 1e-9;
  const k0 = Math.ceil(Math.log10(lo) - eps);
  const k1 = Math.floor(Math.log10(hi) + eps);
  if (k1 < k0) return [];
  const step = Math.max(1, Math.ceil((k1 - k0 + 1) / Math.max(1, maxCount)));
  const out: number[] = [];
  for (let k = k0; k <= k1; k++) {
    if (k % step === 0) out.push(10 ** k);
  }
  return out;
}
