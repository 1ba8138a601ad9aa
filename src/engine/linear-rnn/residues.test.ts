import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { complexAtoms } from './residues';

/** c^T A^j b for j < n (real arithmetic, the definition of the impulse response). */
function impulse(A: Float64Array, b: Float64Array, c: Float64Array, d: number, n: number): number[] {
  const out: number[] = [];
  let u = Float64Array.from(b);
  for (let j = 0; j < n; j++) {
    out.push(c.reduce((s, ci, i) => s + ci * u[i], 0));
    const next = new Float64Array(d);
    for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) next[i] += A[i * d + k] * u[k];
    u = next;
  }
  return out;
}

/** sum_i r_i mu_i^j in complex arithmetic, and the scale sum_i |r_i| |mu_i|^j it is measured against. */
function fromAtoms(at: NonNullable<ReturnType<typeof complexAtoms>>, n: number): { re: number[]; im: number[]; scale: number[] } {
  const d = at.re.length;
  const re: number[] = [];
  const im: number[] = [];
  const scale: number[] = [];
  const pr = Float64Array.from(at.resRe);
  const pi = Float64Array.from(at.resIm);
  for (let j = 0; j < n; j++) {
    let sr = 0;
    let si = 0;
    let sc = 0;
    for (let i = 0; i < d; i++) {
      sr += pr[i];
      si += pi[i];
      sc += Math.hypot(pr[i], pi[i]);
      // r_i mu_i^(j+1) = (r_i mu_i^j) mu_i
      const t = pr[i] * at.re[i] - pi[i] * at.im[i];
      pi[i] = pr[i] * at.im[i] + pi[i] * at.re[i];
      pr[i] = t;
    }
    re.push(sr);
    im.push(si);
    scale.push(sc);
  }
  return { re, im, scale };
}

function randomSystem(rng: Rng, d: number, radius: number) {
  const A = Float64Array.from({ length: d * d }, () => (radius * rng.gauss()) / Math.sqrt(d));
  const b = Float64Array.from({ length: d }, () => rng.gauss());
  const c = Float64Array.from({ length: d }, () => rng.gauss());
  return { A, b, c };
}

describe('complex atoms of a full student: residues r_i = (c^T v_i)(w_i^T b) / (w_i^T v_i)', () => {
  it('sum_i r_i mu_i^j equals c^T A^j b (j < 40) on 60 random systems up to d = 50, imaginary part ~ 0', () => {
    const rng = new Rng(7);
    let worst = 0;
    let worstIm = 0;
    for (let trial = 0; trial < 60; trial++) {
      const d = 1 + ((trial * 7) % 50);
      const { A, b, c } = randomSystem(rng, d, 0.6 + 0.5 * rng.rand());
      const at = complexAtoms(A, b, c, d);
      expect(at).not.toBeNull();
      const h = impulse(A, b, c, d, 40);
      const s = fromAtoms(at!, 40);
      for (let j = 0; j < 40; j++) {
        worst = Math.max(worst, Math.abs(s.re[j] - h[j]) / s.scale[j]);
        worstIm = Math.max(worstIm, Math.abs(s.im[j]) / s.scale[j]);
      }
    }
    console.log(`[residues] worst |sum r mu^j - h_j| / sum |r| |mu|^j = ${worst.toExponential(2)}, imaginary ${worstIm.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-10);
    expect(worstIm).toBeLessThan(1e-10);
  });

  it('a 2 x 2 complex pair: closed-form residues', () => {
    // A = [[a, -w], [w, a]], b = e1, c = e1: h_j = Re (a + i w)^j, so r = 1/2 at each of a +- i w
    const at = complexAtoms(Float64Array.from([0.5, -0.4, 0.4, 0.5]), Float64Array.from([1, 0]), Float64Array.from([1, 0]), 2)!;
    for (let i = 0; i < 2; i++) {
      expect(at.re[i]).toBeCloseTo(0.5, 14);
      expect(Math.abs(at.im[i])).toBeCloseTo(0.4, 14);
      expect(at.resRe[i]).toBeCloseTo(0.5, 13);
      expect(at.resIm[i]).toBeCloseTo(0, 13);
    }
    // c = e2: h_j = Im (a + i w)^j, r = -i/2 at a + i w and +i/2 at a - i w
    const s = complexAtoms(Float64Array.from([0.5, -0.4, 0.4, 0.5]), Float64Array.from([1, 0]), Float64Array.from([0, 1]), 2)!;
    for (let i = 0; i < 2; i++) {
      expect(s.resRe[i]).toBeCloseTo(0, 13);
      expect(s.resIm[i]).toBeCloseTo(-0.5 * Math.sign(s.im[i]), 13);
    }
  });

  it('a diagonal A: the residues are b_i c_i, the diagonal student masses p_i', () => {
    const a = [0.9, -0.5, 0.3, 0.1];
    const b = [1, 2, -0.5, 0.25];
    const c = [0.5, -1, 2, 4];
    const A = new Float64Array(16);
    a.forEach((v, i) => (A[i * 4 + i] = v));
    const at = complexAtoms(A, Float64Array.from(b), Float64Array.from(c), 4)!;
    for (let i = 0; i < 4; i++) {
      const k = a.indexOf(at.re[i]);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(at.resRe[i]).toBeCloseTo(b[k] * c[k], 14);
      expect(at.im[i]).toBe(0);
    }
  });

  it('a symmetric A with C = B^T: real residues (q_i^T b)^2 >= 0 (a balanced student is a non-negative measure)', () => {
    const rng = new Rng(3);
    const d = 12;
    const M = Float64Array.from({ length: d * d }, () => rng.gauss() / Math.sqrt(d));
    const A = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) A[i * d + j] = 0.5 * (M[i * d + j] + M[j * d + i]);
    const b = Float64Array.from({ length: d }, () => rng.gauss());
    const at = complexAtoms(A, b, b, d)!;
    const total = b.reduce((s, v) => s + v * v, 0);
    let sum = 0;
    for (let i = 0; i < d; i++) {
      expect(at.im[i]).toBe(0);
      expect(at.resRe[i]).toBeGreaterThan(-1e-12 * total);
      expect(Math.abs(at.resIm[i])).toBeLessThan(1e-12 * total);
      sum += at.resRe[i];
    }
    // h_0 = sum_i r_i = b^T b
    expect(sum).toBeCloseTo(total, 11);
  });
});
