import { describe, expect, it } from 'vitest';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow, type StabilitySpec } from '../schema';
import { buildRun } from '../../../experiment/build-run';
import { smallEtaLam } from '../../../engine/stability/compare';
import { compare, sweepSpec } from '../compare';

const spec = (id: string) => stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === id)!);

describe('GD vs GF comparison', () => {
  it('S-ref: GF (ODE) at matched times agrees with the closed form and ends sharper than GD', () => {
    const c = compare(spec('S-ref'));
    expect(c.gf.ok).toBe(true);
    expect(c.gf.odeVsClosed).toBeLessThan(1e-9);
    expect(c.gd.steps).toBe(47);
    expect(c.gd.lam).toBeLessThan(c.flow.R);
    // GD and GF start together and separate by a small amount.
    expect(c.gf.dist[0]).toBe(0);
    expect(Math.max(...c.gf.dist)).toBeGreaterThan(1e-4);
  });

  it('S-d2: the reduction of a d = 2 start gives the tabulated run', () => {
    const c = compare(spec('S-d2'));
    expect(c.gd.steps).toBe(26);
    expect(c.gd.lam).toBeCloseTo(2.716819074, 8);
    expect(c.flow.R).toBeCloseTo(2 * Math.SQRT2, 12);
  });

  it('the shared run loop reproduces S-ref through a sweep spec', () => {
    const f = buildRun(sweepSpec(2, 0.3, 1, 0.1, 0.5e-24, 1e5)).runToEnd();
    expect(f.stop.reason).toBe('converged');
    expect(f.step).toBe(47);
    expect(f.metrics.qRatio).toBeCloseTo(0.997571781, 8);
  });

  it('small-eta law: I_GF for (2, 0.3) is 0.0191451 and the curve tends to R as eta -> 0', () => {
    expect(smallEtaLam(2, 0.3, 1, 0)).toBeCloseTo(Math.sqrt(3.91 ** 2 + 4), 12);
    const lam = smallEtaLam(2, 0.3, 1, 0.01);
    expect(lam).toBeCloseTo(Math.sqrt(3.91 ** 2 * Math.exp(-0.02 * 0.0191451) + 4), 6);
  });

  it('data mode: GD with step eta on Lbar = s L + Const is the reduced run with Phi and eta_eff = s eta', () => {
    // (1, 3) -> (2, 2): s = 5, Phi = 0.8 (by hand); eta = 0.02 on Lbar is eta_eff = 0.1 on L.
    const data = { x: [1, 3], y: [2, 2] };
    const withData: StabilitySpec = { ...spec('S-ref'), model: { phi: 0.8, d: 1, data }, optim: { kind: 'gd', lr: 0.02 } };
    const reduced: StabilitySpec = { ...spec('S-ref'), model: { phi: 0.8, d: 1 }, optim: { kind: 'gd', lr: 5 * 0.02 } };
    const a = compare(withData);
    const b = compare(reduced);
    expect(a.eta).toBe(b.eta);
    expect([a.gd.outcome, a.gd.steps, a.gd.lam, a.gd.qRatio]).toEqual([b.gd.outcome, b.gd.steps, b.gd.lam, b.gd.qRatio]);
    // The shared run loop takes lr on s L: the same limit (to rounding), converged once s eps^2/2 < tol^2/2.
    const f = buildRun(withData).runToEnd();
    expect(f.stop.reason).toBe('converged');
    expect(Math.abs(f.metrics.lam - b.gd.lam)).toBeLessThan(1e-10);
    expect(Math.abs(f.metrics.eps)).toBeLessThan(1e-12 / Math.sqrt(5));
    expect(f.loss).toBeCloseTo(5 * 0.5 * f.metrics.eps ** 2, 30);
  });
});
