import { describe, expect, it } from 'vitest';
import { cor4EtaMax } from '../../../engine/flow-descent/bounds';
import { DeepLinearNet } from '../../../engine/flow-descent/dln';
import { planeLoss, planeRhs, rNuClosedFormN2, rNuLoss } from '../../../engine/flow-descent/dln-reference';
import { DLN3_CURV_IM } from '../../../engine/flow-descent/dln3-printed';
import { rk4Stages, rk4Step2 } from '../../../engine/flow-descent/tests/rk4';
import { fdPresetRow } from '../presets';
import type { FdObjective } from '../schema';
import { AB_SHAPE, abPieces, phibarCurves, phiCurves } from '../theory/ab-shape';
import { eq24MaxTerms, paperBounds } from '../theory/equations';
import { flowTrace } from '../theory/flow-trace';
import { thm3Heuristic, valueAt } from '../theory/heuristic';
import { type FdTheoryFlowResult, fdTheoryJob } from '../theory/job';
import { layerFactors } from '../theory/rescale';
import { type DlnObjective, dlnTheorySetup, isDln3Base } from '../theory/setup';

/** docs/labs/flow-vs-descent.md Sec. 5.2, 6.4: the theory page's numbers against the lab spec's printed values. */

const dlnOf = (id: string): DlnObjective => {
  const o = fdPresetRow(id)?.spec.objective as FdObjective;
  if (o.family !== 'dln') throw new Error(id);
  return o;
};
const DLN3 = dlnOf('FD-bounds');
/** |got - want| within half a unit of the printed value's last digit (sig significant digits). */
const printed = (got: number, want: number, sig: number) => {
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(want))) - sig + 1);
  expect(Math.abs(got - want)).toBeLessThanOrEqual(0.5 * unit * (1 + 1e-9));
};

describe('Eqs. 21-24 for the spec (Sec. 6.4)', () => {
  it('DLN-3 base: n = 3, r0 = 0.1, nu0 = 0, all of Prop. 14 holds', () => {
    const s = dlnTheorySetup(DLN3);
    expect(s.n).toBe(3);
    expect(s.r0).toBeCloseTo(0.1, 15);
    expect(Math.abs(s.nu0)).toBeLessThan(1e-15);
    expect(s.applies).toBe(true);
    expect(isDln3Base(DLN3)).toBe(true);
    expect(isDln3Base(dlnOf('FD-DLN2'))).toBe(false);
  });

  it('6.4 row n = 3, r0 = 0.1, nu = 0, eps~ = 0.01: t_bar 2170, log term 16.8, eta 1.4e-25, k 1.5e28', () => {
    const s = dlnTheorySetup(DLN3);
    const b = paperBounds(s.n, s.r0, s.nu0, 0.01);
    printed(b.tBar, 2170, 4);
    printed(b.logTerm, 16.8, 3);
    printed(b.eta, 1.4e-25, 2);
    printed(b.k, 1.5e28, 2);
    expect([b.beta, b.gamma]).toEqual([48, 6 * Math.sqrt(3)]);
  });

  it('the other 6.4 rows and t_bar(eps_bar = 1e-3) = 2495.6 for DLN-3', () => {
    const rows: [number, number, number, number, number, number, number][] = [
      [3, 0.2, 1, 300.6, 15.4, 5.3e-24, 5.7e25],
      [2, 0.1, 0, 927.8, 11.0, 5.4e-21, 1.7e23],
      [5, 0.1, 0, 8524, 27.8, 1.4e-33, 6.0e36],
    ];
    for (const [n, r0, nu, tBar, log, eta, k] of rows) {
      const b = paperBounds(n, r0, nu, 0.01);
      printed(b.tBar, tBar, 4);
      printed(b.logTerm, log, 3);
      printed(b.eta, eta, 2);
      printed(b.k, k, 2);
    }
    printed(paperBounds(3, 0.1, 0, 2e-3).tBar, 2495.6, 5);
  });

  it('erratum 8.3: the printed max{1, 3/2, q} and the corrected max{1, (3/2) q} part once nu > 0', () => {
    expect(eq24MaxTerms(0)).toEqual({ printed: 1.5, corrected: 1.5 });
    expect(eq24MaxTerms(1)).toEqual({ printed: 1.5, corrected: 1 });
    expect(eq24MaxTerms(-0.5)).toEqual({ printed: 3, corrected: 4.5 });
  });
});

/** The (q, p) plane flow of Sec. 3.1 by classical RK4 at a fixed step: a reference independent of Dopri5 and of the weights. */
function planeTimeTo(n: number, r0: number, nu0: number, eps: number, h = 1e-3): number {
  let q = r0 * nu0;
  let p = r0 * Math.sqrt(1 - nu0 * nu0);
  const k = rk4Stages();
  for (let t = 0; t < 100; t += h) {
    const f0 = planeLoss(q, p);
    [q, p] = rk4Step2(planeRhs, n, q, p, h, k);
    const f1 = planeLoss(q, p);
    // Inside one 1e-3 step f is linear to ~1e-9 in t; interpolate in log f (f decays exponentially).
    if (f1 <= eps) return t + (h * Math.log(f0 / eps)) / Math.log(f0 / f1);
  }
  return Number.NaN;
}

describe('the measured side: GF reaches f - min f = 1e-3 near t = 5.1 (Sec. 6.4)', () => {
  it('DLN-3: the weight-space flow crosses 1e-3 in [5.0, 5.2], as the (q, p) plane ODE does (to 1e-6)', () => {
    const s = dlnTheorySetup(DLN3);
    const net = new DeepLinearNet(DLN3.widths, DLN3.lam);
    const tr = flowTrace(net, s.theta0, { horizon: 2, samples: 4, targets: [1e-3, 5e-3], tCap: 100 });
    const t1 = tr.reach[0] as number;
    expect(t1).toBeGreaterThanOrEqual(5.0);
    expect(t1).toBeLessThanOrEqual(5.2);
    expect(Math.abs(t1 - planeTimeTo(3, 0.1, 0, 1e-3))).toBeLessThan(1e-6);
    expect(Math.abs((tr.reach[1] as number) - planeTimeTo(3, 0.1, 0, 5e-3))).toBeLessThan(1e-6);
  });

  it('FD-DLN2: the crossing time matches the n = 2 closed form of Sec. 3.1 (bisection to 1e-9)', () => {
    const o = dlnOf('FD-DLN2');
    const s = dlnTheorySetup(o);
    const tr = flowTrace(new DeepLinearNet(o.widths, o.lam), s.theta0, { horizon: 1, samples: 2, targets: [1e-3], tCap: 100 });
    let lo = 0;
    let hi = 20;
    while (hi - lo > 1e-12) {
      const mid = (lo + hi) / 2;
      const { r, nu } = rNuClosedFormN2(0.1, 0, mid);
      if (rNuLoss(r, nu) <= 1e-3) hi = mid;
      else lo = mid;
    }
    expect(Math.abs((tr.reach[0] as number) - hi)).toBeLessThan(1e-7);
  });
});

describe('the flow trace and the Thm 3 heuristic (Sec. 3.3, FD-DLN3-curv)', () => {
  const s = dlnTheorySetup(DLN3);
  const net = new DeepLinearNet(DLN3.widths, DLN3.lam);
  const tr = flowTrace(net, s.theta0, { horizon: 20, samples: 2000, targets: [], tCap: 20 });
  const h = thm3Heuristic(tr, 1 / 6, 0);

  it('samples the table of Sec. 5.2 (t = 4: f 9.46261e-3, lmin -0.13539, lmax 2.7524)', () => {
    expect(tr.error).toBeUndefined();
    const i = 400;
    expect(tr.t[i]).toBe(4);
    printed(tr.f[i], 9.46261e-3, 6);
    printed(tr.lmin[i], -0.13539, 5);
    printed(tr.lmax[i], 2.7524, 5);
  });

  it('I_m(t) = 0.6023, 1.2295, 1.9515, 2.0674, 2.0852, 2.0855 at t = 1, 2, 4, 6, 10, 20; min lmin -0.6465 near t = 1.375', () => {
    // Printed to 4 decimals.
    for (const [t, v] of DLN3_CURV_IM) expect(Math.abs(valueAt(tr.t, h.im, t) - v)).toBeLessThanOrEqual(0.5e-4);
    let k = 0;
    for (let i = 0; i < tr.lmin.length; i++) if (tr.lmin[i] < tr.lmin[k]) k = i;
    printed(tr.lmin[k], -0.6465, 4);
    expect(Math.abs(tr.t[k] - 1.375)).toBeLessThanOrEqual(0.01);
  });

  it('the heuristic never rises with t~ and sits far above Eq. 23 yet below the observed 0.66', () => {
    for (let i = 2; i < h.eta.length; i++) expect(h.eta[i]).toBeLessThanOrEqual(h.eta[i - 1]);
    const at20 = h.eta[h.eta.length - 1];
    expect(at20).toBeGreaterThan(1e10 * paperBounds(3, 0.1, 0, 0.01).eta);
    expect(at20).toBeLessThan(0.66);
  });

  it('with constant m it is Cor. 4 (beta gamma = 1/c): eps|m|, eps/t~, eps m/(e^{m t~} - 1) (running upper limit, erratum 8.2)', () => {
    const t = Float64Array.from({ length: 4001 }, (_, i) => i / 1000);
    for (const m of [-0.7, 0, 0.7]) {
      const flat = { t, grad: new Float64Array(t.length).fill(0.5), lmin: new Float64Array(t.length).fill(-m), lmax: new Float64Array(t.length).fill(2) };
      const got = thm3Heuristic(flat, 0.1, 0).eta;
      for (const tt of [1, 2.5, 4]) {
        // beta = 2, gamma = 0.5; Cor. 4's c = 1/(sqrt(2 beta^3 f0) + beta^2 eps) = 1 when f0 = (1 - 0.4)^2/16, eps = 0.1.
        const want = cor4EtaMax({ beta: 2, f0: 0.36 / 16, eps: 0.1, d0: 0, m, tTilde: tt });
        // m < 0: the infimum over t <= t~ is reached at t~ as well ((1 - e^{-|m| t})/|m| increases).
        expect(Math.abs(got[tt * 1000] / (want * (m < 0 ? 1 / (1 - Math.exp(m * tt)) : 1)) - 1)).toBeLessThan(1e-6);
      }
    }
  });
});

describe('FD-DLN3-rescale (Sec. 5.2): the GF point at t = 4 under (W_1/a^2, W_2/a^2, W_3 a^4)', () => {
  const spec = fdPresetRow('FD-DLN3-rescale')?.spec;
  const res = fdTheoryJob({
    kind: 'flow',
    objective: DLN3,
    horizon: 1,
    samples: 2,
    targets: [],
    gdEta: 0.5,
    gdTarget: 1e-3,
    rescaleTime: spec?.rescale?.time ?? Number.NaN,
    factors: spec?.rescale?.factors ?? [],
  }) as FdTheoryFlowResult;

  it('f unchanged (9.46261e-3); lmin -0.13539, -2.1663, -34.660, -554.57; lmax 2.7524, 29.578, 473.20, 7571.1', () => {
    if (!('rows' in res.rescale)) throw new Error(res.rescale.error);
    const want: [number, number, number][] = [
      [1, -0.13539, 2.7524],
      [2, -2.1663, 29.578],
      [4, -34.66, 473.2],
      [8, -554.57, 7571.1],
    ];
    res.rescale.rows.forEach((row, i) => {
      const [a, lmin, lmax] = want[i];
      expect(row.a).toBe(a);
      printed(row.f, 9.46261e-3, 6);
      printed(row.lmin, lmin, 5);
      printed(row.lmax, lmax, 5);
      // Lemma 7 holds at every rescaled point; at the balanced one (a = 1) it is Eq. 14 and lmin is 1/(n-1) of it.
      expect(row.lemma7).toBeLessThanOrEqual(row.lmin);
    });
    printed(res.rescale.rows[0].lmin / res.rescale.rows[0].lemma7, 0.5, 3);
  });

  it('the slider job reproduces a row; the factors multiply to 1 for every depth', () => {
    if (!('rows' in res.rescale)) throw new Error(res.rescale.error);
    const one = fdTheoryJob({ kind: 'rescale', objective: DLN3, theta: res.rescale.theta, a: 4 });
    expect(one.kind === 'rescale' && one.row?.lmin).toBeCloseTo(res.rescale.rows[2].lmin, 9);
    expect(layerFactors(3, 2)).toEqual([0.25, 0.25, 16]);
    for (let n = 2; n <= 8; n++) expect(layerFactors(n, 3).reduce((p, x) => p * x, 1)).toBeCloseTo(1, 12);
  });

  it('GD at eta = 0.5 reaches f - min f = 1e-3 in a few dozen steps (Eq. 24 asks for 1e28)', () => {
    expect('steps' in res.gd && res.gd.steps).toBeGreaterThan(5);
    expect('steps' in res.gd && res.gd.steps).toBeLessThan(100);
  });
});

describe('FD-AB-shape (Sec. 2.1, 5.1): the pieces of phi and phibar', () => {
  const p = AB_SHAPE;
  const phi = phiCurves(p);
  const phibar = phibarCurves(p);
  const at = (c: { z: Float64Array; curv: Float64Array }, lo: number, hi: number) => Array.from(c.z).flatMap((z, i) => (z > lo + 1e-9 && z < hi - 1e-9 ? [c.curv[i]] : []));

  it('curvature -a on (0, z_c), -a/2 on the anisotropic part, -a on (1, zb) and its mirror, +12a in q3', () => {
    const pieces = abPieces(p);
    expect(pieces.map((x) => x.curvature)).toEqual([-1, -0.5, -1, -1, 12]);
    for (const piece of pieces.filter((x) => x.coord !== 'q3')) {
      const vals = at(piece.coord === 'q1' ? phi : phibar, piece.from, piece.to);
      expect(vals.length).toBeGreaterThan(10);
      for (const v of vals) expect(v).toBeCloseTo(piece.curvature, 12);
    }
    // Fig. 2's description: anisotropic (-3 + 2 rho, 1 - rho), mirrored isotropic (-zb - 2 + rho, -3 + rho).
    expect(pieces[1].from).toBeCloseTo(-3 + 2 * p.rho, 14);
    expect(pieces[3].from).toBeCloseTo(-p.zb - 2 + p.rho, 14);
    expect(pieces[3].to).toBeCloseTo(-3 + p.rho, 14);
  });

  it('non-negative, zero beyond the cuts, C^2 (curvature continuous, steps below 0.05 on a 0.01 grid)', () => {
    for (const c of [phi, phibar]) {
      for (const v of c.value) expect(v).toBeGreaterThanOrEqual(-1e-12);
      expect(c.value[0]).toBe(0);
      expect(c.value[c.value.length - 1]).toBe(0);
      for (let i = 1; i < c.curv.length; i++) expect(Math.abs(c.curv[i] - c.curv[i - 1])).toBeLessThan(0.25);
    }
  });
});
