// Test oracles 6, 8 and 10 of the Saddles docs/labs/saddles.md (docs/labs/saddles.md, section 6): the NCF flow's closed
// forms (3.3), KKT points found by projected gradient ascent (4.3), and the Delta of the top KKT point of SD-sq2-tiny
// (3.2) from the Hessian of N projected on u*^perp. Expected values come from the spec or from closed forms computed
// here (eigen-decompositions by ml-matrix, 1-D maximisation over the circle); none is the engine's own output.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { SQ2_TINY_W0 } from '../schema';
import { Dopri5 } from '../../../engine/core/integrators/ode';
import { Rng } from '../../../engine/core/rng';
import { circle8, randomDirection, spherePoints } from '../../../engine/homogeneous/data';
import { FeedForward } from '../../../engine/homogeneous/ff';
import { Toy } from '../../../engine/homogeneous/toy';
import type { HomogeneousModel } from '../../../engine/homogeneous/types';
import { fdHessian } from '../../../engine/core/finite-diff';
import { activeUnits, kktResidual, ncfFlowLimit, projectedGradientAscent } from '../../../engine/homogeneous/ncf';

const SQRT3 = Math.sqrt(3);
const norm = (w: ArrayLike<number>) => Math.sqrt(Array.from(w).reduce((s, v) => s + v * v, 0));
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, v, i) => s + v * b[i], 0);
const energy = (u: Float64Array, idx: ArrayLike<number>) => Array.from(idx).reduce((s, k) => s + u[k] * u[k], 0);

/** Square nets on the shared data of docs/labs/saddles.md Sec. 5.2 (sq-sum). */
const square = (widths: number[]) => {
  const { X, y } = circle8();
  return new FeedForward({ dims: [2, ...widths, 1], p: 2, alpha: 1, X, y, loss: 'sq-sum' });
};

/** Symmetric eigen-decomposition (ml-matrix): eigenvalues ascending with their unit eigenvectors. */
function symEig(A: number[][]): { values: number[]; vectors: number[][] } {
  const e = new EigenvalueDecomposition(new Matrix(A), { assumeSymmetric: true });
  const V = e.eigenvectorMatrix;
  const order = e.realEigenvalues.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
  return { values: order.map(([v]) => v), vectors: order.map(([, i]) => V.getColumn(i)) };
}

/** Hess N(u) by central differences of the exact grad N (docs/labs/saddles.md Sec. 3.1 fallback), as rows. */
function ncfHessian(model: HomogeneousModel, u: Float64Array, h: number): number[][] {
  const n = model.n;
  const H = fdHessian({ n, grad: (x, g) => model.ncfGrad(x, g) }, u, h);
  return Array.from({ length: n }, (_, i) => Array.from(H.subarray(i * n, (i + 1) * n)));
}

/**
 * Delta of a KKT point (docs/labs/saddles.md Sec. 2.4): Lh N(u*) - max over unit b orthogonal to u* of b^T Hess N(u*) b, computed in an
 * orthonormal basis of u*^perp (the columns other than k of the Householder reflection taking e_k to u*).
 */
function projectedDelta(model: HomogeneousModel, u: Float64Array, hess: number[][]): number {
  const n = model.n;
  const k = Array.from(u).reduce((b, v, i) => (Math.abs(v) > Math.abs(u[b]) ? i : b), 0);
  const w = Array.from(u, (v, i) => (i === k ? v + Math.sign(u[k]) : v));
  const ww = dot(w, w);
  const col = (j: number) => Array.from({ length: n }, (_, i) => (i === j ? 1 : 0) - (2 * w[i] * w[j]) / ww);
  const Q = Array.from({ length: n }, (_, j) => j)
    .filter((j) => j !== k)
    .map(col);
  for (const q of Q) expect(Math.abs(dot(q, u))).toBeLessThan(1e-14);
  const B = Q.map((qa) => Q.map((qb) => qa.reduce((s, _, i) => s + qa[i] * hess[i].reduce((t, h, j) => t + h * qb[j], 0), 0)));
  const top = Math.max(...symEig(B).values);
  const N = model.ncfGrad(u, new Float64Array(n));
  return model.Lh * N - top;
}

/** The top eigenpair of M = sum_i ytilde_i x_i x_i^T of the shared 2-D data (docs/labs/saddles.md Sec. 3.2). */
function circleM() {
  const { X, y } = circle8();
  const M = [
    [0, 0],
    [0, 0],
  ];
  for (let i = 0; i < 8; i++) for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) M[a][b] += 2 * y[i] * X[2 * i + a] * X[2 * i + b];
  return symEig(M);
}

/**
 * max over unit u = (cos t, sin t) of F(t) = sum_i 2 y_i (u^T x_i)^q on the shared data: the best of a 0.05-degree
 * grid, then bisection on F'(t) = sum_i 2 y_i q (u^T x_i)^(q-1) (u'^T x_i) to full precision.
 */
function maxOnCircle(q: number): { theta: number; value: number } {
  const { X, y } = circle8();
  const F = (t: number, deriv: boolean) => {
    let s = 0;
    for (let i = 0; i < 8; i++) {
      const z = Math.cos(t) * X[2 * i] + Math.sin(t) * X[2 * i + 1];
      s += deriv ? 2 * y[i] * q * z ** (q - 1) * (-Math.sin(t) * X[2 * i] + Math.cos(t) * X[2 * i + 1]) : 2 * y[i] * z ** q;
    }
    return s;
  };
  const step = Math.PI / 3600;
  let best = 0;
  for (let k = 1; k < 3600; k++) if (F(k * step, false) > F(best * step, false)) best = k;
  let lo = (best - 1) * step;
  let hi = (best + 1) * step;
  expect(F(lo, true)).toBeGreaterThan(0);
  expect(F(hi, true)).toBeLessThan(0);
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (F(mid, true) > 0) lo = mid;
    else hi = mid;
  }
  const theta = (lo + hi) / 2;
  return { theta, value: F(theta, false) };
}

/**
 * The single-path KKT point of a depth-`depth` square net on the shared data: the path through hidden neuron 1 of
 * every layer, with layer energies p^(depth-l) (p-1)/(p^depth - 1) (oracle 6) and the first-layer row along the
 * maximiser of sum 2 y_i (u^T x_i)^(2^(depth-1)). N(u*) = prod_l e_l^(p^(depth-l)/2) * that maximum (docs/labs/saddles.md Sec. 5.2).
 */
function singlePath(depth: number): { model: FeedForward; u: Float64Array; N: number } {
  const model = square(Array.from({ length: depth - 1 }, () => 2));
  const e = Array.from({ length: depth }, (_, l) => 2 ** (depth - 1 - l) / (2 ** depth - 1));
  const { theta, value } = maxOnCircle(2 ** (depth - 1));
  const u = new Float64Array(model.n);
  const r = Math.sqrt(e[0]);
  u[model.offset(1)] = r * Math.cos(theta);
  u[model.offset(1) + 1] = r * Math.sin(theta);
  for (let l = 2; l <= depth; l++) u[model.offset(l)] = Math.sqrt(e[l - 1]);
  let coef = 1;
  for (let l = 0; l < depth; l++) coef *= e[l] ** (2 ** (depth - 1 - l) / 2);
  return { model, u, N: coef * value };
}

/** The top KKT point of SD-sq2-tiny in closed form (docs/labs/saddles.md Sec. 3.2): neuron 4 with a = sqrt(2/3) u1, v = 1/sqrt3. */
function sq2TopKkt(): { model: FeedForward; u: Float64Array } {
  const model = square([4]);
  const u1 = circleM().vectors[1];
  const u = new Float64Array(model.n);
  u[6] = Math.sqrt(2 / 3) * u1[0];
  u[7] = Math.sqrt(2 / 3) * u1[1];
  u[11] = 1 / SQRT3;
  return { model, u };
}

/** Integrates the plain NCF flow du/dt = grad N(u) with DOPRI5 to each time in ts; returns the states. */
function ncfFlow(model: HomogeneousModel, u0: Float64Array, ts: number[], rtol = 1e-12): Float64Array[] {
  const st = new Dopri5({ n: model.n, f: (_t, y, dy) => void model.ncfGrad(y, dy) }, 0, u0, { rtol, atol: 1e-15 });
  return ts.map((T) => {
    while (st.t < T) expect(st.step(T).ok).toBe(true);
    return Float64Array.from(st.y);
  });
}

describe('oracle 8: NCF closed forms (docs/labs/saddles.md Sec. 3.3)', () => {
  it('Lh = 2: a two-layer linear net has N(u) = u^T S u and its NCF flow is exp(2 S t) u0 (rel. 1e-9)', () => {
    // H = v^T W x, so N(W, v) = v^T W m with m = sum_i ytilde_i x_i: S couples W[j, :] with v_j through m/2.
    const rng = new Rng(31);
    const d = 3;
    const k = 2;
    const nPts = 6;
    const X = spherePoints(rng, nPts, d);
    const y = Float64Array.from({ length: nPts }, () => rng.gauss());
    const model = new FeedForward({ dims: [d, k, 1], p: 1, alpha: 1, X, y, loss: 'sq-sum' });
    expect(model.Lh).toBe(2);
    const m = Array.from({ length: d }, (_, c) => Array.from({ length: nPts }, (_, i) => 2 * y[i] * X[i * d + c]).reduce((a, b) => a + b));
    const n = model.n;
    const S = Array.from({ length: n }, () => new Array(n).fill(0));
    for (let j = 0; j < k; j++)
      for (let c = 0; c < d; c++) {
        S[j * d + c][k * d + j] = m[c] / 2;
        S[k * d + j][j * d + c] = m[c] / 2;
      }
    const u0 = randomDirection(5, n);
    // N(u0) = u0^T S u0
    const Su0 = S.map((row) => dot(row, u0));
    expect(Math.abs(model.ncfGrad(u0, new Float64Array(n)) - dot(u0, Su0))).toBeLessThan(1e-14);
    const { values, vectors } = symEig(S);
    const ts = [0.25, 0.5, 1, 2];
    const states = ncfFlow(model, u0, ts);
    ts.forEach((t, q) => {
      const ref = new Float64Array(n);
      values.forEach((lam, r) => {
        const c = Math.exp(2 * lam * t) * dot(vectors[r], u0);
        for (let i = 0; i < n; i++) ref[i] += c * vectors[r][i];
      });
      const err = Math.max(...Array.from(ref, (v, i) => Math.abs(states[q][i] - v))) / norm(ref);
      expect(err).toBeLessThan(1e-9);
    });
    // The engine's limit (4.3): N* = lam_max(S) = ||m||/2 (k-fold), w* = the projection of u0 on that eigenspace,
    // c(u0) = lim ||phi|| e^(-2 N* t) = ||P u0||.
    const lamMax = values[n - 1];
    expect(Math.abs(lamMax - norm(m) / 2)).toBeLessThan(1e-12);
    const P = new Float64Array(n);
    values.forEach((lam, r) => {
      if (Math.abs(lam - lamMax) < 1e-9) for (let i = 0; i < n; i++) P[i] += dot(vectors[r], u0) * vectors[r][i];
    });
    const lim = ncfFlowLimit(model, u0);
    expect(Math.abs(lim.N - lamMax) / lamMax).toBeLessThan(1e-9);
    expect(Math.abs(lim.c - norm(P)) / norm(P)).toBeLessThan(1e-6);
    expect(Math.abs(dot(lim.u, P) / norm(P) - 1)).toBeLessThan(1e-9);
  });

  // Toys (u* = (1, 0), N(u*) = 2 y1 = 8), SD-sq2-tiny's top KKT point (Lh = 3) and SD-sq3-tiny's single path (Lh = 7).
  const cases: [string, () => { model: HomogeneousModel; u: Float64Array; N: number }][] = [
    ['toy Lh = 3', () => ({ model: new Toy(3, [4, 1], 'sq-sum'), u: Float64Array.of(1, 0), N: 8 })],
    ['toy Lh = 4', () => ({ model: new Toy(4, [4, 1], 'sq-sum'), u: Float64Array.of(1, 0), N: 8 })],
    ['SD-sq2-tiny top KKT point', () => ({ ...sq2TopKkt(), N: (2 * (6 + SQRT3)) / (3 * SQRT3) })],
    ['three-layer single path', () => singlePath(3)],
  ];

  it.each(cases)('Lh > 2, %s: from u* the flow is u*/(1 - Lh(Lh-2)N t)^(1/(Lh-2)), blow-up exactly at 1/(Lh(Lh-2)N(u*))', (_name, make) => {
    const { model, u, N } = make();
    const Lh = model.Lh;
    const g = new Float64Array(model.n);
    expect(Math.abs(model.ncfGrad(u, g) - N) / N).toBeLessThan(1e-12);
    expect(kktResidual(model, u).residual).toBeLessThan(1e-12);
    const T = 1 / (Lh * (Lh - 2) * N);
    const fr = [0.5, 0.9, 0.99];
    const states = ncfFlow(
      model,
      u,
      fr.map((f) => f * T),
    );
    fr.forEach((f, q) => {
      const scale = (1 - f) ** (-1 / (Lh - 2));
      const err = Math.max(...Array.from(u, (v, i) => Math.abs(states[q][i] - scale * v))) / scale;
      expect(err).toBeLessThan(1e-8);
    });
    // the tau-form of 4.3 (the code's T_blow) gives the same blow-up time
    const lim = ncfFlowLimit(model, u);
    expect(Math.abs(lim.Tblow - T) / T).toBeLessThan(1e-10);
  });

  it('SD-sq2-tiny: the plain NCF flow stopped at ||u|| = R plus 1/(Lh(Lh-2) N* R^(Lh-2)) gives T_blow(w0) = 0.219080 (4.3)', () => {
    const model = square([4]);
    const u0 = Float64Array.from(SQ2_TINY_W0);
    const r0 = norm(u0);
    for (let i = 0; i < u0.length; i++) u0[i] /= r0;
    const Nstar = (2 * (6 + SQRT3)) / (3 * SQRT3);
    const R = 1e3;
    const st = new Dopri5({ n: model.n, f: (_t, y, dy) => void model.ncfGrad(y, dy) }, 0, u0, { rtol: 1e-12, atol: 1e-15 });
    let tPrev = 0;
    let rPrev = 1;
    let tR = NaN;
    while (Number.isNaN(tR)) {
      expect(st.step(1).ok).toBe(true);
      const r = norm(st.y);
      // along the escaping direction 1/r is linear in t (dr/dt = 3 N* r^2), so interpolate 1/r
      if (r >= R) tR = tPrev + ((1 / rPrev - 1 / R) / (1 / rPrev - 1 / r)) * (st.t - tPrev);
      tPrev = st.t;
      rPrev = r;
    }
    const extrapolated = tR + 1 / (3 * Nstar * R);
    expect(Math.abs(extrapolated - 0.21908)).toBeLessThan(5e-7);
    const lim = ncfFlowLimit(model, u0);
    expect(Math.abs(lim.Tblow - extrapolated)).toBeLessThan(1e-8);
  });
});

describe('oracle 6: KKT points from projected gradient ascent (step as in the spec)', () => {
  it('SD-sq2-tiny: PGA (step 0.01) from w0 reaches a one-neuron KKT point, residual < 1e-10, balance p = 2, energies 2/3, 1/3', () => {
    const model = square([4]);
    const r = projectedGradientAscent(model, Float64Array.from(SQ2_TINY_W0), 0.01, 200_000);
    expect(r.residual).toBeLessThan(1e-10);
    expect(kktResidual(model, r.u).residual).toBeLessThan(1e-10);
    expect(Math.abs(r.N - (2 * (6 + SQRT3)) / (3 * SQRT3))).toBeLessThan(1e-9);
    const active = activeUnits(model, r.u);
    expect(active).toEqual([false, false, false, true]);
    model.units.forEach((u, j) => {
      if (active[j]) expect(Math.abs(energy(r.u, u.inIdx) / energy(r.u, u.outIdx) - 2)).toBeLessThan(1e-6);
    });
    const layer = model.blocks.map((b) =>
      energy(
        r.u,
        Array.from({ length: b.size }, (_, i) => b.offset + i),
      ),
    );
    expect(Math.abs(layer[0] - 2 / 3)).toBeLessThan(1e-9);
    expect(Math.abs(layer[1] - 1 / 3)).toBeLessThan(1e-9);
  });

  it('four-layer square net (Lh = 15): PGA reaches a single path with energies 8/15, 4/15, 2/15, 1/15 and N = N(single path)', () => {
    // oracle 6's formula p^(depth-l) (p-1)/(p^depth - 1) for depth 4; N* of a single path as for SD-sq3-tiny (5.2)
    const model = square([3, 3, 3]);
    expect(model.Lh).toBe(15);
    const r = projectedGradientAscent(model, randomDirection(5, model.n), 0.5, 200_000);
    expect(r.converged).toBe(true);
    expect(r.residual).toBeLessThan(1e-10);
    const layer = model.blocks.map((b) =>
      energy(
        r.u,
        Array.from({ length: b.size }, (_, i) => b.offset + i),
      ),
    );
    [8 / 15, 4 / 15, 2 / 15, 1 / 15].forEach((e, l) => expect(Math.abs(layer[l] - e)).toBeLessThan(1e-8));
    const active = activeUnits(model, r.u);
    // one neuron per hidden layer, each balanced: ||in||^2 / ||out||^2 = p
    for (let l = 1; l <= 3; l++) expect(model.units.filter((u, j) => u.layer === l && active[j]).length).toBe(1);
    model.units.forEach((u, j) => {
      if (active[j]) expect(Math.abs(energy(r.u, u.inIdx) / energy(r.u, u.outIdx) - 2)).toBeLessThan(1e-6);
    });
    const ref = singlePath(4).N;
    expect(Math.abs(r.N - ref) / ref).toBeLessThan(1e-9);
  });
});

describe('oracle 10: Delta of the top KKT point from the projected Hessian of N', () => {
  it('SD-sq2-tiny: M has eigenvalues 6 -+ sqrt3; Delta = (2/sqrt3)(lam1 - max(lam2, 0)) = 4 = projected Hessian (1e-5)', () => {
    const { values } = circleM();
    expect(Math.abs(values[0] - (6 - SQRT3))).toBeLessThan(1e-12);
    expect(Math.abs(values[1] - (6 + SQRT3))).toBeLessThan(1e-12);
    const closed = (2 / SQRT3) * (values[1] - Math.max(values[0], 0));
    expect(Math.abs(closed - 4)).toBeLessThan(1e-12);
    const { model, u } = sq2TopKkt();
    // u at 15 degrees (up to sign), a KKT point with N* = 2(6 + sqrt3)/(3 sqrt3)
    expect(Math.abs(Math.abs(u[7] / u[6]) - Math.tan(Math.PI / 12))).toBeLessThan(1e-12);
    expect(kktResidual(model, u).residual).toBeLessThan(1e-13);
    // grad N is quadratic (Lh = 3), so its central differences are exact up to rounding
    const H = ncfHessian(model, u, 1e-3);
    expect(Math.abs(projectedDelta(model, u, H) - 4)).toBeLessThan(1e-5);
    // and at the KKT point the engine's NCF flow reaches from w0
    const lim = ncfFlowLimit(model, Float64Array.from(SQ2_TINY_W0));
    expect(Math.abs(projectedDelta(model, lim.u, ncfHessian(model, lim.u, 1e-3)) - 4)).toBeLessThan(1e-5);
  });

  it('Example 1: Delta = 16 - 4 = 12 = 2(lam1 - lam2) for N = u^T S u, S = diag(8, 2) (docs/labs/saddles.md Sec. 3.3, 3.5)', () => {
    const toy = new Toy(2, [4, 1], 'sq-sum');
    const u = Float64Array.of(1, 0);
    const H = ncfHessian(toy, u, 1e-3);
    expect(Math.abs(projectedDelta(toy, u, H) - 12)).toBeLessThan(1e-9);
    expect(Math.abs(projectedDelta(toy, u, H) - 2 * (8 - 2))).toBeLessThan(1e-9);
  });

  it.each([
    ['SD-sq2-tiny top KKT point', () => ({ ...sq2TopKkt(), h: 1e-3 })],
    ['three-layer single path', () => ({ ...singlePath(3), h: 1e-4 })],
  ] as [string, () => { model: HomogeneousModel; u: Float64Array; h: number }][])(
    '%s: u* is an eigenvector of Hess N(u*) with eigenvalue Lh(Lh-1) N(u*) (docs/labs/saddles.md Sec. 2.4)',
    (_name, make) => {
      const { model, u, h } = make();
      const H = ncfHessian(model, u, h);
      const N = model.ncfGrad(u, new Float64Array(model.n));
      const lam = model.Lh * (model.Lh - 1) * N;
      const Hu = H.map((row) => dot(row, u));
      expect(Math.max(...Hu.map((v, i) => Math.abs(v - lam * u[i]))) / lam).toBeLessThan(1e-7);
    },
  );
});

describe('oracle 2: the origin (docs/labs/saddles.md Sec. 3.3)', () => {
  const rng = new Rng(23);
  const X = spherePoints(rng, 6, 3);
  const y = Float64Array.from({ length: 6 }, () => rng.gauss());
  const ff = (dims: number[], p: number, loss: 'sq-sum' | 'mse-mean') => new FeedForward({ dims, p, alpha: 1, X, y, loss });

  it.each([
    ['2-layer linear (Lh = 2)', () => ff([3, 3, 1], 1, 'sq-sum')],
    ['2-layer linear, mse-mean (Lh = 2)', () => ff([3, 2, 1], 1, 'mse-mean')],
    ['2-layer square (Lh = 3)', () => ff([3, 3, 1], 2, 'sq-sum')],
    ['3-layer square (Lh = 7)', () => ff([3, 2, 2, 1], 2, 'mse-mean')],
  ] as [string, () => FeedForward][])('%s: grad L(0) = 0; Hess L(0) = -Hess N for Lh = 2 and 0 for Lh > 2', (_name, make) => {
    const model = make();
    const n = model.n;
    const zero = new Float64Array(n);
    const g = new Float64Array(n);
    model.grad(zero, g);
    for (const v of g) expect(v === 0).toBe(true);
    const HL = fdHessian({ n, grad: (w, out) => model.grad(w, out) }, zero, 1e-5);
    const HN = fdHessian({ n, grad: (w, out) => model.ncfGrad(w, out) }, zero, 1e-5);
    const scale = Math.max(...Array.from(HN, Math.abs));
    if (model.Lh === 2) {
      expect(scale).toBeGreaterThan(0.1);
      // for Lh = 2, Hess N is the constant 2S; check it against N(u) = u^T S u at a random u
      const u = randomDirection(3, n);
      const Hu = Array.from({ length: n }, (_, i) => dot(HN.subarray(i * n, (i + 1) * n), u));
      expect(Math.abs(dot(u, Hu) / 2 - model.ncfGrad(u, g))).toBeLessThan(1e-9 * scale);
      for (let i = 0; i < n * n; i++) expect(Math.abs(HL[i] + HN[i])).toBeLessThan(1e-9 * scale);
    } else {
      for (let i = 0; i < n * n; i++) expect(Math.abs(HL[i])).toBeLessThan(1e-8);
    }
  });

  it('mse-mean: L(delta u) = L(0) - delta^Lh N(u) + delta^(2Lh) ||H(X; u)||^2 / n exactly (rel. 1e-12), N with ytilde = 2y/n', () => {
    for (const [dims, p] of [
      [[3, 4, 1], 2],
      [[3, 3, 2, 1], 2],
    ] as [number[], number][]) {
      const model = ff(dims, p, 'mse-mean');
      const nPts = model.nPoints;
      const L0 = model.loss(new Float64Array(model.n));
      expect(Math.abs(L0 - dot(y, y) / nPts)).toBeLessThan(1e-15);
      const u = randomDirection(9, model.n);
      const H = new Float64Array(nPts);
      model.outputs(u, H);
      const N = model.ncfGrad(u, new Float64Array(model.n));
      expect(Math.abs(N - (2 / nPts) * dot(y, H))).toBeLessThan(1e-14);
      for (const delta of [0.5, 0.1]) {
        const L = model.loss(Float64Array.from(u, (v) => delta * v));
        const expected = L0 - delta ** model.Lh * N + (delta ** (2 * model.Lh) * dot(H, H)) / nPts;
        expect(Math.abs(L - expected) / expected).toBeLessThan(1e-12);
      }
    }
  });
});
