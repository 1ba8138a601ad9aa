import { cos, exp, log, sin } from '../core/det-math';
import { LayeredNet } from './layered-net';
import type { Objective } from './objective';

/**
 * Fully connected net without biases, h(x) = W_n s(W_{n-1} ... s(W_1 x)) (Eqs. 8-9; docs/labs/flow-vs-descent.md
 * Sec. 2.1), trained on the MEAN over samples of the square loss 1/2 ||yhat - y||^2 or softmax cross-entropy.
 * theta holds W_1 first, each W_j (d_j x d_{j-1}) row-major. Gradient by backprop, HVP by the R-operator of Sec. 3.2
 * with the activation pattern of theta frozen (s'(0) = 0 for ReLU), which is the exact Hessian on the region of
 * Eq. 16. Samples are processed one at a time, so the scratch is a few vectors per layer, whatever the sample count.
 */

export type Activation = 'identity' | 'relu' | 'leaky';
export type FcLossKind = 'square' | 'ce';

export interface FcNetSpec {
  /** d_0 .. d_n. */
  widths: readonly number[];
  activation: Activation;
  /** Slope abar of the leaky activation max(z, abar z) for z < 0 (ignored otherwise). */
  leakySlope?: number;
  loss: FcLossKind;
  /** Inputs, N x d_0 row-major. */
  X: ArrayLike<number>;
  /** square: targets N x d_n row-major; ce: N class indices in [0, d_n). */
  Y: ArrayLike<number>;
}

export class FcNet extends LayeredNet implements Objective {
  readonly samples: number;
  readonly activation: Activation;
  readonly leakySlope: number;
  readonly lossKind: FcLossKind;
  readonly X: Float64Array;
  readonly Y: Float64Array;
  /** vOff[j] = start of layer j's vector in the per-sample buffers, j = 0..depth. */
  private readonly vOff: Int32Array;
  private readonly z: Float64Array;
  private readonly a: Float64Array;
  private readonly delta: Float64Array;
  private readonly rz: Float64Array;
  private readonly ra: Float64Array;
  private readonly rdelta: Float64Array;
  private readonly prob: Float64Array;

  constructor(spec: FcNetSpec) {
    super(spec.widths, 'an FC net');
    const w = spec.widths;
    this.activation = spec.activation;
    this.leakySlope = spec.leakySlope ?? 0.01;
    this.lossKind = spec.loss;
    this.X = Float64Array.from(spec.X);
    this.Y = Float64Array.from(spec.Y);
    this.samples = this.X.length / w[0];
    if (!Number.isInteger(this.samples)) throw new RangeError('X must be N x d_0');
    const yLen = spec.loss === 'square' ? this.samples * w[this.depth] : this.samples;
    if (this.Y.length !== yLen) throw new RangeError(`Y must hold ${yLen} numbers`);
    this.vOff = new Int32Array(this.depth + 2);
    for (let j = 0; j <= this.depth; j++) this.vOff[j + 1] = this.vOff[j] + w[j];
    const len = this.vOff[this.depth + 1];
    this.z = new Float64Array(len);
    this.a = new Float64Array(len);
    this.delta = new Float64Array(len);
    this.rz = new Float64Array(len);
    this.ra = new Float64Array(len);
    this.rdelta = new Float64Array(len);
    this.prob = new Float64Array(w[this.depth]);
  }

  /** s'(z) with s'(0) = 0 for ReLU; the leaky slope abar for z <= 0. */
  private slope(z: number): number {
    if (this.activation === 'identity') return 1;
    if (z > 0) return 1;
    return this.activation === 'relu' ? 0 : this.leakySlope;
  }

  /** Forward pass of sample s into z, a (a_0 = x, a_n = z_n: the last layer is linear). */
  private forward(theta: Float64Array, s: number): void {
    const w = this.widths;
    const { z, a, vOff, off } = this;
    const d0 = w[0];
    for (let i = 0; i < d0; i++) a[i] = this.X[s * d0 + i];
    for (let j = 1; j <= this.depth; j++) {
      const rows = w[j];
      const cols = w[j - 1];
      const ai = vOff[j - 1];
      const zo = vOff[j];
      for (let r = 0; r < rows; r++) {
        let acc = 0;
        const wo = off[j] + r * cols;
        for (let c = 0; c < cols; c++) acc += theta[wo + c] * a[ai + c];
        z[zo + r] = acc;
        a[zo + r] = j === this.depth ? acc : acc * this.slope(acc);
      }
    }
  }

  /** Loss of sample s at the output z_n; writes dl/dz_n into delta_n (and softmax p into prob for ce). */
  private outputLoss(s: number): number {
    const dn = this.widths[this.depth];
    const zo = this.vOff[this.depth];
    const { z, delta } = this;
    if (this.lossKind === 'square') {
      let l = 0;
      for (let i = 0; i < dn; i++) {
        const r = z[zo + i] - this.Y[s * dn + i];
        delta[zo + i] = r;
        l += r * r;
      }
      return 0.5 * l;
    }
    let m = -Infinity;
    for (let i = 0; i < dn; i++) m = Math.max(m, z[zo + i]);
    let sum = 0;
    for (let i = 0; i < dn; i++) {
      const e = exp(z[zo + i] - m);
      this.prob[i] = e;
      sum += e;
    }
    const y = this.Y[s];
    for (let i = 0; i < dn; i++) {
      this.prob[i] /= sum;
      delta[zo + i] = this.prob[i] - (i === y ? 1 : 0);
    }
    return m + log(sum) - z[zo + y];
  }

  /** delta_j = s'(z_j) .* (W_{j+1}^T delta_{j+1}) for j = depth-1 .. 1. */
  private backward(theta: Float64Array): void {
    const w = this.widths;
    const { z, delta, vOff, off } = this;
    for (let j = this.depth - 1; j >= 1; j--) {
      const rows = w[j + 1];
      const cols = w[j];
      for (let c = 0; c < cols; c++) {
        let acc = 0;
        for (let r = 0; r < rows; r++) acc += theta[off[j + 1] + r * cols + c] * delta[vOff[j + 1] + r];
        delta[vOff[j] + c] = this.slope(z[vOff[j] + c]) * acc;
      }
    }
  }

  loss(theta: Float64Array): number {
    let f = 0;
    for (let s = 0; s < this.samples; s++) {
      this.forward(theta, s);
      f += this.outputLoss(s);
    }
    return f / this.samples;
  }

  /** grad_{W_j} = mean over samples of delta_j a_{j-1}^T (Sec. 3.2). */
  grad(theta: Float64Array, g: Float64Array): number {
    g.fill(0);
    const w = this.widths;
    const { a, delta, vOff, off } = this;
    let f = 0;
    for (let s = 0; s < this.samples; s++) {
      this.forward(theta, s);
      f += this.outputLoss(s);
      this.backward(theta);
      for (let j = 1; j <= this.depth; j++) {
        const cols = w[j - 1];
        for (let r = 0; r < w[j]; r++) {
          const d = delta[vOff[j] + r];
          if (d === 0) continue;
          const go = off[j] + r * cols;
          for (let c = 0; c < cols; c++) g[go + c] += d * a[vOff[j - 1] + c];
        }
      }
    }
    const inv = 1 / this.samples;
    for (let i = 0; i < this.n; i++) g[i] *= inv;
    return f * inv;
  }

  /** R-operator HVP (Sec. 3.2) along v, activation pattern of theta frozen. */
  hvp(theta: Float64Array, v: Float64Array, out: Float64Array): void {
    out.fill(0);
    const w = this.widths;
    const L = this.depth;
    const { z, a, delta, rz, ra, rdelta, vOff, off } = this;
    for (let s = 0; s < this.samples; s++) {
      this.forward(theta, s);
      this.outputLoss(s);
      this.backward(theta);
      // Forward R pass: R(z_j) = W_j R(a_{j-1}) + V_j a_{j-1}, R(a_j) = s'(z_j) R(z_j), R(a_0) = 0.
      for (let i = 0; i < w[0]; i++) ra[i] = 0;
      for (let j = 1; j <= L; j++) {
        const cols = w[j - 1];
        for (let r = 0; r < w[j]; r++) {
          let acc = 0;
          const wo = off[j] + r * cols;
          for (let c = 0; c < cols; c++) acc += theta[wo + c] * ra[vOff[j - 1] + c] + v[wo + c] * a[vOff[j - 1] + c];
          rz[vOff[j] + r] = acc;
          ra[vOff[j] + r] = j === L ? acc : this.slope(z[vOff[j] + r]) * acc;
        }
      }
      // R(delta_n) = D2l(z_n) R(z_n): identity (square) or diag(p) - p p^T (softmax-CE).
      const zo = vOff[L];
      const dn = w[L];
      if (this.lossKind === 'square') for (let i = 0; i < dn; i++) rdelta[zo + i] = rz[zo + i];
      else {
        let pr = 0;
        for (let i = 0; i < dn; i++) pr += this.prob[i] * rz[zo + i];
        for (let i = 0; i < dn; i++) rdelta[zo + i] = this.prob[i] * (rz[zo + i] - pr);
      }
      // R(delta_j) = s'(z_j) .* (W_{j+1}^T R(delta_{j+1}) + V_{j+1}^T delta_{j+1}).
      for (let j = L - 1; j >= 1; j--) {
        const rows = w[j + 1];
        const cols = w[j];
        for (let c = 0; c < cols; c++) {
          let acc = 0;
          for (let r = 0; r < rows; r++) {
            const k = off[j + 1] + r * cols + c;
            acc += theta[k] * rdelta[vOff[j + 1] + r] + v[k] * delta[vOff[j + 1] + r];
          }
          rdelta[vOff[j] + c] = this.slope(z[vOff[j] + c]) * acc;
        }
      }
      // R(grad_{W_j}) += R(delta_j) a_{j-1}^T + delta_j R(a_{j-1})^T.
      for (let j = 1; j <= L; j++) {
        const cols = w[j - 1];
        for (let r = 0; r < w[j]; r++) {
          const rd = rdelta[vOff[j] + r];
          const d = delta[vOff[j] + r];
          const go = off[j] + r * cols;
          for (let c = 0; c < cols; c++) out[go + c] += rd * a[vOff[j - 1] + c] + d * ra[vOff[j - 1] + c];
        }
      }
    }
    const inv = 1 / this.samples;
    for (let i = 0; i < this.n; i++) out[i] *= inv;
  }

  /** Network outputs h(x_i), N x d_n row-major. */
  predict(theta: Float64Array): Float64Array {
    const dn = this.widths[this.depth];
    const out = new Float64Array(this.samples * dn);
    for (let s = 0; s < this.samples; s++) {
      this.forward(theta, s);
      for (let i = 0; i < dn; i++) out[s * dn + i] = this.z[this.vOff[this.depth] + i];
    }
    return out;
  }

  /** ||grad l_i|| (w.r.t. the network output of sample i) for every sample, as Lemma 11 (Eq. 17) needs. */
  outputGradNorms(theta: Float64Array): Float64Array {
    const out = new Float64Array(this.samples);
    const zo = this.vOff[this.depth];
    for (let s = 0; s < this.samples; s++) {
      this.forward(theta, s);
      this.outputLoss(s);
      let q = 0;
      for (let i = 0; i < this.widths[this.depth]; i++) q += this.delta[zo + i] * this.delta[zo + i];
      out[s] = Math.sqrt(q);
    }
    return out;
  }

  /** Smallest |z| over all pre-activations of hidden layers and samples: the distance to the nearest ReLU kink. */
  kinkMargin(theta: Float64Array): number {
    let m = Infinity;
    for (let s = 0; s < this.samples; s++) {
      this.forward(theta, s);
      for (let i = this.vOff[1]; i < this.vOff[this.depth]; i++) m = Math.min(m, Math.abs(this.z[i]));
    }
    return m;
  }

  /** A copy of W_j (d_j x d_{j-1}), j = 1..depth. */
  layer(theta: Float64Array, j: number): Float64Array {
    return theta.slice(this.off[j], this.off[j + 1]);
  }

  /**
   * Per-neuron balance q_{j,i} = ||W_j[i,:]||^2 - ||W_{j+1}[:,i]||^2 for hidden layers j = 1..depth-1 (index j - 1),
   * constant under GF for homogeneous activations (Sec. 6.2).
   */
  neuronBalance(theta: Float64Array): Float64Array[] {
    const w = this.widths;
    const out: Float64Array[] = [];
    for (let j = 1; j < this.depth; j++) {
      const q = new Float64Array(w[j]);
      for (let i = 0; i < w[j]; i++) {
        let s = 0;
        for (let c = 0; c < w[j - 1]; c++) {
          const x = theta[this.off[j] + i * w[j - 1] + c];
          s += x * x;
        }
        for (let r = 0; r < w[j + 1]; r++) {
          const x = theta[this.off[j + 1] + r * w[j] + i];
          s -= x * x;
        }
        q[i] = s;
      }
      out.push(q);
    }
    return out;
  }
}

/** FD-relu data (Sec. 5.3): x_i = (cos phi_i, sin phi_i), phi_i = 2 pi i/32, y_i = sin(2 phi_i), i = 0..31. */
export function fdReluDataset(count = 32): { X: Float64Array; Y: Float64Array } {
  const X = new Float64Array(2 * count);
  const Y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const phi = (2 * Math.PI * i) / count;
    X[2 * i] = cos(phi);
    X[2 * i + 1] = sin(phi);
    Y[i] = sin(2 * phi);
  }
  return { X, Y };
}
