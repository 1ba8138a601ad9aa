import { describe, expect, it } from 'vitest';
import { DLN3_CURV_IM } from '../../../engine/flow-descent/dln3-printed';
import { fdPresetRow } from '../presets';
import { rowAt, trackRows } from '../reproduce';
import type { FlowVsDescentSpec } from '../schema';

/** Runs a preset's tracking to its horizon (a failed flow throws), every stamp's row by column name. */
function track(id: string, over: Partial<FlowVsDescentSpec> = {}) {
  const preset = fdPresetRow(id)?.spec;
  if (!preset) throw new Error(id);
  const rows = trackRows({ ...preset, ...over });
  return { rows, at: (t: number) => rowAt(rows, t) };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('FD-DLN3 (lab spec Sec. 5.2): the reference flow table to 1e-4 relative', () => {
  const { rows, at } = track('FD-DLN3');
  // t, f - min f, r, nu, lmin, lmax, ||grad||, ||E|| as printed (4-6 significant digits).
  const table: [number, number, number, number, number, number, number, number][] = [
    [0, 0.505, 0.1, 0, -0.57819, 0.76386, 0.2187, 0],
    [1, 0.454982, 0.1189, 0.43807, -0.63312, 0.65158, 0.2552, 0.0798],
    [2, 0.338695, 0.25019, 0.76983, -0.55042, 0.69593, 0.4381, 0.27804],
    [3, 9.50285e-2, 0.66023, 0.9435, -0.37961, 1.3785, 0.4489, 0.3234],
    [4, 9.46261e-3, 0.95328, 0.99122, -0.13539, 2.7524, 0.143, 0.12128],
    [5, 1.2134e-3, 0.99522, 0.99879, -4.9184e-2, 2.9754, 4.936e-2, 0.08938],
    [6, 1.63811e-4, 0.99945, 0.99984, -1.8097e-2, 2.9972, 1.81e-2, 0.08816],
    [10, 5.4946e-8, 1, 1, -3.315e-4, 3, 3.315e-4, 0.0882],
    [20, 1.1325e-16, 1, 1, -1.505e-8, 3, 1.505e-8, 0.0882],
  ];
  for (const [t, f, r, nu, lmin, lmax, g, E] of table) {
    it(`t = ${t}`, () => {
      const row = at(t);
      // Each printed value to half a unit of its last printed digit, and never looser than 1e-4 relative of the finer ones.
      const close = (got: number, want: number, digits: number) => {
        if (want === 0) expect(Math.abs(got)).toBeLessThan(1e-12);
        else expect(rel(got, want)).toBeLessThan(Math.max(1e-4, 0.5 * 10 ** -(digits - 1)));
      };
      close(row['gf.f'], f, 6);
      close(row['gf.r'], r, 5);
      if (nu !== 0) close(row['gf.nu'], nu, 5);
      close(row['gf.lmin'], lmin, 5);
      close(row['gf.lmax'], lmax, 5);
      close(row['gf.grad'], g, 4);
      close(row['gf.E'], E, 4);
    });
  }

  it('max ||E|| = 0.38794 at t = 2.61; ||E(30)|| = 0.08820', () => {
    let best = rows[0];
    for (const r of rows) if (r['gf.E'] > best['gf.E']) best = r;
    // The stamps are 0.1 apart: the maximum on the grid is within a hair of the true one.
    expect(rel(best['gf.E'], 0.38794)).toBeLessThan(2e-4);
    expect(Math.abs(best.t - 2.61)).toBeLessThanOrEqual(0.1);
    expect(rel(at(30)['gf.E'], 0.0882)).toBeLessThan(1e-4);
  });

  it('max_k D_k / eta = 0.38792, 0.38776, 0.38541 and D/eta at t = 30 = 0.08820, 0.08821, 0.08835 (eta = 1e-3, 1e-2, 1e-1)', () => {
    const last = at(30);
    const want = [
      [0.38792, 0.0882],
      [0.38776, 0.08821],
      [0.38541, 0.08835],
    ];
    const etas = [1e-3, 1e-2, 1e-1];
    want.forEach(([maxDeta, endDeta], i) => {
      expect(rel(last[`gd${i}.maxD`] / etas[i], maxDeta)).toBeLessThan(2e-4);
      expect(rel(last[`gd${i}.Deta`], endDeta)).toBeLessThan(2e-4);
    });
  });

  it('Sec. 6.6: max_k D_k / (eta max ||E||) in [0.99, 1.01] for eta <= 1e-2', () => {
    const maxE = Math.max(...rows.map((r) => r['gf.E']));
    const last = at(30);
    for (const [i, eta] of [1e-3, 1e-2].entries()) {
      const ratio = last[`gd${i}.maxD`] / (eta * maxE);
      expect(ratio).toBeGreaterThan(0.99);
      expect(ratio).toBeLessThan(1.01);
    }
  });
});

describe('FD-DLN3-curv: I_m(t) and lmin along the flow', () => {
  const { rows, at } = track('FD-DLN3-curv');
  it('I_m = 0.6023, 1.2295, 1.9515, 2.0674, 2.0852, 2.0855 at t = 1, 2, 4, 6, 10, 20', () => {
    for (const [t, Im] of DLN3_CURV_IM) expect(Math.abs(at(t)['gf.Im'] - Im)).toBeLessThan(1e-4);
  });
  it('lmin / Eq. 14 bound (eps = 0) = 0.620, 0.675, 0.531 at t = 0, 1, 2, then 0.500 = 1/(n - 1) from t = 3 on', () => {
    [
      [0, 0.62],
      [1, 0.675],
      [2, 0.531],
    ].forEach(([t, ratio]) => expect(Math.abs(at(t)['gf.lmin'] / at(t)['gf.bound'] - ratio)).toBeLessThan(5e-4));
    for (const r of rows.filter((x) => x.t >= 3)) expect(Math.abs(r['gf.lmin'] / r['gf.bound'] - 0.5)).toBeLessThan(5e-4);
  });

  it('min lmin = -0.6465 near t = 1.375', () => {
    let best = rows[0];
    for (const r of rows) if (r['gf.lmin'] < best['gf.lmin']) best = r;
    expect(Math.abs(best['gf.lmin'] + 0.6465)).toBeLessThan(1e-4);
    expect(Math.abs(best.t - 1.375)).toBeLessThanOrEqual(0.04);
  });
});

describe('FD-DLN3-unbal: GD unbalances linearly in eta, the flow does not', () => {
  const { rows, at } = track('FD-DLN3-unbal');
  it('U(t = 20) = 2.161e-4, 2.161e-3, 2.168e-2, 0.1103 for eta = 1e-3, 1e-2, 1e-1, 0.5', () => {
    const last = at(20);
    [2.161e-4, 2.161e-3, 2.168e-2, 0.1103].forEach((u, i) => expect(rel(last[`gd${i}.U`], u)).toBeLessThan(5e-4));
  });
  it('the flow keeps U below 1e-9', () => {
    for (const r of rows) expect(r['gf.U']).toBeLessThan(1e-9);
  });
});

describe('FD-DLN2: the n = 2 flow', () => {
  const { rows, at } = track('FD-DLN2');
  it('f - min f = 0.37574, 0.120239, 1.04278e-2, 9.40053e-5 at t = 1, 2, 3, 5', () => {
    [
      [1, 0.37574],
      [2, 0.120239],
      [3, 1.04278e-2],
      [5, 9.40053e-5],
    ].forEach(([t, f]) => expect(rel(at(t)['gf.f'], f)).toBeLessThan(1e-4));
  });
  it('lmin(0) = -1.005; lmax -> 2; max ||E|| = 0.26194 near t = 1.61', () => {
    expect(rel(at(0)['gf.lmin'], -1.005)).toBeLessThan(1e-4);
    expect(Math.abs(at(10)['gf.lmax'] - 2)).toBeLessThan(1e-6);
    let best = rows[0];
    for (const r of rows) if (r['gf.E'] > best['gf.E']) best = r;
    expect(rel(best['gf.E'], 0.26194)).toBeLessThan(3e-4);
    expect(Math.abs(best.t - 1.61)).toBeLessThanOrEqual(0.05);
  });
});

describe('FD-DLN3 with the stiff solver (Rodas4, the error ODE through its block Jacobian)', () => {
  const { rows, at } = track('FD-DLN3', { solver: { rtol: 1e-10, atol: 1e-12, method: 'rodas4' }, etas: [1e-2] });
  it('||E(30)|| = 0.08820, max ||E|| = 0.38794, max D/eta (eta = 1e-2) = 0.38776', () => {
    expect(rel(at(30)['gf.E'], 0.0882)).toBeLessThan(1e-4);
    expect(rel(Math.max(...rows.map((r) => r['gf.E'])), 0.38794)).toBeLessThan(2e-4);
    expect(rel(at(30)['gd0.maxD'] / 1e-2, 0.38776)).toBeLessThan(2e-4);
    expect(rel(at(4)['gf.f'], 9.46261e-3)).toBeLessThan(1e-4);
  });
});
