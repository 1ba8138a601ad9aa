/**
 * A GRU with scalar input and a linear read-out (extrapolation spec Sec. 4.3, PyTorch's convention), its forward pass
 * over a batch of sequences and its gradient by backpropagation through time. Numbers only: no spec types, nothing
 * from the labs.
 *
 *   r = sig(W_ir x + b_ir + W_hr h' + b_hr),  z = sig(W_iz x + b_iz + W_hz h' + b_hz)
 *   q = W_hn h' + b_hn,  n = tanh(W_in x + b_in + r .* q),  h = (1 - z) .* n + z .* h',  y_t = w_o^T h + b_o
 *
 * with h' the previous state (h_{-1} = 0). The output at step t already sees x_t.
 *
 * Parameter layout (hidden size n, 3 n^2 + 10 n + 1 values): W_ir, W_iz, W_in (n each), b_ir, b_iz, b_in (n each),
 * W_hr, W_hz, W_hn (n x n each, row-major), b_hr, b_hz, b_hn (n each), w_o (n), b_o (1).
 */
import { exp, tanh } from '../core/det-math';
import { gruParamCount } from './param-count';

/** Offsets of the parameter blocks for hidden size n. */
export function gruLayout(n: number) {
  const nn = n * n;
  const Wir = 0;
  const Wiz = n;
  const Win = 2 * n;
  const bir = 3 * n;
  const biz = 4 * n;
  const bin = 5 * n;
  const Whr = 6 * n;
  const Whz = Whr + nn;
  const Whn = Whz + nn;
  const bhr = Whn + nn;
  const bhz = bhr + n;
  const bhn = bhz + n;
  const wo = bhn + n;
  const bo = wo + n;
  return { Wir, Wiz, Win, bir, biz, bin, Whr, Whz, Whn, bhr, bhz, bhn, wo, bo, size: bo + 1 };
}

export { gruParamCount };

/**
 * Names and offsets of the blocks (records, CLI output), read off gruLayout: its keys in layout order, named W_ir ...
 * b_o, each block running to the next one's offset.
 */
export function gruBlocks(n: number): { name: string; offset: number; size: number }[] {
  const { size, ...offsets } = gruLayout(n);
  const ends = [...Object.values(offsets).slice(1), size];
  return Object.entries(offsets).map(([key, offset], i) => ({ name: `${key[0]}_${key.slice(1)}`, offset, size: ends[i] - offset }));
}

const sig = (a: number) => 1 / (1 + exp(-a));

/**
 * Work space of one batch shape (B sequences of length T, hidden n): the states and gates of every step, kept by the
 * forward pass for BPTT. Reused across calls of the same shape: grad() allocates nothing.
 */
export class GruWork {
  /** h_t for t = -1 .. T-1 (B (T + 1) n; slot 0 of each sequence is h_{-1} = 0). */
  readonly h: Float64Array;
  readonly r: Float64Array;
  readonly z: Float64Array;
  readonly nv: Float64Array;
  readonly q: Float64Array;
  /** Outputs y (B T). */
  readonly y: Float64Array;
  private readonly dh: Float64Array;
  private readonly dhPrev: Float64Array;
  private readonly daz: Float64Array;
  private readonly dar: Float64Array;
  private readonly dq: Float64Array;
  private readonly dan: Float64Array;
  constructor(
    readonly n: number,
    readonly B: number,
    readonly T: number,
  ) {
    this.h = new Float64Array(B * (T + 1) * n);
    this.r = new Float64Array(B * T * n);
    this.z = new Float64Array(B * T * n);
    this.nv = new Float64Array(B * T * n);
    this.q = new Float64Array(B * T * n);
    this.y = new Float64Array(B * T);
    this.dh = new Float64Array(n);
    this.dhPrev = new Float64Array(n);
    this.daz = new Float64Array(n);
    this.dar = new Float64Array(n);
    this.dq = new Float64Array(n);
    this.dan = new Float64Array(n);
  }

  /** Runs the GRU on x (B T, row b holds sequence b), filling the states, gates and outputs y. */
  forward(theta: ArrayLike<number>, x: ArrayLike<number>): Float64Array {
    const { n, B, T, h, r, z, nv, q, y } = this;
    const L = gruLayout(n);
    for (let b = 0; b < B; b++) {
      const h0 = b * (T + 1) * n;
      for (let i = 0; i < n; i++) h[h0 + i] = 0;
      for (let t = 0; t < T; t++) {
        const xt = x[b * T + t];
        const hp = h0 + t * n;
        const hc = hp + n;
        const g = (b * T + t) * n;
        let out = theta[L.bo];
        for (let i = 0; i < n; i++) {
          let ar = theta[L.Wir + i] * xt + theta[L.bir + i] + theta[L.bhr + i];
          let az = theta[L.Wiz + i] * xt + theta[L.biz + i] + theta[L.bhz + i];
          let aq = theta[L.bhn + i];
          const rowR = L.Whr + i * n;
          const rowZ = L.Whz + i * n;
          const rowN = L.Whn + i * n;
          for (let j = 0; j < n; j++) {
            const hj = h[hp + j];
            ar += theta[rowR + j] * hj;
            az += theta[rowZ + j] * hj;
            aq += theta[rowN + j] * hj;
          }
          const ri = sig(ar);
          const zi = sig(az);
          const ni = tanh(theta[L.Win + i] * xt + theta[L.bin + i] + ri * aq);
          r[g + i] = ri;
          z[g + i] = zi;
          q[g + i] = aq;
          nv[g + i] = ni;
          const hi = (1 - zi) * ni + zi * h[hp + i];
          h[hc + i] = hi;
          out += theta[L.wo + i] * hi;
        }
        y[b * T + t] = out;
      }
    }
    return y;
  }

  /**
   * Adds to grad the gradient of sum_(b, t) dy[b T + t] y_bt by BPTT through the last forward pass (spec Sec. 4.3:
   * dn = dh (1 - z), dz = dh (h' - n), dan = dn (1 - n^2), dr = dan q, dq = dan r, daz = dz z (1 - z),
   * dar = dr r (1 - r), dh' = dh z + W_hz^T daz + W_hr^T dar + W_hn^T dq).
   */
  backward(theta: ArrayLike<number>, x: ArrayLike<number>, dy: ArrayLike<number>, grad: Float64Array): void {
    const { n, B, T, h, r, z, nv, q, dh, dhPrev, daz, dar, dq, dan } = this;
    const L = gruLayout(n);
    for (let b = 0; b < B; b++) {
      dh.fill(0);
      const h0 = b * (T + 1) * n;
      for (let t = T - 1; t >= 0; t--) {
        const xt = x[b * T + t];
        const hp = h0 + t * n;
        const hc = hp + n;
        const g = (b * T + t) * n;
        const dyt = dy[b * T + t];
        if (dyt !== 0) {
          grad[L.bo] += dyt;
          for (let i = 0; i < n; i++) {
            grad[L.wo + i] += dyt * h[hc + i];
            dh[i] += dyt * theta[L.wo + i];
          }
        }
        for (let i = 0; i < n; i++) {
          const zi = z[g + i];
          const ri = r[g + i];
          const ni = nv[g + i];
          const dhi = dh[i];
          const dn = dhi * (1 - zi);
          const dz = dhi * (h[hp + i] - ni);
          const an = dn * (1 - ni * ni);
          const dr = an * q[g + i];
          dan[i] = an;
          dq[i] = an * ri;
          daz[i] = dz * zi * (1 - zi);
          dar[i] = dr * ri * (1 - ri);
          dhPrev[i] = dhi * zi;
        }
        for (let i = 0; i < n; i++) {
          const a = daz[i];
          const c = dar[i];
          const e = dq[i];
          grad[L.Wiz + i] += a * xt;
          grad[L.Wir + i] += c * xt;
          grad[L.Win + i] += dan[i] * xt;
          grad[L.biz + i] += a;
          grad[L.bir + i] += c;
          grad[L.bin + i] += dan[i];
          grad[L.bhz + i] += a;
          grad[L.bhr + i] += c;
          grad[L.bhn + i] += e;
          const rowR = L.Whr + i * n;
          const rowZ = L.Whz + i * n;
          const rowN = L.Whn + i * n;
          for (let j = 0; j < n; j++) {
            const hj = h[hp + j];
            grad[rowZ + j] += a * hj;
            grad[rowR + j] += c * hj;
            grad[rowN + j] += e * hj;
            dhPrev[j] += theta[rowZ + j] * a + theta[rowR + j] * c + theta[rowN + j] * e;
          }
        }
        dh.set(dhPrev);
      }
    }
  }
}

/**
 * The mean squared error of the outputs against targets: over every sequence of the batch, at the last step only
 * ('last', the spec's default loss) or at every step ('all'). Writes dL/dy into dy and returns L.
 */
export function outputLoss(y: ArrayLike<number>, target: ArrayLike<number>, B: number, T: number, which: 'last' | 'all', dy: Float64Array): number {
  dy.fill(0);
  const count = which === 'last' ? B : B * T;
  let L = 0;
  for (let b = 0; b < B; b++) {
    for (let t = which === 'last' ? T - 1 : 0; t < T; t++) {
      const e = y[b * T + t] - target[b * T + t];
      L += e * e;
      dy[b * T + t] = (2 * e) / count;
    }
  }
  return L / count;
}
