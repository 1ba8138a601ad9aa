import { generalEigenvalues, hessenbergReduce, swapEntries } from './hqr';

/** The complex atoms of a full student: eigenvalues mu_i = re + i im of A and residues r_i (complex), h_j = sum_i r_i mu_i^j. */
export interface ComplexAtoms {
  re: Float64Array;
  im: Float64Array;
  resRe: Float64Array;
  resIm: Float64Array;
}

/**
 * Residues of the impulse response of (A, B, C) at the eigenvalues of a real general d x d matrix A (row-major):
 * r_i = (C v_i)(w_i^T B) / (w_i^T v_i), v_i and w_i the right and left eigenvectors of mu_i (A v = mu v,
 * w^T A = mu w^T), so that h_j = C A^j B = sum_i r_i mu_i^j when A is diagonalisable (spec Sec. 2.5: the atoms of a
 * full student, drawn sized by |r_i|).
 *
 * The eigenvalues come from ./hqr. The eigenvectors are a small complex step written here rather than taken from a
 * package (ml-matrix's EigenvalueDecomposition would give them, as real and imaginary parts of real vectors) because
 * the engine imports no npm packages and needs only the residues: for each mu, one complex LU of (A - mu I) with
 * partial pivoting (a zero pivot replaced by eps norm(A), as EISPACK's invit does), then two steps of inverse
 * iteration for v started from B and two for w (with the transposed factors) started from C^T. The ratio formula
 * is invariant to the scale of v and w, so no normalisation is needed beyond guarding overflow. The residues are
 * invariant under (A, B, C) -> (M A M^-1, M B, C M^-1), so the system is first brought to upper Hessenberg form
 * (the stabilised elementary transformations of elmhes, applied to B and C too): the LU of a Hessenberg matrix has one
 * multiplier per column, so each eigenvalue costs O(d^2) and all of them O(d^3), about as much as the eigenvalues
 * (a dense LU per eigenvalue, O(d^4), took about 17 ms at d = 50 on every streamed frame). A conjugate pair shares
 * one factorisation (the residue of the conjugate is the conjugate).
 *
 * Near-defective A (a cluster of almost equal eigenvalues, e.g. a student imitating the nilpotent delay teacher)
 * gives large residues of opposite sign whose sum is still h_j; a defective A has no such decomposition. Returns null
 * when the QR iteration does not converge.
 */
export function complexAtoms(A: ArrayLike<number>, B: ArrayLike<number>, C: ArrayLike<number>, d: number): ComplexAtoms | null {
  const { H, b: B1, c: C1 } = hessenbergSystem(A, B, C, d);
  const ev = generalEigenvalues(H, d);
  if (!ev) return null;
  const resRe = new Float64Array(d);
  const resIm = new Float64Array(d);
  let norm = 0;
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += Math.abs(H[i * d + j]);
    norm = Math.max(norm, s);
  }
  const tiny = Math.max(norm, Number.MIN_VALUE) * 2.220446049250313e-16;
  // work arrays: the LU factors (real and imaginary), the pivots, and the vectors
  const lr = new Float64Array(d * d);
  const li = new Float64Array(d * d);
  const piv = new Int32Array(d);
  const xr = new Float64Array(d);
  const xi = new Float64Array(d);
  const yr = new Float64Array(d);
  const yi = new Float64Array(d);
  for (let e = 0; e < d; e++) {
    const mr = ev.re[e];
    const mi = ev.im[e];
    // the second of a conjugate pair (adjacent, negative imaginary part after the positive one): conjugate residue
    if (e > 0 && mi !== 0 && ev.re[e - 1] === mr && ev.im[e - 1] === -mi) {
      resRe[e] = resRe[e - 1];
      resIm[e] = -resIm[e - 1];
      continue;
    }
    for (let k = 0; k < d * d; k++) {
      lr[k] = H[k];
      li[k] = 0;
    }
    for (let k = 0; k < d; k++) {
      lr[k * d + k] -= mr;
      li[k * d + k] -= mi;
    }
    luComplex(lr, li, piv, d, tiny);
    for (let k = 0; k < d; k++) {
      xr[k] = B1[k];
      xi[k] = 0;
      yr[k] = C1[k];
      yi[k] = 0;
    }
    for (let it = 0; it < 2; it++) {
      solveComplex(lr, li, piv, d, xr, xi, false);
      rescale(xr, xi);
      solveComplex(lr, li, piv, d, yr, yi, true);
      rescale(yr, yi);
    }
    // c^T v, w^T b, w^T v (plain transposes: the left eigenvector of a real A at mu solves (A - mu I)^T w = 0)
    let cvR = 0;
    let cvI = 0;
    let wbR = 0;
    let wbI = 0;
    let wvR = 0;
    let wvI = 0;
    for (let k = 0; k < d; k++) {
      cvR += C1[k] * xr[k];
      cvI += C1[k] * xi[k];
      wbR += yr[k] * B1[k];
      wbI += yi[k] * B1[k];
      wvR += yr[k] * xr[k] - yi[k] * xi[k];
      wvI += yr[k] * xi[k] + yi[k] * xr[k];
    }
    const nr = cvR * wbR - cvI * wbI;
    const ni = cvR * wbI + cvI * wbR;
    const den = wvR * wvR + wvI * wvI;
    resRe[e] = (nr * wvR + ni * wvI) / den;
    resIm[e] = (ni * wvR - nr * wvI) / den;
  }
  return { re: ev.re, im: ev.im, resRe, resIm };
}

/** (H, b, c) = (M A M^-1, M b, c M^-1) with H upper Hessenberg (./hqr's elmhes, applied to b and c too). */
function hessenbergSystem(A: ArrayLike<number>, B: ArrayLike<number>, C: ArrayLike<number>, d: number): { H: Float64Array; b: Float64Array; c: Float64Array } {
  const H = Float64Array.from({ length: d * d }, (_, i) => A[i]);
  const b = Float64Array.from({ length: d }, (_, i) => B[i]);
  const c = Float64Array.from({ length: d }, (_, i) => C[i]);
  hessenbergReduce(H, d, b, c);
  return { H, b, c };
}

/** In-place LU with partial pivoting of a complex d x d matrix (row-major, real part lr, imaginary li); P A = L U. */
function luComplex(lr: Float64Array, li: Float64Array, piv: Int32Array, d: number, tiny: number): void {
  for (let k = 0; k < d; k++) {
    let p = k;
    let best = -1;
    for (let i = k; i < d; i++) {
      const m = Math.abs(lr[i * d + k]) + Math.abs(li[i * d + k]);
      if (m > best) {
        best = m;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) {
      for (let j = 0; j < d; j++) {
        let t = lr[k * d + j];
        lr[k * d + j] = lr[p * d + j];
        lr[p * d + j] = t;
        t = li[k * d + j];
        li[k * d + j] = li[p * d + j];
        li[p * d + j] = t;
      }
    }
    if (best <= tiny) {
      // a (numerically) singular pivot: the shift is an eigenvalue to working precision, as inverse iteration wants
      lr[k * d + k] = tiny;
      li[k * d + k] = 0;
    }
    const pr = lr[k * d + k];
    const pi = li[k * d + k];
    const pd = pr * pr + pi * pi;
    for (let i = k + 1; i < d; i++) {
      const ar = lr[i * d + k];
      const ai = li[i * d + k];
      if (ar === 0 && ai === 0) continue;
      // multiplier l = a / pivot
      const fr = (ar * pr + ai * pi) / pd;
      const fi = (ai * pr - ar * pi) / pd;
      lr[i * d + k] = fr;
      li[i * d + k] = fi;
      for (let j = k + 1; j < d; j++) {
        const ur = lr[k * d + j];
        const ui = li[k * d + j];
        lr[i * d + j] -= fr * ur - fi * ui;
        li[i * d + j] -= fr * ui + fi * ur;
      }
    }
  }
}

/** Solves (P A) x = P b in place (or A^T x = b when `transposed`), with the factors of luComplex. */
function solveComplex(lr: Float64Array, li: Float64Array, piv: Int32Array, d: number, xr: Float64Array, xi: Float64Array, transposed: boolean): void {
  if (!transposed) {
    for (let k = 0; k < d; k++) swapEntries(xr, xi, k, piv[k]);
    sweep(lr, li, d, xr, xi, true, false, true); // L y = P b (unit lower)
    sweep(lr, li, d, xr, xi, false, false, false); // U x = y
    return;
  }
  // A^T = U^T L^T P: solve U^T z = b, then L^T u = z, then x = P^T u
  sweep(lr, li, d, xr, xi, true, true, false);
  sweep(lr, li, d, xr, xi, false, true, true);
  for (let k = d - 1; k >= 0; k--) swapEntries(xr, xi, k, piv[k]);
}

/**
 * One triangular solve in place with a complex LU factor: rows first to last (`forward`, the lower factor) or last to
 * first (the upper), the factor read as stored or transposed, divided by its diagonal unless `unit`.
 */
function sweep(lr: Float64Array, li: Float64Array, d: number, xr: Float64Array, xi: Float64Array, forward: boolean, transposed: boolean, unit: boolean): void {
  for (let s = 0; s < d; s++) {
    const i = forward ? s : d - 1 - s;
    let sr = xr[i];
    let si = xi[i];
    for (let j = forward ? 0 : i + 1; j < (forward ? i : d); j++) {
      const at = transposed ? j * d + i : i * d + j;
      const ar = lr[at];
      const ai = li[at];
      sr -= ar * xr[j] - ai * xi[j];
      si -= ar * xi[j] + ai * xr[j];
    }
    if (unit) {
      xr[i] = sr;
      xi[i] = si;
    } else divInto(sr, si, lr[i * d + i], li[i * d + i], xr, xi, i);
  }
}

function divInto(sr: number, si: number, dr: number, di: number, xr: Float64Array, xi: Float64Array, i: number): void {
  const dd = dr * dr + di * di;
  xr[i] = (sr * dr + si * di) / dd;
  xi[i] = (si * dr - sr * di) / dd;
}

/** Divides a complex vector by its largest entry's modulus (inverse iteration grows it by 1 / (distance to mu)). */
function rescale(xr: Float64Array, xi: Float64Array): void {
  let m = 0;
  for (let k = 0; k < xr.length; k++) m = Math.max(m, Math.abs(xr[k]), Math.abs(xi[k]));
  if (m > 0 && Number.isFinite(m)) {
    for (let k = 0; k < xr.length; k++) {
      xr[k] /= m;
      xi[k] /= m;
    }
  }
}
