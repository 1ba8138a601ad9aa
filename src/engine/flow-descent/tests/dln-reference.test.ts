import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { prop8Bound } from '../bounds';
import { DeepLinearNet } from '../dln';
import { DLN3_CURV_IM } from '../dln3-printed';
import { planeLoss, planeRhs, planeWeights, rankOneEndToEnd, rankOnePlane, rankOneWeights, rNuClosedFormN2, rNuLoss, rNuRhs } from '../dln-reference';
import { extremeEigenvalues, HessianScratch } from '../hessian';
import { balancedInit } from '../init';
import { spectralNorm } from '../norms';
import { relError } from '../../core/finite-diff';
import { norm, randVec } from './fd';
import { type Rhs2, rk4Stages, rk4Step2 } from './rk4';

/** Classical RK4 for a 2-D autonomous ODE with step h over [0, T], calling visit at every step. */
function rk4(rhs: Rhs2, n: number, x0: number, y0: number, T: number, h: number, visit?: (t: number, x: number, y: number) => void): [number, number] {
  const k = rk4Stages();
  let x = x0;
  let y = y0;
  const steps = Math.round(T / h);
  visit?.(0, x, y);
  for (let i = 0; i < steps; i++) {
    [x, y] = rk4Step2(rhs, n, x, y, h, k);
    visit?.((i + 1) * h, x, y);
  }
  return [x, y];
}

function rk4RNu(n: number, r0: number, nu0: number, T: number, h: number, visit?: (t: number, r: number, nu: number) => void): { r: number; nu: number } {
  const [r, nu] = rk4(rNuRhs, n, r0, nu0, T, h, visit);
  return { r, nu };
}

describe('balanced rank-1 GF reference (d_n = 1)', () => {
  it('the (r, nu) ODE is the projection of the full GF: -grad f at the rank-1 weights moves (r, nu) at rNuRhs', () => {
    const rng = new Rng(12);
    for (const widths of [
      [3, 3, 3, 1],
      [4, 2, 1],
      [3, 2, 3, 2, 1],
    ]) {
      const n = widths.length - 1;
      const lam = randVec(widths[0], () => rng.rand());
      const ln = norm(lam);
      lam.forEach((x, i) => {
        lam[i] = x / ln;
      });
      const plane = rankOnePlane(
        lam,
        randVec(widths[0], () => rng.rand(), 0.3),
      );
      const net = new DeepLinearNet(widths, lam);
      for (const [r, nu] of [
        [0.1, 0],
        [0.7, 0.4],
        [1.3, -0.6],
      ]) {
        const th = rankOneWeights(widths, plane, r, nu);
        const g = new Float64Array(net.n);
        net.grad(th, g);
        expect(net.loss(th)).toBeCloseTo(rNuLoss(r, nu), 14);
        // One tiny Euler step of the full flow, read back as (r, nu): central in time.
        const dt = 1e-6;
        const at = (s: number) => net.alignment(th.map((x, i) => x - s * g[i]));
        const p = at(dt);
        const m = at(-dt);
        const rhs = rNuRhs(n, r, nu, new Float64Array(2));
        expect(Math.abs((p.r - m.r) / (2 * dt) - rhs[0])).toBeLessThan(1e-7);
        expect(Math.abs((p.nu - m.nu) / (2 * dt) - rhs[1])).toBeLessThan(1e-7);
      }
    }
  });

  it('n = 2 closed form solves the (r, nu) ODE (central differences in t), including nu0 = 1 and large t', () => {
    for (const [r0, nu0] of [
      [0.1, 0],
      [0.05, 0.6],
      [0.2, -0.8],
      [0.1, 1],
      [1.5, 0.2],
    ]) {
      const s0 = rNuClosedFormN2(r0, nu0, 0);
      expect(s0.r).toBeCloseTo(r0, 14);
      expect(s0.nu).toBeCloseTo(nu0, 14);
      for (const t of [0.3, 1, 2.5, 7]) {
        const h = 1e-5;
        const p = rNuClosedFormN2(r0, nu0, t + h);
        const m = rNuClosedFormN2(r0, nu0, t - h);
        const c = rNuClosedFormN2(r0, nu0, t);
        const rhs = rNuRhs(2, c.r, c.nu, new Float64Array(2));
        expect(Math.abs((p.r - m.r) / (2 * h) - rhs[0])).toBeLessThan(1e-8);
        expect(Math.abs((p.nu - m.nu) / (2 * h) - rhs[1])).toBeLessThan(1e-8);
      }
      const far = rNuClosedFormN2(r0, nu0, 800);
      expect(far.r).toBeCloseTo(1, 12);
      expect(far.nu).toBe(1);
    }
  });

  it('plane coordinates (q, p) = r (nu, sqrt(1 - nu^2)) follow the same flow as (r, nu)', () => {
    for (const n of [2, 3, 5]) {
      for (const [r, nu] of [
        [0.1, 0],
        [0.6, 0.7],
        [1.2, -0.3],
      ]) {
        const s = Math.sqrt(1 - nu * nu);
        const d = rNuRhs(n, r, nu, new Float64Array(2));
        const pq = planeRhs(n, r * nu, r * s, new Float64Array(2));
        // Chain rule: q' = r' nu + r nu', p' = r' s - r nu nu'/s.
        expect(pq[0]).toBeCloseTo(d[0] * nu + r * d[1], 14);
        expect(pq[1]).toBeCloseTo(d[0] * s - (r * nu * d[1]) / s, 14);
        expect(planeLoss(r * nu, r * s)).toBeCloseTo(rNuLoss(r, nu), 15);
      }
    }
    // n = 2: the closed form (with its accurate sin) and RK4 in (q, p) agree, down to f ~ 1e-16 at t = 20.
    const [q, p] = rk4(planeRhs, 2, 0, 0.1, 20, 1e-3);
    const c = rNuClosedFormN2(0.1, 0, 20);
    expect(planeLoss(q, p) / planeLoss(c.r * c.nu, c.r * c.sin)).toBeCloseTo(1, 6);
  });

  it('FD-DLN2: f - min f = 0.37574, 0.120239, 1.04278e-2, 9.40053e-5 at t = 1, 2, 3, 5; RK4 agrees to 1e-9', () => {
    const want = [
      [1, 0.37574],
      [2, 0.120239],
      [3, 1.04278e-2],
      [5, 9.40053e-5],
    ];
    for (const [t, f] of want) {
      const { r, nu } = rNuClosedFormN2(0.1, 0, t);
      const digits = f < 0.2 ? 6 : 5;
      expect(Math.abs(rNuLoss(r, nu) / f - 1)).toBeLessThan(0.5 * 10 ** (1 - digits) * 1.5);
      const ode = rk4RNu(2, 0.1, 0, t, 1e-3);
      expect(Math.abs(ode.r - r)).toBeLessThan(1e-9);
      expect(Math.abs(ode.nu - nu)).toBeLessThan(1e-9);
    }
  });

  it('the weight map is balanced, has W_{n:1} = w, and Procedure 13 at (r0, nu0) is its t = 0 point', () => {
    const widths = [3, 3, 3, 1];
    const plane = rankOnePlane([1, 0, 0], [0, 0.1, 0]);
    expect(plane.r0).toBeCloseTo(0.1, 16);
    expect(plane.nu0).toBe(0);
    const th0 = rankOneWeights(widths, plane, plane.r0, plane.nu0);
    expect(relError(th0, balancedInit(widths, [0, 0.1, 0]))).toBeLessThan(1e-15);
    const net = new DeepLinearNet(widths, [1, 0, 0]);
    const th = rankOneWeights(widths, plane, 0.8, 0.9);
    expect(net.unbalancedness(th)).toBeLessThan(1e-15);
    expect(relError(net.endToEnd(th), rankOneEndToEnd(plane, 0.8, 0.9))).toBeLessThan(1e-15);
  });

  // Sec. 5.2 as printed (strings keep the trailing zeros that say how many digits were printed).
  const table = [
    // t, f - min f, r, nu, lmin, lmax, ||grad||
    ['1', '0.454982', '0.11890', '0.43807', '-0.63312', '0.65158', '0.2552'],
    ['2', '0.338695', '0.25019', '0.76983', '-0.55042', '0.69593', '0.4381'],
    ['3', '9.50285e-2', '0.66023', '0.94350', '-0.37961', '1.3785', '0.4489'],
    ['4', '9.46261e-3', '0.95328', '0.99122', '-0.13539', '2.7524', '0.1430'],
    ['5', '1.2134e-3', '0.99522', '0.99879', '-4.9184e-2', '2.9754', '4.936e-2'],
    ['6', '1.63811e-4', '0.99945', '0.99984', '-1.8097e-2', '2.9972', '1.810e-2'],
    ['10', '5.4946e-8', '1.0000', '1.0000', '-3.315e-4', '3.0000', '3.315e-4'],
    ['20', '1.1325e-16', '1', '1', '-1.505e-8', '3.0000', '1.505e-8'],
  ];

  /** Half a unit of the last printed digit of a decimal literal ('0.1430' -> 5e-5, '9.50285e-2' -> 5e-8). */
  function halfUnit(lit: string): number {
    const [mant, ex] = lit.split('e');
    const dot = mant.indexOf('.');
    const decimals = dot < 0 ? 0 : mant.length - dot - 1;
    return 0.5 * 10 ** (-decimals + (ex ? Number(ex) : 0));
  }

  it('FD-DLN3 reference table (Sec. 5.2): f - min f, r, nu, lmin, lmax, ||grad|| along the rank-1 GF (rel. 1e-4, or the printed digits)', () => {
    const widths = [3, 3, 3, 1];
    const net = new DeepLinearNet(widths, [1, 0, 0]);
    const plane = rankOnePlane([1, 0, 0], [0, 0.1, 0]);
    const scratch = new HessianScratch(net.n);
    const g = new Float64Array(net.n);
    let q = 0;
    let p = 0.1;
    let t0 = 0;
    for (const row of table) {
      const t = Number(row[0]);
      [q, p] = rk4(planeRhs, 3, q, p, t - t0, 1e-3);
      t0 = t;
      const r = Math.hypot(q, p);
      const nu = q / r;
      const th = planeWeights(widths, plane, q, p);
      const f = net.grad(th, g);
      const ev = extremeEigenvalues(net, th, scratch);
      const got = [f, r, nu, ev.lmin, ev.lmax, norm(g)];
      const names = ['f - min f', 'r', 'nu', 'lmin', 'lmax', '||grad||'];
      got.forEach((x, i) => {
        const want = Number(row[i + 1]);
        const tol = Math.max(1e-4 * Math.abs(want), halfUnit(row[i + 1]));
        expect(Math.abs(x - want), `t = ${t} ${names[i]} = ${x}`).toBeLessThanOrEqual(tol);
      });
    }
  });

  it('FD-DLN3-curv: I_m(t) = 0.6023, 1.2295, 1.9515, 2.0674, 2.0852, 2.0855 at t = 1, 2, 4, 6, 10, 20; min lmin = -0.6465 at t = 1.375; lmin / Eq. 14 (eps = 0) -> 1/2', () => {
    const widths = [3, 3, 3, 1];
    const net = new DeepLinearNet(widths, [1, 0, 0]);
    const plane = rankOnePlane([1, 0, 0], [0, 0.1, 0]);
    const scratch = new HessianScratch(net.n);
    const h = 5e-3;
    const stamps = new Map(DLN3_CURV_IM);
    let I = 0;
    let prev = 0;
    let minL = Infinity;
    let tMin = 0;
    const ratios = new Map<number, number>();
    rk4RNu(3, 0.1, 0, 20, h, (t, r, nu) => {
      const th = rankOneWeights(widths, plane, r, nu);
      const { lmin } = extremeEigenvalues(net, th, scratch);
      const m = Math.max(0, -lmin);
      if (t > 0) I += (h / 2) * (prev + m);
      prev = m;
      if (lmin < minL) {
        minL = lmin;
        tMin = t;
      }
      const k = Math.round(t / h);
      if (k % 200 === 0 || k === 0) {
        const tt = k * h;
        const want = stamps.get(Math.round(tt));
        if (want !== undefined && Math.abs(tt - Math.round(tt)) < 1e-9) expect(I, `I_m(${tt})`).toBeCloseTo(want, 3);
        const sn = [1, 2, 3].map((j) => spectralNorm(net.layer(th, j), widths[j], widths[j - 1]));
        const e2e = net.endToEnd(th);
        const G = e2e.map((x, i) => x - net.lam[i]);
        ratios.set(Math.round(tt), lmin / prop8Bound(sn, 3, 1, norm(G), norm(e2e), 0));
      }
    });
    expect(minL).toBeCloseTo(-0.6465, 4);
    expect(tMin).toBeCloseTo(1.375, 1);
    // The spec lists 0.620, 0.675, 0.531, then 0.500 from t = 3 on without their times: they are t = 0, 1, 2.
    expect(ratios.get(0)).toBeCloseTo(0.62, 3);
    expect(ratios.get(1)).toBeCloseTo(0.675, 3);
    expect(ratios.get(2)).toBeCloseTo(0.531, 3);
    for (const t of [3, 4, 6, 10, 20]) expect(ratios.get(t)).toBeCloseTo(0.5, 3);
  });

  it('FD-DLN3-rescale: at the GF point t = 4, (W_1/a^2, W_2/a^2, W_3 a^4) keeps f and gives the printed lmin / lmax', () => {
    const widths = [3, 3, 3, 1];
    const net = new DeepLinearNet(widths, [1, 0, 0]);
    const plane = rankOnePlane([1, 0, 0], [0, 0.1, 0]);
    const { r, nu } = rk4RNu(3, 0.1, 0, 4, 1e-3);
    const th = rankOneWeights(widths, plane, r, nu);
    const want = [
      [1, -0.13539, 2.7524],
      [2, -2.1663, 29.578],
      [4, -34.66, 473.2],
      [8, -554.57, 7571.1],
    ];
    for (const [a, lmin, lmax] of want) {
      const s = th.slice();
      for (let i = 0; i < 9; i++) s[i] /= a * a;
      for (let i = 9; i < 18; i++) s[i] /= a * a;
      for (let i = 18; i < 21; i++) s[i] *= a ** 4;
      expect(net.loss(s) / 9.46261e-3).toBeCloseTo(1, 4);
      const ev = extremeEigenvalues(net, s);
      expect(Math.abs(ev.lmin / lmin - 1)).toBeLessThan(1e-4);
      expect(Math.abs(ev.lmax / lmax - 1)).toBeLessThan(1e-4);
    }
  });
});
