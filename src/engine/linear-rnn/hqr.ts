/**
 * Eigenvalues of a real general n x n matrix: reduction to upper Hessenberg form by stabilised elementary
 * similarity transformations (elmhes), then the Francis double-shift QR algorithm (hqr), after EISPACK as given in
 * Numerical Recipes (2nd ed., Sec. 11.5-11.6), 0-based. Written by hand because the engine imports no npm packages,
 * and because it uses only +, -, *, /, Math.abs and Math.sqrt in a fixed order, so every JavaScript engine returns
 * the same doubles. About 10 n^3 flops; for the spectral radius and the complex "atoms" of a full student.
 * Returns null when an eigenvalue needs more than 30 QR iterations (then use spectralRadiusEstimate).
 */
export function generalEigenvalues(M: ArrayLike<number>, n: number): { re: Float64Array; im: Float64Array } | null {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) a[i] = M[i];
  hessenbergReduce(a, n);
  const at = (i: number, j: number) => a[i * n + j];
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  let anorm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) anorm += Math.abs(at(i, j));
  let nn = n - 1;
  // The scalars of EISPACK's hqr, named as there (shift t; p, q, r, s, w, x, y, z the double-step work).
  let [t, p, q, r, s, w, x, y, z] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  while (nn >= 0) {
    let its = 0;
    let l: number;
    do {
      // Look for a single small sub-diagonal element.
      for (l = nn; l >= 1; l--) {
        s = Math.abs(at(l - 1, l - 1)) + Math.abs(at(l, l));
        if (s === 0) s = anorm;
        if (Math.abs(at(l, l - 1)) + s === s) {
          a[l * n + l - 1] = 0;
          break;
        }
      }
      x = at(nn, nn);
      if (l === nn) {
        // One root found.
        wr[nn] = x + t;
        wi[nn] = 0;
        nn--;
      } else {
        y = at(nn - 1, nn - 1);
        w = at(nn, nn - 1) * at(nn - 1, nn);
        if (l === nn - 1) {
          // Two roots found.
          p = 0.5 * (y - x);
          q = p * p + w;
          z = Math.sqrt(Math.abs(q));
          x += t;
          if (q >= 0) {
            z = p + (p >= 0 ? Math.abs(z) : -Math.abs(z));
            wr[nn - 1] = x + z;
            wr[nn] = x + z;
            if (z !== 0) wr[nn] = x - w / z;
            wi[nn - 1] = 0;
            wi[nn] = 0;
          } else {
            wr[nn - 1] = x + p;
            wr[nn] = x + p;
            wi[nn - 1] = -z;
            wi[nn] = z;
          }
          nn -= 2;
        } else {
          if (its === 30) return null;
          if (its === 10 || its === 20) {
            // Exceptional shift.
            t += x;
            for (let i = 0; i <= nn; i++) a[i * n + i] -= x;
            s = Math.abs(at(nn, nn - 1)) + Math.abs(at(nn - 1, nn - 2));
            x = 0.75 * s;
            y = x;
            w = -0.4375 * s * s;
          }
          its++;
          // Form the shift and look for two consecutive small sub-diagonal elements.
          let m: number;
          for (m = nn - 2; m >= l; m--) {
            z = at(m, m);
            r = x - z;
            s = y - z;
            p = (r * s - w) / at(m + 1, m) + at(m, m + 1);
            q = at(m + 1, m + 1) - z - r - s;
            r = at(m + 2, m + 1);
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m === l) break;
            const u = Math.abs(at(m, m - 1)) * (Math.abs(q) + Math.abs(r));
            const v = Math.abs(p) * (Math.abs(at(m - 1, m - 1)) + Math.abs(z) + Math.abs(at(m + 1, m + 1)));
            if (u + v === v) break;
          }
          for (let i = m + 2; i <= nn; i++) {
            a[i * n + i - 2] = 0;
            if (i !== m + 2) a[i * n + i - 3] = 0;
          }
          // Double QR step on rows l..nn and columns m..nn.
          for (let k = m; k <= nn - 1; k++) {
            if (k !== m) {
              p = at(k, k - 1);
              q = at(k + 1, k - 1);
              r = 0;
              if (k !== nn - 1) r = at(k + 2, k - 1);
              x = Math.abs(p) + Math.abs(q) + Math.abs(r);
              if (x !== 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            const sq = Math.sqrt(p * p + q * q + r * r);
            s = p >= 0 ? sq : -sq;
            if (s !== 0) {
              if (k === m) {
                if (l !== m) a[k * n + k - 1] = -at(k, k - 1);
              } else a[k * n + k - 1] = -s * x;
              p += s;
              x = p / s;
              y = q / s;
              z = r / s;
              q /= p;
              r /= p;
              for (let j = k; j <= nn; j++) {
                p = at(k, j) + q * at(k + 1, j);
                if (k !== nn - 1) {
                  p += r * at(k + 2, j);
                  a[(k + 2) * n + j] -= p * z;
                }
                a[(k + 1) * n + j] -= p * y;
                a[k * n + j] -= p * x;
              }
              const mmin = Math.min(nn, k + 3);
              for (let i = l; i <= mmin; i++) {
                p = x * at(i, k) + y * at(i, k + 1);
                if (k !== nn - 1) {
                  p += z * at(i, k + 2);
                  a[i * n + k + 2] -= p * r;
                }
                a[i * n + k + 1] -= p * q;
                a[i * n + k] -= p;
              }
            }
          }
        }
      }
    } while (l < nn - 1);
  }
  return { re: wr, im: wi };
}

/**
 * elmhes in place: a (n x n, row-major) becomes H = M a M^-1, upper Hessenberg, by stabilised elementary similarity
 * transformations. For each column m - 1 the largest sub-diagonal entry is pivoted into row m (a swap of rows and
 * columns m and piv), then row i -= y row m and column m += y column i for every row i below, the entry eliminated set
 * to 0. With b and c (a system's input and output vectors) they follow the similarity: b -> M b, c -> c M^-1.
 */
export function hessenbergReduce(a: Float64Array, n: number, b?: Float64Array, c?: Float64Array): void {
  for (let m = 1; m < n - 1; m++) {
    let x = 0;
    let piv = m;
    for (let j = m; j < n; j++) {
      if (Math.abs(a[j * n + m - 1]) > Math.abs(x)) {
        x = a[j * n + m - 1];
        piv = j;
      }
    }
    if (piv !== m) {
      // the columns left of m - 1 hold zeros in both rows
      for (let j = m - 1; j < n; j++) {
        const t = a[piv * n + j];
        a[piv * n + j] = a[m * n + j];
        a[m * n + j] = t;
      }
      for (let j = 0; j < n; j++) {
        const t = a[j * n + piv];
        a[j * n + piv] = a[j * n + m];
        a[j * n + m] = t;
      }
      if (b && c) swapEntries(b, c, m, piv);
    }
    if (x === 0) continue;
    for (let i = m + 1; i < n; i++) {
      let y = a[i * n + m - 1];
      if (y === 0) continue;
      y /= x;
      a[i * n + m - 1] = 0;
      for (let j = m; j < n; j++) a[i * n + j] -= y * a[m * n + j];
      for (let j = 0; j < n; j++) a[j * n + m] += y * a[j * n + i];
      if (b && c) {
        b[i] -= y * b[m];
        c[m] += y * c[i];
      }
    }
  }
}

/** Swaps entries k and p of two vectors alike (a complex vector's parts, or b and c under a similarity's swap). */
export function swapEntries(xr: Float64Array, xi: Float64Array, k: number, p: number): void {
  if (p === k) return;
  let t = xr[k];
  xr[k] = xr[p];
  xr[p] = t;
  t = xi[k];
  xi[k] = xi[p];
  xi[p] = t;
}
