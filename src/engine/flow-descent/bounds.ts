import { exp, log, pow } from '../core/det-math';

/**
 * The paper's curvature and step-size bounds as pure functions (docs/labs/flow-vs-descent.md Sec. 3.3, Sec. 6.4),
 * for the theory panel and the bound curves beside measured lmin. Inputs are norms the caller measures.
 */

/** max over |J| = k of prod_{j in J} x_j for x_j >= 0: the product of the k largest (empty product 1). */
export function maxProductOf(norms: ArrayLike<number>, k: number): number {
  const s = Array.from(norms).sort((a, b) => b - a);
  let p = 1;
  for (let i = 0; i < k; i++) p *= s[i];
  return p;
}

/**
 * Lemma 7 (Eq. 13): lmin >= -(n-1) sqrt(min{d0, dn}) ||grad phi(W_{n:1})|| max_{|J|=n-2} prod_J ||W_j||_s.
 * spectralNorms holds ||W_1||_s .. ||W_n||_s (n = its length).
 */
export function lemma7Bound(spectralNorms: ArrayLike<number>, d0: number, dn: number, gradPhiNorm: number): number {
  const n = spectralNorms.length;
  if (n < 2) return 0;
  return -(n - 1) * Math.sqrt(Math.min(d0, dn)) * gradPhiNorm * maxProductOf(spectralNorms, n - 2);
}

/**
 * Prop. 8 (Eq. 14), on a GF path from ||theta_s|| <= eps <= 1/(2n):
 * lmin >= -(n-1) sqrt(min{d0,dn}) ||G|| ||W_{n:1}||_s^(1-2/n) - c eps^(1-2/n),
 * c = 4n(n-1)/(4n)^(2/n) sqrt(min{d0,dn}) ||G|| max{1, max_j ||W_j||_s}^(2(n-2)). eps = 0 drops the second term (n >= 3).
 */
export function prop8Bound(spectralNorms: ArrayLike<number>, d0: number, dn: number, gradPhiNorm: number, endToEndSpectral: number, eps: number): number {
  const n = spectralNorms.length;
  if (n < 2) return 0;
  const s = Math.sqrt(Math.min(d0, dn)) * gradPhiNorm;
  let wmax = 1;
  for (let j = 0; j < n; j++) wmax = Math.max(wmax, spectralNorms[j]);
  const c = ((4 * n * (n - 1)) / pow(4 * n, 2 / n)) * s * pow(wmax, 2 * (n - 2));
  const e = 1 - 2 / n;
  return -(n - 1) * s * pow(endToEndSpectral, e) - c * pow(eps, e);
}

/**
 * Lemma 11 (Eq. 17), ReLU/leaky nets on an activation region:
 * lmin >= -max{|alpha|,|abar|}^(n-1) ((n-1)/|S|) sum_i ||grad l_i|| ||x_i|| max_{|J|=n-2} prod_J ||W_j||_F.
 * frobNorms holds ||W_1||_F .. ||W_n||_F; outGradNorms[i] = ||grad l_i|| w.r.t. the output; inputNorms[i] = ||x_i||.
 */
export function lemma11Bound(frobNorms: ArrayLike<number>, slopeMax: number, outGradNorms: ArrayLike<number>, inputNorms: ArrayLike<number>): number {
  const n = frobNorms.length;
  if (n < 2) return 0;
  return -pow(slopeMax, n - 1) * dataTerm(n, outGradNorms, inputNorms) * maxProductOf(frobNorms, n - 2);
}

/** Prop. 12 (Eq. 18): Eq. 17 with max_J prod replaced by (min_j ||W_j||_F + eps)^(n-2). */
export function prop12Bound(frobNorms: ArrayLike<number>, slopeMax: number, outGradNorms: ArrayLike<number>, inputNorms: ArrayLike<number>, eps: number): number {
  const n = frobNorms.length;
  if (n < 2) return 0;
  let wmin = Infinity;
  for (let j = 0; j < n; j++) wmin = Math.min(wmin, frobNorms[j]);
  return -pow(slopeMax, n - 1) * dataTerm(n, outGradNorms, inputNorms) * pow(wmin + eps, n - 2);
}

/** ((n-1)/|S|) sum_i ||grad l_i|| ||x_i||. */
function dataTerm(n: number, outGradNorms: ArrayLike<number>, inputNorms: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < outGradNorms.length; i++) s += outGradNorms[i] * inputNorms[i];
  return ((n - 1) * s) / outGradNorms.length;
}

export interface Cor4Input {
  /** Smoothness constant beta > 0 (sup ||H||_s over space). */
  beta: number;
  /** f(theta(0)) >= 0. */
  f0: number;
  eps: number;
  /** d0 = ||theta_0 - theta(0)||. */
  d0: number;
  /** m = -inf lmin over space. */
  m: number;
  /** Horizon t~ > 0. */
  tTilde: number;
}

/**
 * Cor. 4: c = 1/(sqrt(2 beta^3 f0) + beta^2 eps); eta_max = c (eps - d0)|m| (m < 0), c (eps - d0)/t~ (m = 0),
 * c (eps - d0 e^{m t~}) m/(e^{m t~} - 1) (m > 0). Non-positive means no step size is guaranteed.
 */
export function cor4EtaMax({ beta, f0, eps, d0, m, tTilde }: Cor4Input): number {
  const c = 1 / (Math.sqrt(2 * beta * beta * beta * f0) + beta * beta * eps);
  if (m < 0) return c * (eps - d0) * -m;
  if (m === 0) return (c * (eps - d0)) / tTilde;
  const e = exp(m * tTilde);
  return (c * (eps - d0 * e) * m) / (e - 1);
}

/**
 * Thm 3 "trajectory heuristic" (heuristic, not a guarantee: beta, gamma and m sampled on the GF path, not on its
 * eps-tube). With M(t) = int_0^t m and the running upper limit of erratum 8.2,
 *   eta_max(t~) = inf_{0 < t <= t~} (eps - e^{M(t)} d0) / (beta gamma int_0^t e^{M(t) - M(t')} dt'),
 * on the grid t[0] = 0 < t[1] < ... by the trapezoid rule (the inner integral by the recursion
 * J_i = e^{dM} J_{i-1} + (h/2)(e^{dM} + 1), exact for piecewise-constant-in-the-mean m). Returns eta_max(t~ = t[i])
 * for every i (index 0: Infinity).
 */
export function thm3TrajectoryEtaMax(t: ArrayLike<number>, m: ArrayLike<number>, beta: number, gamma: number, eps: number, d0: number): Float64Array {
  const out = new Float64Array(t.length);
  out[0] = Infinity;
  let M = 0;
  let J = 0;
  let best = Infinity;
  for (let i = 1; i < t.length; i++) {
    const h = t[i] - t[i - 1];
    const dM = (h / 2) * (m[i - 1] + m[i]);
    const e = exp(dM);
    M += dM;
    J = e * J + (h / 2) * (e + 1);
    best = Math.min(best, (eps - exp(M) * d0) / (beta * gamma * J));
    out[i] = best;
  }
  return out;
}

/** max{1, (3/2)(1-nu)/(1+nu)} (corrected per erratum 8.3) and max{1, (1-nu)/(1+nu)}. */
function nuFactors(nu: number): { k32: number; k1: number } {
  const q = (1 - nu) / (1 + nu);
  return { k32: Math.max(1, 1.5 * q), k1: Math.max(1, q) };
}

/** Eq. 21: t_bar = 2n max{1, 3/2 (1-nu)/(1+nu)}^n / r0 ln(15n max{1,(1-nu)/(1+nu)} / (r0 min{1, 2 eps_bar})). */
export function eq21TBar(n: number, r0: number, nu: number, epsBar: number): number {
  const { k32, k1 } = nuFactors(nu);
  return ((2 * n * pow(k32, n)) / r0) * log((15 * n * k1) / (r0 * Math.min(1, 2 * epsBar)));
}

/** The log term of Eq. 22: ln(n^2 (e^2 max{1,(1-nu)/(1+nu)})^(5(n-1)/2) / r0^2). */
export function eq22LogTerm(n: number, r0: number, nu: number): number {
  const { k1 } = nuFactors(nu);
  // ln of the product as a sum of logs (the power alone is e^{5(n-1)} for large n).
  return 2 * log(n) + ((5 * (n - 1)) / 2) * (2 + log(k1)) - 2 * log(r0);
}

/** Eq. 22: int_0^t m <= 15 n^3 max{1, 3/2 (1-nu)/(1+nu)}^n t eps / r0 + log term (with beta = 16n, gamma = 6 sqrt n). */
export function eq22IntegralBound(n: number, r0: number, nu: number, t: number, eps: number): number {
  const { k32 } = nuFactors(nu);
  return (15 * n * n * n * pow(k32, n) * t * eps) / r0 + eq22LogTerm(n, r0, nu);
}

/** Prop. 14's smoothness and Lipschitz constants on the eps-tube (eps <= 1/(2n)): beta = 16n, gamma = 6 sqrt(n). */
export function prop14Constants(n: number): { beta: number; gamma: number } {
  return { beta: 16 * n, gamma: 6 * Math.sqrt(n) };
}

/**
 * Eq. 23: eta <= r0^5 min{1, eps~} / (n^(17/2) e^(7n+6) max{1,(1-nu)/(1+nu)}^((11n-5)/2))
 *               * ln(15n max{1,(1-nu)/(1+nu)} / (r0 min{1, eps~}))^(-2).
 */
export function eq23EtaMax(n: number, r0: number, nu: number, epsTilde: number): number {
  const { k1 } = nuFactors(nu);
  const L = log((15 * n * k1) / (r0 * Math.min(1, epsTilde)));
  const lnDen = (17 / 2) * log(n) + 7 * n + 6 + ((11 * n - 5) / 2) * log(k1);
  return (pow(r0, 5) * Math.min(1, epsTilde) * exp(-lnDen)) / (L * L);
}

/**
 * Eq. 24 with erratum 8.3's max{1, (3/2)(1-nu)/(1+nu)}: k = ceil(2n max{..}^n / (r0 eta) ln(15n max{1,(1-nu)/(1+nu)}
 * / (r0 min{1, eps~})) + 1) = ceil(t_bar(eps~/2)/eta + 1). A double (k reaches 1e28 and beyond).
 */
export function eq24Iterations(n: number, r0: number, nu: number, epsTilde: number, eta: number): number {
  return Math.ceil(eq21TBar(n, r0, nu, epsTilde / 2) / eta + 1);
}
