/**
 * Deterministic elementary functions for the engine. JavaScript engines are free to implement Math.exp,
 * Math.log, Math.pow (and `**`) differently, and do: Node's and Chromium's V8 disagree in the last bit on a few
 * per cent of arguments, which breaks "the same spec gives bit-for-bit the same numbers in a worker and in Node".
 * These use only +, -, *, / and the exact Math.sqrt / Math.round / bit access, so every IEEE-754 engine returns
 * the same double. Accuracy is about one ulp (tested against Math.*); written by hand because no maintained
 * package promises cross-engine identical results.
 */

// biome-ignore-start lint/correctness/noPrecisionLoss: fdlibm's constants as published; each literal rounds to the intended double
const LN2_HI = 6.9314718036912381649e-1; // ln 2 with the low 32 bits zero: k * LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.90821492927058770002e-10;
// biome-ignore-end lint/correctness/noPrecisionLoss: fdlibm's constants as published
// The standard library's constants are exactly specified doubles (the nearest to log2(e), ln 10 and sqrt 2).
const INV_LN2 = Math.LOG2E;
const LN10 = Math.LN10;
const SQRT2 = Math.SQRT2;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Index of the high word in the platform's byte order (every engine we run on is little-endian, but be sure).
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** 2^k for integer k in [-1022, 1023], built from its bits. */
function pow2(k: number): number {
  u32[LO] = 0;
  u32[HI] = (k + 1023) << 20;
  return f64[0];
}

/** e^x, within about one ulp. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  if (x === 0) return 1;
  const k = Math.round(x * INV_LN2);
  const hi = x - k * LN2_HI;
  const r = hi - k * LN2_LO;
  // Taylor series of e^r on |r| <= ln2/2: the degree-13 remainder is below 4e-18.
  let p = 1;
  for (let n = 13; n >= 1; n--) p = 1 + (r * p) / n;
  if (k > 1023) return p * pow2(1023) * pow2(k - 1023);
  if (k < -1022) return p * pow2(k + 1022) * pow2(-1022);
  return p * pow2(k);
}

/** e^x - 1, within a few ulps, accurate near 0 (where exp(x) - 1 would cancel). */
export function expm1(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) > 0.34) return exp(x) - 1;
  // x (1 + x/2 (1 + x/3 (...))): the degree-17 remainder on |x| <= 0.34 is below 1e-17 relative
  let p = 1;
  for (let n = 17; n >= 2; n--) p = 1 + (x * p) / n;
  return x * p;
}

/** tanh x from expm1: e / (e + 2) with e = e^(2x) - 1 (exact sign, accurate near 0, +-1 beyond |x| = 22). */
export function tanh(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 22) return 1;
  if (x < -22) return -1;
  const e = expm1(2 * x);
  return e / (e + 2);
}

/** Natural logarithm, within about one ulp. */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: bring subnormals into the normal range
    e = -54;
  }
  f64[0] = x;
  const hiWord = u32[HI];
  e += (hiWord >>> 20) - 1023;
  u32[HI] = (hiWord & 0x000fffff) | 0x3ff00000; // mantissa m in [1, 2)
  let m = f64[0];
  if (m > SQRT2) {
    m /= 2;
    e += 1;
  }
  // log m = 2 atanh(s), s = (m - 1)/(m + 1), |s| <= 0.1716: the series to s^25 is exact to double precision.
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  let series = 0;
  for (let n = 25; n >= 3; n -= 2) series = z * (1 / n + series);
  const logm = 2 * s + 2 * s * series;
  return e * LN2_HI + (logm + e * LN2_LO);
}

export function log10(x: number): number {
  return log(x) / LN10;
}

export function log1p(x: number): number {
  // Accurate enough for progress readouts; exact identities are not asked of it.
  return Math.abs(x) < 1e-4 ? x - (x * x) / 2 + (x * x * x) / 3 : log(1 + x);
}

/** x^y: repeated squaring for integer exponents (exact-as-multiplication), exp(y log x) otherwise. */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (Number.isInteger(y) && Math.abs(y) <= 1024) {
    let n = Math.abs(y);
    let base = x;
    let acc = 1;
    while (n > 0) {
      if (n & 1) acc *= base;
      base *= base;
      n >>>= 1;
    }
    return y < 0 ? 1 / acc : acc;
  }
  if (x === 1) return 1;
  if (x === 0) return y > 0 ? 0 : Infinity;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const v = exp(y * log(-x));
    return y % 2 === 0 ? v : -v;
  }
  if (x === Infinity) return y > 0 ? Infinity : 0;
  return exp(y * log(x));
}

/** sqrt(a^2 + b^2) (the engine's arguments never come near overflow). */
export function hypot(a: number, b: number): number {
  return Math.sqrt(a * a + b * b);
}

// biome-ignore-start lint/correctness/noPrecisionLoss: fdlibm's constants as published; each literal rounds to the intended double
const PIO2_1 = 1.57079632673412561417; // pi/2 in three parts (Cody-Waite), exact products for |k| < 2^20
const PIO2_2 = 6.07710050650619224932e-11;
const PIO2_3 = 2.02226624879595063154e-21;
// biome-ignore-end lint/correctness/noPrecisionLoss: fdlibm's constants as published

function sinKernel(r: number): number {
  const z = r * r;
  let p = 0;
  for (let n = 21; n >= 3; n -= 2) p = (z / (n * (n - 1))) * (1 - p);
  return r * (1 - p) + 0 * z;
}

function cosKernel(r: number): number {
  const z = r * r;
  let p = 0;
  for (let n = 20; n >= 2; n -= 2) p = (z / (n * (n - 1))) * (1 - p);
  return 1 - p;
}

function quadrant(x: number): { k: number; r: number } {
  const k = Math.round(x / (PIO2_1 + PIO2_2));
  const r = x - k * PIO2_1 - k * PIO2_2 - k * PIO2_3;
  return { k: ((k % 4) + 4) % 4, r };
}

/** sin x for |x| < 1e6 (range reduction by a three-part pi/2). */
export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const { k, r } = quadrant(x);
  return k === 0 ? sinKernel(r) : k === 1 ? cosKernel(r) : k === 2 ? -sinKernel(r) : -cosKernel(r);
}

/** cos x for |x| < 1e6. */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const { k, r } = quadrant(x);
  return k === 0 ? cosKernel(r) : k === 1 ? -sinKernel(r) : k === 2 ? -cosKernel(r) : sinKernel(r);
}
