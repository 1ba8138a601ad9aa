import { describe, expect, it } from 'vitest';
import type { Objective } from '../objective';
import { ARM_CONVERGED, ARM_DIVERGED, Tracking, type TrackingOptions } from '../tracking';

/** f = 1/2 sum lam_i q_i^2, written here so the tracking is tested against closed forms independently of the families. */
function diagQuadratic(lam: number[]): Objective {
  return {
    n: lam.length,
    minLoss: 0,
    loss: (q) => lam.reduce((s, l, i) => s + 0.5 * l * q[i] * q[i], 0),
    grad(q, g) {
      let f = 0;
      lam.forEach((l, i) => {
        g[i] = l * q[i];
        f += 0.5 * l * q[i] * q[i];
      });
      return f;
    },
    hvp(_q, v, out) {
      lam.forEach((l, i) => (out[i] = l * v[i]));
    },
  };
}

const base = (over: Partial<TrackingOptions>): TrackingOptions => ({
  theta0: Float64Array.of(1),
  etas: [0.01],
  horizon: 20,
  stamps: 200,
  rtol: 1e-11,
  atol: 1e-13,
  errorOde: true,
  spectrum: null,
  gdSpectrum: false,
  convergedBelow: 1e-8,
  pathPoints: 100,
  ...over,
});

function runAll(t: Tracking): void {
  while (!t.done) expect(t.next()).toBeNull();
}

const col = (t: Tracking, name: string) => t.row[t.columns.indexOf(name)];

describe('Tracking (GD in lockstep behind the flow)', () => {
  it('FD-Q1: max_k |q_k - q(k eta)| is 0.0018471 (eta 0.01) and 0.019201 (eta 0.1), both at t = 1', () => {
    const t = new Tracking(diagQuadratic([1]), base({ etas: [0.01, 0.1] }));
    runAll(t);
    expect(col(t, 'gd0.maxD')).toBeCloseTo(0.0018471, 7);
    expect(col(t, 'gd1.maxD')).toBeCloseTo(0.019201, 6);
    // The exact maximiser of |(1 - eta)^k - e^{-k eta}| over k, independently: t = 1 for both.
    for (const [i, eta] of [0.01, 0.1].entries()) {
      let best = 0;
      let bestT = 0;
      for (let k = 0; k * eta <= 20; k++) {
        const d = Math.abs((1 - eta) ** k - Math.exp(-k * eta));
        if (d > best) [best, bestT] = [d, k * eta];
      }
      expect(col(t, `gd${i}.maxD`)).toBeCloseTo(best, 9);
      expect(col(t, `gd${i}.maxDt`)).toBeCloseTo(bestT, 9);
    }
  });

  it('FD-Q1: the error ODE gives ||E||; max gap / (eta lam / (2e)) -> 1 with error <= 5 eta', () => {
    for (const eta of [1e-3, 1e-2]) {
      const t = new Tracking(diagQuadratic([1]), base({ etas: [eta], horizon: 5, stamps: 500 }));
      let maxE = 0;
      while (!t.done) {
        t.next();
        maxE = Math.max(maxE, col(t, 'gf.E'));
      }
      const ratio = col(t, 'gd0.maxD') / ((eta * 1) / (2 * Math.E));
      expect(Math.abs(ratio - 1)).toBeLessThan(5 * eta);
      // E(t) = (t/2) e^{-t} for lam = 1, q0 = 1: its maximum is 1/(2e) at t = 1.
      expect(maxE).toBeCloseTo(1 / (2 * Math.E), 6);
    }
  });

  it('FD-Q1c (concave, lam = -1, q0 = 0.01): GD is q0 (1 + eta)^k; the gap at t = 8 is 0.118921 / 1.161269 / 9.325578', () => {
    const t = new Tracking(diagQuadratic([-1]), base({ theta0: Float64Array.of(0.01), etas: [1e-3, 1e-2, 1e-1], horizon: 8, stamps: 80 }));
    runAll(t);
    // D at the last stamp is |GD - flow| at t = 8 (as a multiple of every eta).
    expect(col(t, 'gd0.D')).toBeCloseTo(0.118921, 5);
    expect(col(t, 'gd1.D')).toBeCloseTo(1.161269, 5);
    expect(col(t, 'gd2.D')).toBeCloseTo(9.325578, 5);
    expect(col(t, 'gd2.t')).toBeCloseTo(8, 12);
  });

  it('marks arms converged or diverged (FD-Q2: lam = (1, 10), divergence above eta = 0.2) and keeps stamps uniform', () => {
    const t = new Tracking(diagQuadratic([1, 10]), base({ theta0: Float64Array.of(1, 1), etas: [0.05, 0.21], horizon: 40, stamps: 40, errorOde: false }));
    const times: number[] = [];
    while (!t.done) {
      t.next();
      times.push(t.t);
    }
    expect(times[0]).toBe(1);
    expect(times.at(-1)).toBe(40);
    expect(col(t, 'gd0.status')).toBe(ARM_CONVERGED);
    expect(col(t, 'gd1.status')).toBe(ARM_DIVERGED);
    expect(col(t, 'gf.E')).toBeNaN();
    // Landscape paths: the flow and each arm's Euler polygon, 2 coordinates per point.
    const p = t.paths();
    expect(p['gd0.path'].length % 2).toBe(0);
    expect(p['gd0.path'].length / 2).toBeLessThanOrEqual(101);
  });

  it('integrates I_m by Simpson on the stamps: for lam = -1 everywhere, I_m(t) = t', () => {
    const t = new Tracking(diagQuadratic([-1, 2]), base({ theta0: Float64Array.of(0.1, 1), horizon: 3, stamps: 6, spectrum: () => ({ lmin: -1, lmax: 2 }) }));
    runAll(t);
    expect(col(t, 'gf.Im')).toBeCloseTo(3, 12);
    expect(col(t, 'gf.lmax')).toBe(2);
  });

  it('the stiff solver and the automatic switch give the same tracking (FD-Q1 gaps, ||E||) through their Hermite dense output', () => {
    for (const solver of ['rodas4', 'auto'] as const) {
      const t = new Tracking(diagQuadratic([1]), base({ etas: [0.01, 0.1], solver }));
      runAll(t);
      expect(Math.abs(col(t, 'gd0.maxD') / 0.0018471 - 1)).toBeLessThan(1e-4);
      expect(Math.abs(col(t, 'gd1.maxD') / 0.019201 - 1)).toBeLessThan(1e-4);
    }
    // E(t) = (t/2) e^{-t} for lam = 1 (error ODE through the block Jacobian, its third-derivative block by differences)
    const t = new Tracking(diagQuadratic([1]), base({ etas: [0.01], horizon: 4, stamps: 40, solver: 'rodas4' }));
    runAll(t);
    expect(Math.abs(col(t, 'gf.E') - 2 * Math.exp(-4))).toBeLessThan(1e-7);
  });

  it('on a stiff quadratic (lam = 1, 1e4) the automatic solver switches to Rodas4 and needs far fewer steps than Dopri5', () => {
    const run = (solver: 'dopri5' | 'auto') => {
      const t = new Tracking(
        diagQuadratic([1, 1e4]),
        base({ theta0: Float64Array.of(1, 1), etas: [1e-5], horizon: 10, stamps: 10, errorOde: false, rtol: 1e-8, atol: 1e-12, solver }),
      );
      runAll(t);
      return { steps: t.solver.accepted, method: t.solver.method, q1: t.row[t.columns.indexOf('gf.x0')] };
    };
    const ex = run('dopri5');
    const auto = run('auto');
    expect(auto.method).toBe('rodas4');
    expect(auto.steps).toBeLessThan(ex.steps / 5);
    // both follow q1(t) = e^{-t}
    expect(Math.abs(ex.q1 / Math.exp(-10) - 1)).toBeLessThan(1e-6);
    expect(Math.abs(auto.q1 / Math.exp(-10) - 1)).toBeLessThan(1e-5);
  });
});
