import { Rng } from '../core/rng';
import { cos, pow, sin } from '../core/det-math';

/** n Gaussian points in R^d, each normalised onto the unit sphere (row-major n x d). */
export function spherePoints(rng: Rng, n: number, d: number): Float64Array {
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let m = 0; m < d; m++) {
      const g = rng.gauss();
      X[i * d + m] = g;
      s += g * g;
    }
    const r = Math.sqrt(s) || 1;
    for (let m = 0; m < d; m++) X[i * d + m] /= r;
  }
  return X;
}

/** The shared 2-D data of docs/labs/saddles.md Sec. 5.2: x_i = (cos(i pi/8), sin(i pi/8)), y_i = (u1.x)^2 + (u2.x)^2 / 2. */
export function circle8(): { X: Float64Array; y: Float64Array } {
  const X = new Float64Array(16);
  const y = new Float64Array(8);
  const u2 = [0.5, Math.sqrt(3) / 2];
  for (let i = 0; i < 8; i++) {
    const c = cos((i * Math.PI) / 8);
    const s = sin((i * Math.PI) / 8);
    X[2 * i] = c;
    X[2 * i + 1] = s;
    y[i] = c * c + 0.5 * pow(u2[0] * c + u2[1] * s, 2);
  }
  return { X, y };
}

/** Paper-style initial direction: i.i.d. N(0, 1) entries, normalised jointly over all layers. */
export function randomDirection(seed: number, n: number): Float64Array {
  const rng = new Rng(seed);
  return normalise(Float64Array.from({ length: n }, () => rng.gauss()));
}

export function norm(w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * w[i];
  return Math.sqrt(s);
}

export function normalise(w: Float64Array): Float64Array {
  const r = norm(w);
  if (r > 0) for (let i = 0; i < w.length; i++) w[i] /= r;
  return w;
}
