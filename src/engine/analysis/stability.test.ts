import { describe, expect, it } from 'vitest';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow } from '../../spec/labs/stability';
import { buildRun } from '../run/build';
import { compare, smallEtaLam, sweepSpec } from './stability';

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
});
