// The small deterministic networks of the Saddles docs/labs/saddles.md (docs/labs/saddles.md, 5.2) and the SD-sq2-tiny
// rows of the sweeps SD-scaling / SD-delta-sparsity (5.4): escape times, sparsity, plateau levels, GD on the tiny
// square net. References are the spec's numbers and an independent solver written here: fixed-step RK4 on the
// closed-form gradients of 3.2 (two-layer) and of the single path (three-layer), with its own copy of the data.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { SQ2_TINY_W0, SQ3_TINY_W0, type SaddlesSpec } from '../schema';
import { findPreset } from '../../../experiment/presets';
import { fdHessian } from '../../../engine/core/finite-diff';
import { FlowPath } from '../../../engine/core/flow-path';
import { GradientDescent } from '../../../engine/core/integrators/gd';
import { Rng } from '../../../engine/core/rng';
import { spherePoints } from '../../../engine/homogeneous/data';
import { FeedForward } from '../../../engine/homogeneous/ff';
import { buildSaddles } from '../build';

const SQRT3 = Math.sqrt(3);
const L0 = 5.25; // docs/labs/saddles.md Sec. 5.2
const N2 = (2 * (6 + SQRT3)) / (3 * SQRT3); // N* of SD-sq2-tiny (3.2)

/** The data of docs/labs/saddles.md Sec. 5.2, written out again: x_i = (cos(i pi/8), sin(i pi/8)), y_i = (u1.x)^2 + (u2.x)^2 / 2. */
const DATA = Array.from({ length: 8 }, (_, i) => {
  const x = [Math.cos((i * Math.PI) / 8), Math.sin((i * Math.PI) / 8)];
  return { x, y: x[0] ** 2 + 0.5 * (0.5 * x[0] + (SQRT3 / 2) * x[1]) ** 2 };
});

/** Closed-form gradient of the width-4 square net (3.2); layout W rows (a_j), then v. Returns the loss. */
function sq2Grad(w: Float64Array, g: Float64Array): number {
  g.fill(0);
  let L = 0;
  for (const { x, y } of DATA) {
    const z = [0, 1, 2, 3].map((j) => w[2 * j] * x[0] + w[2 * j + 1] * x[1]);
    const H = z.reduce((s, zj, j) => s + w[8 + j] * zj * zj, 0);
    const r = 2 * (H - y);
    L += (H - y) ** 2;
    for (let j = 0; j < 4; j++) {
      g[8 + j] += r * z[j] * z[j];
      g[2 * j] += 2 * w[8 + j] * r * z[j] * x[0];
      g[2 * j + 1] += 2 * w[8 + j] * r * z[j] * x[1];
    }
  }
  return L;
}

/** The single path of SD-sq3-tiny, H = v w^2 (a.x)^4, parameters (a1, a2, w, v): closed-form gradient. */
function pathGrad(p: Float64Array, g: Float64Array): number {
  g.fill(0);
  let L = 0;
  const [a1, a2, w, v] = p;
  for (const { x, y } of DATA) {
    const z = a1 * x[0] + a2 * x[1];
    const H = v * w * w * z ** 4;
    const r = 2 * (H - y);
    L += (H - y) ** 2;
    g[0] += r * 4 * v * w * w * z ** 3 * x[0];
    g[1] += r * 4 * v * w * w * z ** 3 * x[1];
    g[2] += r * 2 * v * w * z ** 4;
    g[3] += r * w * w * z ** 4;
  }
  return L;
}

/** One classical RK4 step of w' = -grad L, in place. */
function rk4Step(grad: (w: Float64Array, g: Float64Array) => number, w: Float64Array, h: number, k: Float64Array[], tmp: Float64Array): void {
  const n = w.length;
  const f = (s: Float64Array, out: Float64Array) => {
    grad(s, out);
    for (let i = 0; i < n; i++) out[i] = -out[i];
  };
  f(w, k[0]);
  for (let i = 0; i < n; i++) tmp[i] = w[i] + (h / 2) * k[0][i];
  f(tmp, k[1]);
  for (let i = 0; i < n; i++) tmp[i] = w[i] + (h / 2) * k[1][i];
  f(tmp, k[2]);
  for (let i = 0; i < n; i++) tmp[i] = w[i] + h * k[2][i];
  f(tmp, k[3]);
  for (let i = 0; i < n; i++) w[i] += (h / 6) * (k[0][i] + 2 * k[1][i] + 2 * k[2][i] + k[3][i]);
}

/** Reference state at time T: RK4 with the largest step <= h that divides T. */
function rk4State(grad: (w: Float64Array, g: Float64Array) => number, w0: Float64Array, T: number, h: number): Float64Array {
  const w = Float64Array.from(w0);
  const k = [0, 1, 2, 3].map(() => new Float64Array(w.length));
  const tmp = new Float64Array(w.length);
  const steps = Math.ceil(T / h);
  for (let s = 0; s < steps; s++) rk4Step(grad, w, T / steps, k, tmp);
  return w;
}

/**
 * Reference escape time: classical RK4 with step h on w' = -grad L, and the first t with L <= level located by a
 * cubic Hermite interpolant of L (dL/dt = -||grad L||^2) inside the step where it happens.
 */
function rk4Escape(grad: (w: Float64Array, g: Float64Array) => number, w0: Float64Array, level: number, h: number, tMax: number): number {
  const n = w0.length;
  const w = Float64Array.from(w0);
  const k = [0, 1, 2, 3].map(() => new Float64Array(n));
  const tmp = new Float64Array(n);
  const g = new Float64Array(n);
  let L = grad(w, g);
  let dL = -g.reduce((s, v) => s + v * v, 0);
  for (let t = 0; t < tMax; t += h) {
    rk4Step(grad, w, h, k, tmp);
    const L1 = grad(w, g);
    const dL1 = -g.reduce((s, v) => s + v * v, 0);
    if (L1 <= level) {
      const herm = (s: number) => (2 * s ** 3 - 3 * s ** 2 + 1) * L + (s ** 3 - 2 * s ** 2 + s) * h * dL + (-2 * s ** 3 + 3 * s ** 2) * L1 + (s ** 3 - s ** 2) * h * dL1;
      let lo = 0;
      let hi = 1;
      for (let it = 0; it < 60; it++) {
        const mid = (lo + hi) / 2;
        if (herm(mid) <= level) hi = mid;
        else lo = mid;
      }
      return t + h * lo;
    }
    L = L1;
    dL = dL1;
  }
  return NaN;
}

const tiny = (id: 'sd-sq2-tiny' | 'sd-sq3-tiny', delta: number, w0: number[]): SaddlesSpec => {
  const s = structuredClone(findPreset(id)!.spec) as SaddlesSpec;
  return { ...s, init: { delta, dir: { kind: 'explicit', w0 } } };
};

/** Gradient flow of a preset at rtol 1e-10, atol 1e-14 delta (docs/labs/saddles.md Sec. 4.2), recorded for event location. */
function run(spec: SaddlesSpec) {
  const { problem, theta0 } = buildSaddles(spec);
  const path = new FlowPath(problem, theta0, 1e-10, 1e-14 * spec.init.delta);
  return { problem, theta0, path, loss: (th: Float64Array) => problem.loss(th) };
}

/** Sparsity ||w_z|| / ||w|| with w_z = neurons 1-3 of SD-sq2-tiny (zero in w*: neuron 4 wins the race, 5.2). */
function sq2Sparsity(th: Float64Array): number {
  let z = 0;
  let all = 0;
  th.forEach((v, i) => {
    all += v * v;
    if (![6, 7, 11].includes(i)) z += v * v;
  });
  return Math.sqrt(z / all);
}

/** The top KKT point of SD-sq2-tiny in closed form: neuron 4 with a = sqrt(2/3) u (u at 15 degrees), v = 1/sqrt3. */
const SQ2_WSTAR = (() => {
  const w = new Array(12).fill(0);
  w[6] = Math.sqrt(2 / 3) * Math.cos(Math.PI / 12);
  w[7] = Math.sqrt(2 / 3) * Math.sin(Math.PI / 12);
  w[11] = 1 / SQRT3;
  return w;
})();

/** Symmetric Hessian eigenvalues (ascending) by ml-matrix. */
function eigenvalues(H: Float64Array, n: number): number[] {
  const rows = Array.from({ length: n }, (_, i) => Array.from(H.subarray(i * n, (i + 1) * n)));
  return new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true }).realEigenvalues.sort((a, b) => a - b);
}

describe('SD-sq2-tiny: gradient flow from delta w0 (5.2) and SD-delta-sparsity (5.4)', () => {
  // delta, spec t_esc, spec sparsity at t_esc + 5 and at t_esc - 2, spec plateau level at t_esc + 5. The spec lists
  // 0.212 at t_esc - 2 for delta = 0.005; the flow (checked against RK4 below) gives 0.21148, which rounds to 0.211
  // (moving t_esc to the spec's 43.3874 changes it by 1e-5): 0.2115 is asserted instead.
  const rows: [number, number, number, number, number][] = [
    [0.04, 5.0462, 0.079, 0.685, 0.267414],
    [0.02, 10.5251, 0.0337, 0.525, 0.267925],
    [0.01, 21.4794, 0.0161, 0.355, 0.267947],
    [0.005, 43.3874, 0.0079, 0.2115, 0.267949],
  ];
  const after: number[] = [];

  it.each(rows)('delta = %s: t_esc = T_blow/delta - 0.43 (+-0.01), sparsity and plateau at t_esc + 5, sparsity at t_esc - 2', (delta, tSpec, sAfter, sBefore, level) => {
    const { problem, theta0, path, loss } = run(tiny('sd-sq2-tiny', delta, SQ2_TINY_W0));
    const Tblow = 0.21908; // docs/labs/saddles.md Sec. 5.2 (T_blow(w0) = 0.219080)
    path.advance((2 * Tblow) / delta, (th) => loss(th) < 0.5 * L0);
    const tEsc = path.crossing(loss, 0.99 * L0);
    expect(Math.abs(tEsc - (Tblow / delta - 0.43))).toBeLessThan(0.01);
    // The independent RK4 solution gives the same event to 1e-6. The spec's values are 0.6e-4 to 2.3e-4 higher
    // than this (e.g. 5.0462 vs 5.045988 at delta = 0.04; 21.4794 vs 21.479237 at 0.01): DOPRI5 at rtol 1e-8 ..
    // 1e-13 and RK4 with h = 2e-3 and 1e-3 all agree on the lower values to 1e-7, and measuring against L(w(0))
    // instead of L(0) moves them by at most 7e-5, so the spec's 4th decimal comes from a coarser event location.
    // They are asserted to 3e-4, inside the spec's own +-0.01 band.
    const ref = rk4Escape(sq2Grad, theta0, 0.99 * L0, 1e-3, (2 * Tblow) / delta);
    expect(Math.abs(tEsc - ref)).toBeLessThan(1e-6);
    expect(Math.abs(tEsc - tSpec)).toBeLessThan(3e-4);
    // sparsity over neurons 1-3: only partial before the escape, about linear in delta after it
    const before = path.at(tEsc - 2);
    const ref2 = rk4State(sq2Grad, theta0, tEsc - 2, 2e-3);
    expect(Math.max(...Array.from(before, (v, i) => Math.abs(v - ref2[i])))).toBeLessThan(1e-8);
    expect(Math.abs(sq2Sparsity(before) - sBefore)).toBeLessThan(delta === 0.005 ? 1e-4 : 5e-4);
    path.advance(tEsc + 5);
    const ref5 = rk4State(sq2Grad, theta0, tEsc + 5, 2e-3);
    expect(Math.max(...Array.from(path.theta, (v, i) => Math.abs(v - ref5[i])))).toBeLessThan(1e-8);
    const s = sq2Sparsity(path.theta);
    expect(Math.abs(s - sAfter)).toBeLessThan(5e-5);
    after.push(s);
    // the lab's own sparsity metric is the same number (its w* comes from the NCF flow)
    const out = new Float64Array(problem.metricNames.length);
    problem.metrics(path.theta, out);
    expect(Math.abs(out[problem.metricNames.indexOf('sparsity')] - s)).toBeLessThan(1e-9);
    // the first saddle: the full net at t_esc + 5 sits at the listed level, approaching 2 - sqrt3 as delta -> 0
    const L = loss(path.theta);
    expect(Math.abs(L - level)).toBeLessThan(5e-7);
    expect(L).toBeGreaterThan(2 - SQRT3 - 1e-3);
  });

  it('SD-delta-sparsity: the sparsity at t_esc + 5 shrinks by a factor 2.0 - 2.4 per halving of delta', () => {
    expect(after).toHaveLength(4);
    for (let i = 1; i < after.length; i++) {
      const ratio = after[i - 1] / after[i];
      expect(ratio).toBeGreaterThanOrEqual(2.0);
      expect(ratio).toBeLessThanOrEqual(2.4);
    }
  });

  it.each([
    [0.01, 10.772],
    [0.001, 111.576],
  ])('from delta w* (delta = %s): t_esc = 1/(3 N* delta) - 0.43 = %s', (delta, tSpec) => {
    const { problem, theta0, path, loss } = run(tiny('sd-sq2-tiny', delta, SQ2_WSTAR));
    expect(Math.abs(problem.analysis.pred.tEscWstar - 1 / (3 * N2 * delta)) / tSpec).toBeLessThan(1e-9);
    path.advance(2 / (3 * N2 * delta), (th) => loss(th) < 0.5 * L0);
    const tEsc = path.crossing(loss, 0.99 * L0);
    expect(Math.abs(tEsc - tSpec)).toBeLessThan(5e-4);
    expect(Math.abs(tEsc - (1 / (3 * N2 * delta) - 0.43))).toBeLessThan(0.01);
    expect(Math.abs(tEsc - rk4Escape(sq2Grad, theta0, 0.99 * L0, 2e-3, 2 / (3 * N2 * delta)))).toBeLessThan(1e-6);
    // started on the one-neuron sub-network, it stays there exactly (zero preservation, 3.4)
    path.advance(tEsc + 5);
    expect(sq2Sparsity(path.theta)).toBe(0);
    expect(Math.abs(loss(path.theta) - (2 - SQRT3))).toBeLessThan(1e-6);
  });
});

describe('SD-sq2-tiny by GD, delta = 0.01, eta = 0.01 (5.2)', () => {
  it('escape at iteration 2152; L = 0.2679475 (t = 25), 0.2679396 (t = 40); second drop in t = 50..60; L < 1e-25 by t = 70; sharpness 36.56', () => {
    const { problem, theta0 } = buildSaddles(tiny('sd-sq2-tiny', 0.01, SQ2_TINY_W0));
    const gd = new GradientDescent(problem, theta0, 0.01);
    const n = problem.n;
    const hess = (th: Float64Array) => eigenvalues(fdHessian(problem, th, 1e-6), n);
    const plateau = 2 - SQRT3;
    let esc = -1;
    let drop = -1;
    const lmin: number[] = [];
    for (let k = 1; k <= 7000; k++) {
      gd.step();
      if (esc < 0 && gd.loss <= 0.99 * L0) esc = k;
      if (drop < 0 && esc > 0 && k > esc + 500 && gd.loss <= 0.99 * plateau) drop = k;
      if (k === 2500) expect(Math.abs(gd.loss - 0.2679475)).toBeLessThan(5e-8);
      if (k === 4000) expect(Math.abs(gd.loss - 0.2679396)).toBeLessThan(5e-8);
      if (k === 2500 || k === 3000 || k === 4000) lmin.push(hess(gd.theta)[0]);
    }
    expect(esc).toBe(2152);
    expect(drop).toBeGreaterThan(5000);
    expect(drop).toBeLessThan(6000);
    expect(gd.loss).toBeLessThan(1e-25);
    // Final sharpness: the top eigenvalue of Hess L by central differences, and (residuals ~ 0 at a global minimum)
    // of 2 J^T J with J the 8 x 12 output Jacobian: both 36.56, so GD needs eta < 2/36.56 = 0.0547 there.
    const top = hess(gd.theta)[n - 1];
    expect(Math.abs(top - 36.56)).toBeLessThan(0.005);
    const J = Array.from({ length: 8 }, (_, i) => {
      const g = new Float64Array(n);
      problem.analysis.model.outputGrad(gd.theta, i, g);
      return Array.from(g);
    });
    const JtJ = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) JtJ[a * n + b] = 2 * J.reduce((s, row) => s + row[a] * row[b], 0);
    expect(Math.abs(eigenvalues(JtJ, n)[n - 1] - top)).toBeLessThan(1e-5);
    expect(Math.abs(2 / top - 0.0547)).toBeLessThan(5e-5);
    // "Smallest Hessian eigenvalue on the plateau is about -0.066": the spec gives no time; it drifts with the size
    // of the inactive neurons (-0.058 at t = 25, -0.066 at t = 30, -0.096 at t = 40). Asserted: a small negative
    // curvature (the slow escape direction) at every plateau sample, -0.066 to 0.005 at t = 30.
    for (const l of lmin) {
      expect(l).toBeLessThan(-0.05);
      expect(l).toBeGreaterThan(-0.1);
    }
    expect(Math.abs(lmin[1] + 0.066)).toBeLessThan(0.005);
  });
});

describe('SD-sq3-tiny (Lh = 7, 5.2)', () => {
  /** The single-path KKT point: W1 row 3 = sqrt(4/7) u (u at 15 degrees), W2 entry (1, 3) = sqrt(2/7), v1 = sqrt(1/7). */
  const u = [Math.cos(Math.PI / 12), Math.sin(Math.PI / 12)];
  const wstar = (() => {
    const w = new Array(18).fill(0);
    w[4] = Math.sqrt(4 / 7) * u[0];
    w[5] = Math.sqrt(4 / 7) * u[1];
    w[6 + 2] = Math.sqrt(2 / 7);
    w[15] = Math.sqrt(1 / 7);
    return w;
  })();
  const Nstar = 0.2197545; // docs/labs/saddles.md Sec. 5.2

  it.each([
    [0.4, 12.342],
    [0.3, 53.149],
  ])('from delta w* (delta = %s): t_esc = 1/(35 N* delta^5) - 0.356 (+-0.005); spec %s', (delta, tSpec) => {
    const { problem, theta0, path, loss } = run(tiny('sd-sq3-tiny', delta, wstar));
    // u at 15 degrees is the KKT direction: the engine's N(w*) is the spec's N*
    expect(Math.abs(problem.analysis.pred.Nstar - Nstar)).toBeLessThan(5e-8);
    const tPred = 1 / (35 * Nstar * delta ** 5);
    path.advance(2 * tPred, (th) => loss(th) < 0.5 * L0);
    const tEsc = path.crossing(loss, 0.99 * L0);
    expect(Math.abs(tEsc - (tPred - 0.356))).toBeLessThan(0.005);
    // The same path by RK4 on the 4-parameter single path (zero preservation keeps the rest at 0).
    const p0 = Float64Array.of(theta0[4], theta0[5], theta0[8], theta0[15]);
    expect(Math.abs(tEsc - rk4Escape(pathGrad, p0, 0.99 * L0, 2e-3, 2 * tPred))).toBeLessThan(1e-6);
    // The spec lists 12.342 and 53.149; the event is at 12.340121 and 53.148085 (both solvers above). Measuring
    // against L(w(0)) = L(0) - delta^7 N* + ... instead of L(0) = 5.25 gives 12.341876 and 53.148321, which explains
    // most of the gap at delta = 0.4; the offset 0.356 +- 0.005 holds either way. Asserted to 2.5e-3 here.
    expect(Math.abs(tEsc - tSpec)).toBeLessThan(2.5e-3);
  });

  it.each([
    [0.4, NaN],
    [0.3, NaN],
    [0.25, NaN],
    [0.15, 50077.11],
  ])('from delta w0 (delta = %s): t_esc = T_blow/delta^5 - 0.37 (+-0.02), T_blow = 3.802758', (delta, tSpec) => {
    const { path, loss } = run(tiny('sd-sq3-tiny', delta, SQ3_TINY_W0));
    const tPred = 3.802758 / delta ** 5;
    path.advance(1.5 * tPred, (th) => loss(th) < 0.5 * L0);
    const tEsc = path.crossing(loss, 0.99 * L0);
    expect(Math.abs(tEsc - (tPred - 0.37))).toBeLessThan(0.02);
    if (!Number.isNaN(tSpec)) expect(Math.abs(tEsc - tSpec)).toBeLessThan(5e-3);
  });
});

describe('oracles 4 and 5 beyond two-layer square nets (docs/labs/saddles.md Sec. 3.4)', () => {
  /** c = ||in||^2 - p ||out||^2 and the energy ||in||^2 + p ||out||^2 of one hidden neuron. */
  const conserved = (w: Float64Array, inIdx: Int32Array, outIdx: Int32Array, p: number) => {
    const a = Array.from(inIdx).reduce((s, k) => s + w[k] * w[k], 0);
    const b = Array.from(outIdx).reduce((s, k) => s + w[k] * w[k], 0);
    return [a - p * b, a + p * b];
  };

  it.each([
    ['2-layer ReLU', [3, 5, 1], 1, 0],
    ['2-layer p = 3, alpha = 0.3', [3, 4, 1], 3, 0.3],
    ['2-layer squared ReLU', [3, 4, 1], 2, 0],
    ['3-layer square', [3, 4, 3, 1], 2, 1],
    ['3-layer ReLU', [3, 4, 3, 1], 1, 0],
    ['4-layer square (mse-mean)', [3, 3, 3, 2, 1], 2, 1],
  ] as [string, number[], number, number][])('%s: one GD step changes every c_(l,j) by exactly eta^2 (||G_in||^2 - p ||G_out||^2)', (name, dims, p, alpha) => {
    const rng = new Rng(17);
    const X = spherePoints(rng, 7, dims[0]);
    const y = Float64Array.from({ length: 7 }, () => rng.gauss());
    const model = new FeedForward({ dims, p, alpha, X, y, loss: name.includes('mse') ? 'mse-mean' : 'sq-sum' });
    const w = Float64Array.from({ length: model.n }, () => 0.6 * rng.gauss());
    const g = new Float64Array(model.n);
    model.grad(w, g);
    // a step that moves w by 5 % of its norm, whatever the scale of the gradient (deep mse-mean nets have tiny ones)
    const eta = (0.05 * Math.sqrt(w.reduce((s, v) => s + v * v, 0))) / Math.sqrt(g.reduce((s, v) => s + v * v, 0));
    const w1 = Float64Array.from(w, (v, i) => v - eta * g[i]);
    let nonTrivial = 0;
    for (const u of model.units) {
      const [c0, e] = conserved(w, u.inIdx, u.outIdx, p);
      const [c1] = conserved(w1, u.inIdx, u.outIdx, p);
      const [gc] = conserved(g, u.inIdx, u.outIdx, p);
      const pred = eta * eta * gc;
      // 1e-12 relative to the neuron's energy (c1 - c0 cancels to that level), and not a vacuous match:
      expect(Math.abs(c1 - c0 - pred)).toBeLessThan(1e-12 * e);
      if (Math.abs(pred) > 1e-6 * e) {
        nonTrivial++;
        expect(Math.abs(c1 - c0 - pred) / Math.abs(pred)).toBeLessThan(1e-6);
      }
    }
    expect(nonTrivial).toBeGreaterThan(model.units.length / 2);
  });

  it('SD-sq3-tiny, delta = 0.3: DOPRI5 (rtol 1e-10) keeps every c_(l,j) to 1e-9 of the neuron energy through escape', () => {
    const delta = 0.3;
    const { problem, theta0, path, loss } = run(tiny('sd-sq3-tiny', delta, SQ3_TINY_W0));
    path.advance(1600);
    expect(loss(path.theta)).toBeLessThan(0.1); // escaped (t_esc = 1564.5)
    const model = problem.analysis.model;
    let worst = 0;
    for (let i = 0; i < path.thetas.length; i += 10) {
      for (const u of model.units) {
        const [c0] = conserved(theta0, u.inIdx, u.outIdx, 2);
        const [c, e] = conserved(path.thetas[i], u.inIdx, u.outIdx, 2);
        worst = Math.max(worst, Math.abs(c - c0) / e);
      }
    }
    expect(worst).toBeLessThan(1e-9);
    // the lab's drift metric says the same
    const out = new Float64Array(problem.metricNames.length);
    problem.metrics(path.theta, out);
    expect(out[problem.metricNames.indexOf('consDrift')]).toBeLessThan(1e-9);
  });

  it('three-layer net: a zeroed neuron of each hidden layer stays exactly 0.0 under GD (1e4 steps) and gradient flow', () => {
    const w0 = SQ3_TINY_W0.slice();
    // layer-1 neuron 1: W1 row 1 (0, 1) and W2 column 1 (6, 9, 12); layer-2 neuron 2: W2 row 2 (9, 10, 11) and v_2 (16)
    const zero = [0, 1, 6, 9, 12, 10, 11, 16];
    for (const k of zero) w0[k] = 0;
    const delta = 0.7;
    const { problem, theta0, path, loss } = run(tiny('sd-sq3-tiny', delta, w0));
    const gd = new GradientDescent(problem, theta0, 0.01);
    for (let k = 0; k < 10_000; k++) gd.step();
    expect(gd.loss).toBeLessThan(0.01 * L0); // it trained
    for (const k of zero) expect(gd.theta[k]).toBe(0);
    path.advance(100);
    expect(loss(path.theta)).toBeLessThan(0.01 * L0);
    for (const k of zero) expect(path.theta[k]).toBe(0);
  });
});
