/**
 * Geometry of the phase portraits of docs/labs/saddles.md Sec. 7.5 beyond Example 1: the single-neuron (a, v) plane with the
 * conserved a^2 - p v^2, and the polar view of a two-layer square net in d = 2, where each neuron sits at the
 * angle of a_j and the NCF's matrix M = sum_i ytilde_i x_i x_i^T has its eigenvectors as rays (docs/labs/saddles.md Sec. 3.2).
 */

/** M = sum_i ytilde_i x_i x_i^T (d x d, row-major) from row-major inputs X (n x d). */
export function ncfMatrix(X: ArrayLike<number>, ytilde: ArrayLike<number>, d: number): Float64Array {
  const M = new Float64Array(d * d);
  for (let i = 0; i < ytilde.length; i++) for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) M[r * d + c] += ytilde[i] * X[i * d + r] * X[i * d + c];
  return M;
}

/** Eigenvalues (largest first) and the angles of their unit eigenvectors, of a symmetric 2 x 2 matrix. */
export function eigSym2(M: ArrayLike<number>): { values: [number, number]; angles: [number, number] } {
  const [a, b, , d] = [M[0], M[1], M[2], M[3]];
  const mid = (a + d) / 2;
  const rad = Math.sqrt(((a - d) / 2) ** 2 + b * b);
  // the top eigenvector's angle phi solves tan(2 phi) = 2b / (a - d)
  const phi = 0.5 * Math.atan2(2 * b, a - d);
  return { values: [mid + rad, mid - rad], angles: [phi, phi + Math.PI / 2] };
}

/**
 * Neuron j of a two-layer net with input dimension 2 at one snapshot: the angle of a_j = W[j, :] and
 * log ||(a_j, v_j)||. `param(k)` reads parameter k (W row-major k x 2, then v).
 */
export function neuronPolar(param: (k: number) => number, width: number, j: number): { angle: number; logNorm: number } {
  const a1 = param(2 * j);
  const a2 = param(2 * j + 1);
  const v = param(2 * width + j);
  return { angle: Math.atan2(a2, a1), logNorm: Math.log(Math.sqrt(a1 * a1 + a2 * a2 + v * v)) };
}

/**
 * The level set a^2 - p v^2 = c inside |a| <= A, |v| <= V as polylines (each branch a = +-sqrt(c + p v^2)).
 * Gradient flow of a single neuron stays on the one it starts on (docs/labs/saddles.md Sec. 3.4).
 */
export function conservedCurve(c: number, p: number, A: number, V: number, samples = 160): [number, number][][] {
  const out: [number, number][][] = [];
  for (const sign of [1, -1]) {
    let cur: [number, number][] = [];
    for (let i = 0; i <= samples; i++) {
      const v = -V + (2 * V * i) / samples;
      const s = c + p * v * v;
      const a = s >= 0 ? sign * Math.sqrt(s) : NaN;
      if (Number.isFinite(a) && Math.abs(a) <= A) cur.push([a, v]);
      else if (cur.length) {
        out.push(cur);
        cur = [];
      }
    }
    if (cur.length) out.push(cur);
  }
  return out.filter((l) => l.length > 1);
}

/**
 * Where a square neuron (H = v (a x)^2, x = 1, label y) started on the balanced line a^2 = 2 v^2 ends: the
 * line meets the zero-loss curve v a^2 = y at v = (y/2)^(1/3), a = sqrt2 v (docs/labs/saddles.md Sec. 5.1, SD-neuron).
 */
export function balancedNeuronLimit(y: number): { a: number; v: number } {
  const v = Math.cbrt(y / 2);
  return { a: Math.SQRT2 * Math.abs(v), v };
}
