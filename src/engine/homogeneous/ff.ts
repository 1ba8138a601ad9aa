import type { ParamBlock } from '../core/problem';
import { lossScale, type HomogeneousModel, type LossKind, type Unit } from './types';
import { pow } from '../core/det-math';
import { type FfWasmExports, ffWasmInstance } from './ff-wasm';

export interface FeedForwardOptions {
  /** Layer sizes [d, k_1, ..., k_(depth-1), 1]. */
  dims: number[];
  p: number;
  alpha: number;
  /** Inputs, row-major nPoints x d. */
  X: Float64Array;
  y: Float64Array;
  loss: LossKind;
  /** false: the JavaScript kernels even where WebAssembly runs (the two give the same bits; tests compare them). */
  wasm?: boolean;
}

/** Degree of homogeneity of a depth-`depth` net with activation power p: 1 + p + ... + p^(depth-1). */
export function homogeneityDegree(depth: number, p: number): number {
  let s = 0;
  for (let l = 0; l < depth; l++) s += pow(p, l);
  return s;
}

/**
 * Feed-forward net without biases, H(x) = W_depth s(W_(depth-1) ... s(W_1 x)), s(z) = max(z, alpha z)^p
 * (docs/labs/saddles.md Sec. 2.2, Eq. 9 of paper 003). Parameters are W_1, ..., W_depth row-major, back to back; the last
 * block (1 x k_(depth-1)) is named v. Backprop over all points at once, activations stored unit-major
 * (z[l][j * n + i]), so the inner loops run over data points.
 */
export class FeedForward implements HomogeneousModel {
  readonly n: number;
  readonly Lh: number;
  readonly blocks: ParamBlock[];
  readonly nPoints: number;
  readonly ytilde: Float64Array;
  readonly units: Unit[];
  readonly hasConservation = true;
  readonly depth: number;
  readonly dims: number[];
  readonly p: number;
  readonly alpha: number;
  readonly lossKind: LossKind;
  readonly y: Float64Array;
  readonly X: Float64Array;
  private readonly scale: number;
  private readonly offsets: number[];
  /** a[0] = X transposed (d x n); z[l], a[l] for l = 1..depth (unit-major); aT[l] = a[l] point-major (aT[0] = X). */
  private readonly z: Float64Array[];
  private readonly a: Float64Array[];
  private readonly aT: Float64Array[];
  private readonly dl: Float64Array[];
  private readonly r: Float64Array;
  /** The WebAssembly kernels and, in their memory, the parameters and gradient they read and write (null: JavaScript). */
  private readonly wasm: FfWasmExports | null;
  private readonly thetaBuf: Float64Array;
  private readonly gBuf: Float64Array;
  /** Scratch of the WebAssembly row sums: each weight splatted into both lanes. */
  private readonly ws2: Float64Array;
  private readonly alphaP: number;
  /** s(z) = z^2 (p = 2, alpha = 1): the square nets' activation, with its own kernels. */
  private readonly square: boolean;
  /** Two-layer square nets (p = 2, alpha = 1): H(x) = x^T A x with A = sum_j v_j a_j a_j^T (see quadGrad). */
  private readonly quad: {
    F: number;
    QT: Float64Array;
    /** QT transposed (point-major), for the feature-parallel R = QT r of the WebAssembly kernels. */
    QI: Float64Array;
    M: Float64Array;
    A: Float64Array;
    R: Float64Array;
    Rfull: Float64Array;
    t: Float64Array;
    WT: Float64Array;
    BT: Float64Array;
    H: Float64Array;
    r: Float64Array;
    T: Float64Array;
  } | null;

  constructor(o: FeedForwardOptions) {
    this.dims = o.dims;
    this.depth = o.dims.length - 1;
    if (o.dims[this.depth] !== 1) throw new Error('the output layer must have size 1');
    this.p = o.p;
    this.alpha = o.alpha;
    this.alphaP = pow(o.alpha, o.p);
    this.square = o.p === 2 && o.alpha === 1;
    this.lossKind = o.loss;
    this.X = o.X;
    this.y = o.y;
    const d = o.dims[0];
    const N = o.y.length;
    this.nPoints = N;
    this.scale = lossScale(o.loss, N);
    this.ytilde = Float64Array.from(o.y, (v) => 2 * this.scale * v);
    this.Lh = homogeneityDegree(this.depth, o.p);
    this.offsets = [];
    this.blocks = [];
    let off = 0;
    for (let l = 1; l <= this.depth; l++) {
      const size = o.dims[l] * o.dims[l - 1];
      this.offsets.push(off);
      this.blocks.push({ name: l === this.depth ? 'v' : `W${l}`, offset: off, size });
      off += size;
    }
    this.n = off;
    // Every work array lives in one arena: the WebAssembly instance's memory when there is one, so both kernels
    // run on the same arrays.
    const isQuad = this.depth === 2 && this.square;
    const F = (d * (d + 1)) / 2;
    const k = o.dims[1];
    const units = o.dims.reduce((s, kl) => s + kl, 0);
    const quadSize = isQuad ? 2 * F * N + 3 * F + d * d + d + 3 * d * k + 2 * N : 0;
    const maxRows = Math.max(...o.dims, isQuad ? F : 0);
    const total = 2 * off + N + 4 * units * N + quadSize + 2 * maxRows;
    const inst = o.wasm === false ? null : ffWasmInstance(total);
    this.wasm = inst?.exports ?? null;
    const heap = inst?.heap ?? new Float64Array(total);
    let used = 0;
    const take = (len: number) => {
      used += len;
      return heap.subarray(used - len, used);
    };
    this.thetaBuf = take(off);
    this.gBuf = take(off);
    this.ws2 = take(2 * maxRows);
    this.r = take(N);
    this.z = o.dims.map((kl) => take(kl * N));
    this.a = o.dims.map((kl) => take(kl * N));
    this.aT = o.dims.map((kl) => take(kl * N));
    this.dl = o.dims.map((kl) => take(kl * N));
    const x0 = this.a[0];
    for (let i = 0; i < N; i++) for (let m = 0; m < d; m++) x0[m * N + i] = o.X[i * d + m];
    this.aT[0].set(o.X);
    this.quad = null;
    if (isQuad) {
      // packed features x_im x_ic (m <= c), feature-major: QT[f * N + i], and point-major: QI[i * F + f]
      const QT = take(F * N);
      const QI = take(F * N);
      const M = take(F);
      for (let i = 0; i < N; i++) {
        let f = 0;
        for (let m = 0; m < d; m++)
          for (let q = m; q < d; q++, f++) {
            const x = o.X[i * d + m] * o.X[i * d + q];
            QT[f * N + i] = x;
            QI[i * F + f] = x;
            M[f] += this.ytilde[i] * x;
          }
      }
      this.quad = { F, QT, QI, M, A: take(F), R: take(F), Rfull: take(d * d), t: take(d), WT: take(d * k), BT: take(d * k), T: take(d * k), H: take(N), r: take(N) };
    }
    this.units = [];
    for (let l = 1; l < this.depth; l++) {
      const kin = o.dims[l - 1];
      const kout = o.dims[l + 1];
      for (let j = 0; j < o.dims[l]; j++) {
        const inIdx = Int32Array.from({ length: kin }, (_, m) => this.offsets[l - 1] + j * kin + m);
        const outIdx = Int32Array.from({ length: kout }, (_, q) => this.offsets[l] + q * o.dims[l] + j);
        this.units.push({ label: `${l}:${j + 1}`, layer: l, index: j, inIdx, outIdx });
      }
    }
  }

  /** Offset of W_l (1-based layer) in the parameter vector. */
  offset(l: number): number {
    return this.offsets[l - 1];
  }

  private act(zv: number): number {
    const w = zv > 0 ? zv : this.alpha * zv;
    return this.p === 1 ? w : this.p === 2 ? w * w : w * w * w;
  }

  private dact(zv: number): number {
    const p = this.p;
    const pw = p === 1 ? 1 : p === 2 ? zv : zv * zv;
    return zv > 0 ? p * pw : p * this.alphaP * pw;
  }

  /** Forward pass over all points; the outputs end up in a[depth] (= z[depth]). */
  private forward(theta: Float64Array): Float64Array {
    if (this.wasm) return this.forwardWasm(this.wasm, theta);
    const N = this.nPoints;
    const { dims, depth } = this;
    for (let l = 1; l <= depth; l++) {
      const kin = dims[l - 1];
      const kout = dims[l];
      const W = this.offsets[l - 1];
      const prev = this.a[l - 1];
      const zl = this.z[l];
      for (let j = 0; j < kout; j++) accumulateRows(theta, W + j * kin, kin, prev, N, zl, j * N);
      const al = this.a[l];
      if (l === depth) al.set(zl);
      else if (this.square) for (let i = 0; i < zl.length; i++) al[i] = zl[i] * zl[i];
      else for (let i = 0; i < zl.length; i++) al[i] = this.act(zl[i]);
    }
    return this.a[depth];
  }

  /** Backprop of sum_i r_i H(x_i; w) into g (forward() must have run at theta). */
  private backward(theta: Float64Array, r: Float64Array, g: Float64Array): void {
    if (this.wasm) {
      this.backwardWasm(this.wasm, r, g);
      return;
    }
    const N = this.nPoints;
    const { dims, depth } = this;
    this.dl[depth].set(r);
    for (let l = depth; l >= 1; l--) {
      const kin = dims[l - 1];
      const kout = dims[l];
      const W = this.offsets[l - 1];
      const dlt = this.dl[l];
      const prev = this.a[l - 1];
      for (let j = 0; j < kout; j++) dotRows(dlt, j * N, prev, kin, N, g, W + j * kin);
      if (l === 1) break;
      const down = this.dl[l - 1];
      // down = W_l^T dlt: row m of down sums column m of W_l against the rows of dlt
      for (let m = 0; m < kin; m++) accumulateRows(theta, W + m, kout, dlt, N, down, m * N, kin);
      const zl = this.z[l - 1];
      if (this.square) for (let i = 0; i < down.length; i++) down[i] *= 2 * zl[i];
      else for (let i = 0; i < down.length; i++) down[i] *= this.dact(zl[i]);
    }
  }

  /** forward() by the WebAssembly kernels; theta stays in thetaBuf for backwardWasm. */
  private forwardWasm(w: FfWasmExports, theta: Float64Array): Float64Array {
    const N = this.nPoints;
    const { dims, depth, z, a, aT } = this;
    this.thetaBuf.set(theta);
    const t = this.thetaBuf.byteOffset;
    const mode = this.square ? 1 : 2;
    for (let l = 1; l <= depth; l++) {
      w.forwardLayer(t + 8 * this.offsets[l - 1], dims[l - 1], dims[l], a[l - 1].byteOffset, N, z[l].byteOffset, this.ws2.byteOffset);
      w.activate(z[l].byteOffset, a[l].byteOffset, aT[l].byteOffset, dims[l], N, l === depth ? 0 : mode, this.p, this.alpha);
    }
    return a[depth];
  }

  /** backward() by the WebAssembly kernels, at the theta of the last forwardWasm. */
  private backwardWasm(w: FfWasmExports, r: Float64Array, g: Float64Array): void {
    const N = this.nPoints;
    const { dims, depth, z, aT, dl } = this;
    const t = this.thetaBuf.byteOffset;
    const mode = this.square ? 1 : 2;
    dl[depth].set(r);
    for (let l = depth; l >= 1; l--) {
      const kin = dims[l - 1];
      const kout = dims[l];
      const W = 8 * this.offsets[l - 1];
      w.dotRowsT(dl[l].byteOffset, kout, aT[l - 1].byteOffset, kin, N, this.gBuf.byteOffset + W);
      if (l === 1) break;
      w.downLayer(t + W, kin, kout, dl[l].byteOffset, N, dl[l - 1].byteOffset, this.ws2.byteOffset);
      w.dactMul(dl[l - 1].byteOffset, z[l - 1].byteOffset, kin * N, mode, this.p, this.alphaP);
    }
    g.set(this.gBuf);
  }

  outputs(theta: Float64Array, out: Float64Array): void {
    out.set(this.forward(theta));
  }

  /**
   * Two-layer square net in quadratic form: with A = sum_j v_j a_j a_j^T (upper triangle, off-diagonal doubled),
   * H_i = <x_i x_i^T, A>; with R = sum_i r_i x_i x_i^T, grad a_j = 2 v_j R a_j and grad v_j = a_j^T R a_j.
   * ncf: fixed weights instead of residuals (the NCF: R = M = sum ytilde_i x_i x_i^T).
   *
   * A[m, c] is a dot over neurons of (v a_m) and a_c (weights transposed first), H = QT^T A and R = QT r run over
   * the packed features x_im x_ic (stored feature-major, and point-major for the WebAssembly kernels).
   */
  private quadPass(theta: Float64Array, g: Float64Array | null, ncf: boolean): number {
    const q = this.quad!;
    const d = this.dims[0];
    const k = this.dims[1];
    const N = this.nPoints;
    const w = this.wasm;
    if (w) {
      this.thetaBuf.set(theta);
      w.quadForm(this.thetaBuf.byteOffset, d, k, q.WT.byteOffset, q.BT.byteOffset, q.A.byteOffset);
    } else quadForm(theta, d, k, q.WT, q.BT, q.A);
    let value: number;
    let Rsrc: Float64Array;
    if (ncf) {
      value = 0;
      for (let f = 0; f < q.F; f++) value += q.M[f] * q.A[f];
      Rsrc = q.M;
    } else {
      // H_i = sum_f QT[f][i] A[f] (four features per sweep over the points)
      if (w) w.accRows(q.A.byteOffset, 1, q.F, q.QT.byteOffset, N, q.H.byteOffset, this.ws2.byteOffset);
      else accumulateRows(q.A, 0, q.F, q.QT, N, q.H, 0);
      value = residuals(q.H, this.y, N, this.scale, q.r);
      if (!g) return value;
      // R_f = sum_i QT[f][i] r_i
      if (w) w.dotRowsT(q.r.byteOffset, 1, q.QI.byteOffset, q.F, N, q.R.byteOffset);
      else dotRows(q.r, 0, q.QT, q.F, N, q.R, 0);
      Rsrc = q.R;
    }
    if (!g) return value;
    let f = 0;
    const Rfull = q.Rfull;
    for (let m = 0; m < d; m++)
      for (let c = m; c < d; c++, f++) {
        Rfull[m * d + c] = Rsrc[f];
        Rfull[c * d + m] = Rsrc[f];
      }
    if (w) {
      w.neuronGrads(this.thetaBuf.byteOffset, d, k, Rfull.byteOffset, q.WT.byteOffset, q.T.byteOffset, this.gBuf.byteOffset);
      g.set(this.gBuf);
    } else neuronGrads(theta, d, k, Rfull, q.t, g);
    return value;
  }

  loss(theta: Float64Array): number {
    if (this.quad) return this.quadPass(theta, null, false);
    const H = this.forward(theta);
    let s = 0;
    for (let i = 0; i < this.nPoints; i++) {
      const e = H[i] - this.y[i];
      s += e * e;
    }
    return this.scale * s;
  }

  grad(theta: Float64Array, g: Float64Array): number {
    if (this.quad) return this.quadPass(theta, g, false);
    return this.gradBackprop(theta, g);
  }

  /** The general backprop gradient (also used to check the quadratic-form path). */
  gradBackprop(theta: Float64Array, g: Float64Array): number {
    const loss = residuals(this.forward(theta), this.y, this.nPoints, this.scale, this.r);
    this.backward(theta, this.r, g);
    return loss;
  }

  ncfGrad(u: Float64Array, g: Float64Array): number {
    if (this.quad) return this.quadPass(u, g, true);
    return this.ncfGradBackprop(u, g);
  }

  ncfGradBackprop(u: Float64Array, g: Float64Array): number {
    const H = this.forward(u);
    let N = 0;
    for (let i = 0; i < this.nPoints; i++) N += this.ytilde[i] * H[i];
    this.backward(u, this.ytilde, g);
    return N;
  }

  outputGrad(theta: Float64Array, i: number, g: Float64Array): number {
    const H = this.forward(theta);
    this.r.fill(0);
    this.r[i] = 1;
    this.backward(theta, this.r, g);
    return H[i];
  }

  /**
   * The sub-network of the hidden neurons marked in `keep` (indexed like units): its model on the same data,
   * and maps from full parameters to the sub-network's and back.
   */
  subnetwork(keep: boolean[]): { model: FeedForward; restrict(theta: Float64Array): Float64Array; embed(sub: Float64Array): Float64Array } {
    const kept: number[][] = [Array.from({ length: this.dims[0] }, (_, m) => m)];
    let u = 0;
    for (let l = 1; l < this.depth; l++) {
      const rows: number[] = [];
      for (let j = 0; j < this.dims[l]; j++, u++) if (keep[u]) rows.push(j);
      kept.push(rows);
    }
    kept.push([0]);
    const dims = kept.map((k) => k.length);
    const model = new FeedForward({ dims, p: this.p, alpha: this.alpha, X: this.X, y: this.y, loss: this.lossKind, wasm: this.wasm !== null });
    const pairs: [number, number][] = [];
    for (let l = 1; l <= this.depth; l++) {
      kept[l].forEach((j, jj) => kept[l - 1].forEach((m, mm) => pairs.push([this.offsets[l - 1] + j * this.dims[l - 1] + m, model.offset(l) + jj * dims[l - 1] + mm])));
    }
    return {
      model,
      restrict: (theta) => {
        const s = new Float64Array(model.n);
        for (const [f, k] of pairs) s[k] = theta[f];
        return s;
      },
      embed: (sub) => {
        const t = new Float64Array(this.n);
        for (const [f, k] of pairs) t[f] = sub[k];
        return t;
      },
    };
  }
}

/*
 * The JavaScript kernels: the reference statement of every float64 operation and its order, which the WebAssembly
 * kernels (wasm/ff-kernels.ts) reproduce bit for bit with SIMD lanes, and the path where WebAssembly is not usable.
 */

/** sum_q a[ao + q] b[bo + q] for q < len, one running sum from 0. */
function dotSeq(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s = 0;
  for (let q = 0; q < len; q++) s += a[ao + q] * b[bo + q];
  return s;
}

/** The same dot product as two running sums, over even q (and a last odd one) and over odd q, added at the end. */
function dotPairwise(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let q = 0;
  for (; q + 1 < len; q += 2) {
    s0 += a[ao + q] * b[bo + q];
    s1 += a[ao + q + 1] * b[bo + q + 1];
  }
  if (q < len) s0 += a[ao + q] * b[bo + q];
  return s0 + s1;
}

/**
 * A = sum_j v_j a_j a_j^T, packed upper triangle with the off-diagonal doubled: A[m, c] is a pairwise dot over
 * neurons of BT[m] = (v a_m) and WT[c] = a_c, except the last column of a row with an odd number of them (one sum).
 */
function quadForm(theta: Float64Array, d: number, k: number, WT: Float64Array, BT: Float64Array, A: Float64Array): void {
  const vOff = k * d;
  // WT[m][j] = a_jm, BT[m][j] = v_j a_jm
  for (let j = 0; j < k; j++) {
    const v = theta[vOff + j];
    const a = j * d;
    for (let m = 0; m < d; m++) {
      const w = theta[a + m];
      WT[m * k + j] = w;
      BT[m * k + j] = v * w;
    }
  }
  let f = 0;
  for (let m = 0; m < d; m++) {
    const lastAlone = (d - m) % 2 === 1;
    for (let c = m; c < d; c++, f++) {
      const s = lastAlone && c === d - 1 ? dotSeq(BT, m * k, WT, c * k, k) : dotPairwise(BT, m * k, WT, c * k, k);
      A[f] = c === m ? s : 2 * s;
    }
  }
}

/** r_i = 2 sc (H_i - y_i) for i < N; returns the loss sc sum_i (H_i - y_i)^2. */
function residuals(H: Float64Array, y: Float64Array, N: number, sc: number, r: Float64Array): number {
  let value = 0;
  for (let i = 0; i < N; i++) {
    const e = H[i] - y[i];
    value += e * e;
    r[i] = 2 * sc * e;
  }
  return sc * value;
}

/** grad a_j = 2 v_j R a_j, grad v_j = a_j^T R a_j (R symmetric, full d x d; t holds R a_j). */
function neuronGrads(theta: Float64Array, d: number, k: number, Rfull: Float64Array, t: Float64Array, g: Float64Array): void {
  const vOff = k * d;
  for (let j = 0; j < k; j++) {
    const a = j * d;
    let av = 0;
    for (let m = 0; m < d; m++) {
      t[m] = dotSeq(Rfull, m * d, theta, a, d);
      av += t[m] * theta[a + m];
    }
    const va = 2 * theta[vOff + j];
    for (let m = 0; m < d; m++) g[a + m] = va * t[m];
    g[vOff + j] = av;
  }
}

/**
 * out[o + i] = sum_m w[wOff + m * wStride] * rows[m * N + i] for i < N, m < count (a weighted sum of `count` rows
 * of length N), in fours: the first four rows' sum ((x0 r0 + x1 r1) + x2 r2) + x3 r3, plus each further four's, plus
 * the rows left one by one (from zero when there are fewer than four). Overwrites out.
 */
function accumulateRows(w: Float64Array, wOff: number, count: number, rows: Float64Array, N: number, out: Float64Array, o: number, wStride = 1): void {
  const g4 = count < 4 ? 0 : count - (count % 4);
  if (g4 === 0) out.fill(0, o, o + N);
  for (let m = 0; m < g4; m += 4) {
    const r0 = m * N;
    const r1 = r0 + N;
    const r2 = r1 + N;
    const r3 = r2 + N;
    const x0 = w[wOff + m * wStride];
    const x1 = w[wOff + (m + 1) * wStride];
    const x2 = w[wOff + (m + 2) * wStride];
    const x3 = w[wOff + (m + 3) * wStride];
    for (let i = 0; i < N; i++) {
      const s = x0 * rows[r0 + i] + x1 * rows[r1 + i] + x2 * rows[r2 + i] + x3 * rows[r3 + i];
      out[o + i] = m === 0 ? s : out[o + i] + s;
    }
  }
  for (let m = g4; m < count; m++) {
    const r = m * N;
    const x = w[wOff + m * wStride];
    for (let i = 0; i < N; i++) out[o + i] += x * rows[r + i];
  }
}

/** g[gOff + m] = sum_i a[aOff + i] rows[m * N + i] for m < count, each one running sum over i. */
function dotRows(a: Float64Array, aOff: number, rows: Float64Array, count: number, N: number, g: Float64Array, gOff: number): void {
  for (let m = 0; m < count; m++) g[gOff + m] = dotSeq(a, aOff, rows, m * N, N);
}
