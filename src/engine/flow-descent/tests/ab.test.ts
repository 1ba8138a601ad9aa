import { describe, expect, it } from 'vitest';
import { AbObjective, type AbParams, abZ0, type Jet, phibarJet, phiJet } from '../ab';
import { abExitIndex, abExitTime, abFlowPoint, abFlowQ2, abGdQ1, abGdQ2Anisotropic, abGdQ3, abT1, abT1Bracket, abTransitionDuration, detAtan } from '../ab-regions';

const FD_AB: AbParams = { a: 1, zc: 1e6, zb: 11, rho: 0.01 };
const SHAPE: AbParams = { a: 1, zc: 3, zb: 2, rho: 0.3 };
const OTHER: AbParams = { a: 2.5, zc: 40, zb: 4, rho: 0.05 };

/** The spec's piece formulas (Sec. 2.1) written naively, piece chosen by the caller: [f, f', f''] by hand. */
function naivePhi(z: number, p: AbParams, piece: 'quad' | 'tail' | 'zero'): number[] {
  const { a, zc } = p;
  const phi0 = (a * (zc + 1) ** 2) / 2 - (5 * a) / 12 - (a * zc) / 2;
  const u = z - zc;
  if (piece === 'quad') return [phi0 - (a * z * z) / 2, -a * z, -a];
  if (piece === 'tail')
    return [
      phi0 - (a * z * z) / 2 + a * (2 / 3 + zc) * u ** 3 - a * (1 / 4 + zc / 2) * u ** 4,
      -a * z + 3 * a * (2 / 3 + zc) * u ** 2 - 4 * a * (1 / 4 + zc / 2) * u ** 3,
      -a + 6 * a * (2 / 3 + zc) * u - 12 * a * (1 / 4 + zc / 2) * u ** 2,
    ];
  return [0, 0, 0];
}

function naivePhibar(z: number, p: AbParams, piece: 'aniso' | 'trans' | 'iso' | 'tail' | 'zero'): number[] {
  const { a, zb, rho } = p;
  const z0 = rho / 2 - 1;
  const P = (a * (zb + 1) ** 2) / 2 + a / 12 - (a * zb) / 2 - a * (rho / 2 - (7 * rho * rho) / 48);
  const K = P - a / 2 + a * (rho / 2 - (7 * rho * rho) / 48);
  const u = z - zb;
  switch (piece) {
    case 'aniso':
      return [P - (a / 4) * (z - z0) ** 2, -(a / 2) * (z - z0), -a / 2];
    case 'trans':
      return [K - (a * z * z) / 2 - (a / (12 * rho)) * (z - 1) ** 3, -a * z - (a / (4 * rho)) * (z - 1) ** 2, -a - (a / (2 * rho)) * (z - 1)];
    case 'iso':
      return [K - (a * z * z) / 2, -a * z, -a];
    case 'tail':
      return [
        K - (a * z * z) / 2 + a * (2 / 3 + zb) * u ** 3 - a * (1 / 4 + zb / 2) * u ** 4,
        -a * z + 3 * a * (2 / 3 + zb) * u ** 2 - 4 * a * (1 / 4 + zb / 2) * u ** 3,
        -a + 6 * a * (2 / 3 + zb) * u - 12 * a * (1 / 4 + zb / 2) * u ** 2,
      ];
    default:
      return [0, 0, 0];
  }
}

const jetArr = (j: Jet) => [j.f, j.d1, j.d2];

/** The adjacent double above (dir = 1) or below (dir = -1) x. */
function nextDouble(x: number, dir: 1 | -1): number {
  if (x === 0) return dir * Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] += x > 0 === dir > 0 ? 1n : -1n;
  return f[0];
}

describe("App. B's AB function", () => {
  it('the spec piece formulas join C^2 at every breakpoint (value, first and second derivative)', () => {
    for (const p of [FD_AB, SHAPE, OTHER]) {
      const z0 = abZ0(p.rho);
      const pairs: [number, number[], number[]][] = [
        [p.zc, naivePhi(p.zc, p, 'quad'), naivePhi(p.zc, p, 'tail')],
        [p.zc + 1, naivePhi(p.zc + 1, p, 'tail'), naivePhi(p.zc + 1, p, 'zero')],
        [1 - p.rho, naivePhibar(1 - p.rho, p, 'aniso'), naivePhibar(1 - p.rho, p, 'trans')],
        [1, naivePhibar(1, p, 'trans'), naivePhibar(1, p, 'iso')],
        [p.zb, naivePhibar(p.zb, p, 'iso'), naivePhibar(p.zb, p, 'tail')],
        [p.zb + 1, naivePhibar(p.zb + 1, p, 'tail'), naivePhibar(p.zb + 1, p, 'zero')],
      ];
      for (const [bp, l, r] of pairs) {
        const scale = [Math.abs(naivePhi(0, p, 'quad')[0]), p.a * (Math.abs(bp) + 1), p.a * (2 + 2 * Math.abs(bp))];
        for (let k = 0; k < 3; k++) expect(Math.abs(l[k] - r[k]) / scale[k], `bp ${bp} derivative ${k}`).toBeLessThan(1e-9);
      }
      // The mirror joins: phi is even (phi'(0) = 0), phibar is mirrored about z0 (phibar'(z0) = 0).
      expect(Math.abs(naivePhi(0, p, 'quad')[1])).toBe(0);
      expect(Math.abs(naivePhibar(z0, p, 'aniso')[1])).toBe(0);
    }
  });

  it('the compensated implementation agrees with the naive formulas (moderate constants) and with exact rationals (zc = 1e6, 1e12)', () => {
    for (const p of [SHAPE, OTHER]) {
      const z0 = abZ0(p.rho);
      for (let i = 0; i <= 400; i++) {
        const z = -p.zc - 2 + ((2 * p.zc + 4) * i) / 400 + 1e-7;
        const az = Math.abs(z);
        const piece = az < p.zc ? 'quad' : az <= p.zc + 1 ? 'tail' : 'zero';
        const ref = naivePhi(az, p, piece);
        if (z < 0) ref[1] = -ref[1];
        const got = jetArr(phiJet(z, p.a, p.zc));
        for (let k = 0; k < 3; k++) expect(Math.abs(got[k] - ref[k])).toBeLessThan(1e-12 * p.a * (p.zc + 1) ** 2);
        const zz = 2 * z0 - p.zb - 2 + ((2 * p.zb + 4 - 2 * z0) * i) / 400 + 1e-7;
        const x = zz < z0 ? 2 * z0 - zz : zz;
        const pb = x < 1 - p.rho ? 'aniso' : x < 1 ? 'trans' : x < p.zb ? 'iso' : x <= p.zb + 1 ? 'tail' : 'zero';
        const refb = naivePhibar(x, p, pb);
        if (zz < z0) refb[1] = -refb[1];
        const gotb = jetArr(phibarJet(zz, p.a, p.zb, p.rho));
        for (let k = 0; k < 3; k++) expect(Math.abs(gotb[k] - refb[k])).toBeLessThan(1e-12 * p.a * (p.zb + 2) ** 2);
      }
    }
    // phi(z) with a = 1, z = zc - 1/2 and z = zc + 1/2, exactly: 24 phi = 12(zc+1)^2 - 10 - 12 zc - 12 z^2 (+ tail), in BigInt.
    for (const zc of [1e6, 1e12]) {
      const Z = BigInt(zc);
      const quad = (z2: bigint) => 12n * (Z + 1n) ** 2n * 4n - 40n - 48n * Z - 12n * z2 * z2; // 96 phi with z2 = 2z
      const exactQuad = Number(quad(2n * Z - 1n)) / 96;
      expect(Math.abs(phiJet(zc - 0.5, 1, zc).f / exactQuad - 1)).toBeLessThan(1e-15);
      // Tail at u = 1/2: add (2/3 + zc)/8 - (1/4 + zc/2)/16 -> times 96: 8 + 12 zc - 1.5 - 3 zc, i.e. (13 + 18 zc)/2.
      const exactTail = Number(quad(2n * Z + 1n) * 2n + 13n + 18n * Z) / 2 / 96;
      expect(Math.abs(phiJet(zc + 0.5, 1, zc).f / exactTail - 1)).toBeLessThan(1e-15);
    }
  });

  it('the implementation is C^2 across its own piece boundaries (both sides within 1e-9 of the scale)', () => {
    for (const p of [FD_AB, SHAPE, OTHER]) {
      const z0 = abZ0(p.rho);
      const bps = [p.zc, p.zc + 1, -p.zc, -p.zc - 1, 0];
      const bbs = [1 - p.rho, 1, p.zb, p.zb + 1, z0].flatMap((b) => [b, 2 * z0 - b]);
      const check = (jet: (z: number) => Jet, bp: number, fScale: number) => {
        // The neighbouring doubles: the third derivative (~6 zc on the quartic tail) must not count as a jump.
        const l = jetArr(jet(nextDouble(bp, -1)));
        const r = jetArr(jet(nextDouble(bp, 1)));
        const scale = [fScale, p.a * (Math.abs(bp) + 2), p.a * (2 + 2 * Math.abs(bp))];
        for (let k = 0; k < 3; k++) expect(Math.abs(l[k] - r[k]) / scale[k], `bp ${bp} d${k}`).toBeLessThan(1e-9);
      };
      for (const bp of bps) check((z) => phiJet(z, p.a, p.zc), bp, phiJet(0, p.a, p.zc).f);
      for (const bp of bbs) check((z) => phibarJet(z, p.a, p.zb, p.rho), bp, phibarJet(z0, p.a, p.zb, p.rho).f);
    }
  });

  it('f >= 0 on a grid; curvature -a on (0, zc), -a/2 on the anisotropic part, -a on (1, zb), +12a in q3; inf lmin = -a', () => {
    for (const p of [FD_AB, SHAPE, OTHER]) {
      const obj = new AbObjective(p);
      const z0 = abZ0(p.rho);
      let minD2 = Infinity;
      for (let i = 0; i <= 2000; i++) {
        const z1 = -p.zc - 3 + ((2 * p.zc + 6) * i) / 2000;
        const z2 = 2 * z0 - p.zb - 3 + ((2 * p.zb + 6 - 2 * z0) * i) / 2000;
        const j1 = phiJet(z1, p.a, p.zc);
        const j2 = phibarJet(z2, p.a, p.zb, p.rho);
        expect(j1.f).toBeGreaterThanOrEqual(0);
        expect(j2.f).toBeGreaterThanOrEqual(0);
        minD2 = Math.min(minD2, j1.d2, j2.d2);
        expect(obj.loss(Float64Array.from([z1, z2, 0.1]))).toBeGreaterThanOrEqual(0);
      }
      expect(minD2 / -p.a).toBeCloseTo(1, 12);
      const out = new Float64Array(3);
      const v = Float64Array.from([1, 1, 1]);
      obj.hvp(Float64Array.from([0.5 * p.zc, (z0 + 1 - p.rho) / 2, 3]), v, out);
      expect(Array.from(out)).toEqual([-p.a, -p.a / 2, 12 * p.a]);
      obj.hvp(Float64Array.from([-0.3 * p.zc, (1 + p.zb) / 2, -1]), v, out);
      expect(Array.from(out)).toEqual([-p.a, -p.a, 12 * p.a]);
      // Mirror image of the anisotropic part.
      obj.hvp(Float64Array.from([1, z0 - 0.5 * (1 - p.rho - z0), 0]), v, out);
      expect(out[1]).toBe(-p.a / 2);
    }
  });

  it('gradient and HVP match finite differences away from breakpoints', () => {
    for (const p of [SHAPE, OTHER, FD_AB]) {
      const obj = new AbObjective(p, 4);
      const z0 = abZ0(p.rho);
      const pts = [
        [0.37 * p.zc, z0 + 0.3 * (1 - p.rho - z0), 0.7, 5],
        [p.zc + 0.41, 1 - 0.5 * p.rho, -0.2, 0],
        [-p.zc - 0.63, p.zb + 0.37, 1.1, 1],
        [0.2, 2 * z0 - p.zb - 0.5, 0, 2],
        [-0.9, (1 + p.zb) / 2, 0.3, 0],
      ];
      for (const q of pts) {
        const th = Float64Array.from(q);
        const g = new Float64Array(4);
        obj.grad(th, g);
        const hv = new Float64Array(4);
        obj.hvp(th, Float64Array.from([1, 1, 1, 1]), hv);
        for (let i = 0; i < 3; i++) {
          const h = 1e-6;
          const xp = th.slice();
          const xm = th.slice();
          xp[i] += h;
          xm[i] -= h;
          const fd = (obj.loss(xp) - obj.loss(xm)) / (2 * xp[i] - 2 * th[i]);
          // Central-difference error: h^2 f''' plus the rounding of f (~1e-16 |f|/h; f ~ 5e11 for zc = 1e6).
          const tol = 1e-6 * Math.max(1, Math.abs(g[i])) + (1e-14 * Math.abs(obj.loss(th))) / h;
          expect(Math.abs(fd - g[i])).toBeLessThan(tol);
          const gp = new Float64Array(4);
          const gm = new Float64Array(4);
          obj.grad(xp, gp);
          obj.grad(xm, gm);
          const fd2 = (gp[i] - gm[i]) / (xp[i] - xm[i]);
          expect(Math.abs(fd2 - hv[i]) / Math.max(p.a, Math.abs(hv[i]))).toBeLessThan(1e-6);
        }
        expect(g[3]).toBe(0);
        expect(hv[3]).toBe(0);
      }
    }
  });
});

describe('App. B region closed forms (Sec. 6.1, FD-AB)', () => {
  const q0 = [0.75, abZ0(0.01) + 0.01, 2.5];

  it('detAtan matches Math.atan', () => {
    for (const x of [-50, -1, -0.3, 0, 1e-8, 0.1, 0.125, 0.5, 0.99, 1, 1.7, 1e6]) expect(detAtan(x)).toBeCloseTo(Math.atan(x), 15);
  });

  it('t_{1-rho} = 10.581578, t1 = 10.591620 inside the Lemma 75 bracket [10.591603, 10.591629]', () => {
    expect(abExitTime(q0[1], 1, 0.01)).toBeCloseTo(10.581578, 6);
    const { lo, hi } = abT1Bracket(q0[1], 1, 0.01);
    expect(lo).toBeCloseTo(10.591603, 6);
    expect(hi).toBeCloseTo(10.591629, 6);
    const t1 = abT1(q0[1], 1, 0.01);
    expect(t1).toBeCloseTo(10.59162, 6);
    expect(t1).toBeGreaterThan(lo);
    expect(t1).toBeLessThan(hi);
  });

  it('the transition duration solves Eq. 80 (RK4 from 1 - rho to 1)', () => {
    for (const [a, rho] of [
      [1, 0.01],
      [2.5, 0.3],
    ]) {
      const rhs = (q: number) => a * q + (a / (4 * rho)) * (q - 1) ** 2;
      const T = abTransitionDuration(a, rho);
      const steps = 2000;
      const h = T / steps;
      let q = 1 - rho;
      for (let i = 0; i < steps; i++) {
        const k1 = rhs(q);
        const k2 = rhs(q + (h / 2) * k1);
        const k3 = rhs(q + (h / 2) * k2);
        const k4 = rhs(q + h * k3);
        q += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
      }
      expect(q).toBeCloseTo(1, 12);
    }
  });

  it('closed-form GF satisfies dq/dt = -grad f in every region (central differences in t)', () => {
    const obj = new AbObjective(FD_AB);
    const g = new Float64Array(3);
    for (const t of [0.5, 5, 10.585, 10.59, 10.6, 11.5, 12.5]) {
      const h = 1e-6;
      const p = abFlowPoint(q0, FD_AB, t);
      const dp = abFlowPoint(q0, FD_AB, t + h).map((x, i) => (x - abFlowPoint(q0, FD_AB, t - h)[i]) / (2 * h));
      obj.grad(p, g);
      for (let i = 0; i < 3; i++) expect(Math.abs(dp[i] + g[i]) / Math.max(1e-3, Math.abs(g[i]))).toBeLessThan(1e-6);
    }
    expect(abFlowQ2(q0[1], FD_AB, 40)).toBeNaN();
  });

  it('GD on the objective follows the GD closed forms and leaves the anisotropic part at the exit index', () => {
    for (const eta of [1e-3, 1e-2, 5e-2]) {
      const obj = new AbObjective(FD_AB);
      const th = Float64Array.from(q0);
      const g = new Float64Array(3);
      const kExit = abExitIndex(q0[1], 1, 0.01, eta);
      for (let k = 0; k < kExit; k++) {
        expect(th[1]).toBeLessThan(1 - 0.01);
        if (k % 97 === 0) {
          // k roundings of the recursion (k up to 1e4) against one power; in q2 each rounding of q2 (~1e-16) is an
          // error of 1e-14 in q2 - z0 (= 0.01 at the start) that grows like the signal: ~k 1e-14 relative.
          expect(th[0] / abGdQ1(q0[0], 1, eta, k)).toBeCloseTo(1, 11);
          expect((th[1] - abZ0(0.01)) / (abGdQ2Anisotropic(q0[1], 1, 0.01, eta, k) - abZ0(0.01))).toBeCloseTo(1, 9);
          expect(Math.abs(th[2] - abGdQ3(q0[2], 1, eta, k))).toBeLessThan(1e-12);
        }
        obj.grad(th, g);
        for (let i = 0; i < 3; i++) th[i] -= eta * g[i];
      }
      expect(th[1]).toBeGreaterThanOrEqual(1 - 0.01);
    }
    expect(Math.abs(abGdQ3(1, 1, 1 / 6 + 1e-3, 2000))).toBeGreaterThan(1);
    expect(Math.abs(abGdQ3(1, 1, 1 / 6 - 1e-3, 2000))).toBeLessThan(1);
  });

  it('FD-AB isotropic region: GD ray angle exceeds GF by 2.647 eta (relative; 2.662 eta at 1e-2, 2.724 eta at 5e-2)', () => {
    const want: [number, number][] = [
      [1e-4, 2.647],
      [1e-3, 2.647],
      [1e-2, 2.662],
      [5e-2, 2.724],
    ];
    for (const [eta, c] of want) {
      const obj = new AbObjective(FD_AB);
      const th = Float64Array.from(q0);
      const g = new Float64Array(3);
      const k = Math.round(12 / eta);
      for (let i = 0; i < k; i++) {
        obj.grad(th, g);
        for (let j = 0; j < 3; j++) th[j] -= eta * g[j];
      }
      const gf = abFlowPoint(q0, FD_AB, k * eta);
      const rel = Math.atan2(th[1], th[0]) / Math.atan2(gf[1], gf[0]) - 1;
      expect(rel / eta, `eta ${eta}`).toBeCloseTo(c, 2);
    }
  });

  it('FD-AB: min_k ||theta_k - theta(t~)|| = 0.187 eta e^{t~} (+-3%) for t~ in {11.5, 12.5}, eta <= 1e-3', () => {
    for (const eta of [1e-4, 1e-3]) {
      for (const tt of [11.5, 12.5]) {
        const obj = new AbObjective(FD_AB);
        const target = abFlowPoint(q0, FD_AB, tt);
        const th = Float64Array.from(q0);
        const g = new Float64Array(3);
        let best = Infinity;
        for (let k = 0; k * eta < tt + 2; k++) {
          best = Math.min(best, Math.hypot(th[0] - target[0], th[1] - target[1], th[2] - target[2]));
          obj.grad(th, g);
          for (let j = 0; j < 3; j++) th[j] -= eta * g[j];
        }
        expect(Math.abs(best / (eta * Math.exp(tt)) / 0.187 - 1), `eta ${eta} t ${tt}`).toBeLessThan(0.03);
      }
    }
  });
});
