import { describe, expect, it } from 'vitest';
import { Dopri5 } from '../../core/integrators/ode/dopri5';
import { DeepLinearNet } from '../dln';
import { rankOnePlane, rankOneWeights, rNuClosedFormN2 } from '../dln-reference';
import { flowReference, referenceAt, referenceStep } from '../flow-reference';
import { gdToEnd } from '../gd-to-end';
import { balancedInit } from '../init';
import { DiagonalQuadratic, quadraticFlowPoint } from '../quadratic';
import { flowSystem } from '../tracking';

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** Times spread over [0, T] that fall inside steps, on step starts and on the horizon. */
const probes = (T: number) => [0, ...Array.from({ length: 97 }, (_, i) => ((i + 0.37) * T) / 97), T];

describe('FlowReference (dense output of every accepted step, docs/labs/flow-vs-descent.md Sec. 4)', () => {
  it('FD-DLN2: theta(t) matches the n = 2 closed form of Sec. 3.1 mapped to full weights (1e-8)', () => {
    const widths = [3, 3, 1];
    const net = new DeepLinearNet(widths, [1, 0, 0]);
    const theta0 = balancedInit(widths, [0, 0.1, 0]);
    const ref = flowReference(net, theta0, 10, { rtol: 1e-10, atol: 1e-12 });
    expect(ref.failure).toBeNull();
    expect(ref.horizon).toBe(10);
    const plane = rankOnePlane([1, 0, 0], [0, 0.1, 0]);
    const out = new Float64Array(net.n);
    let hint = 0;
    for (const t of probes(10)) {
      hint = referenceAt(ref, t, out, hint);
      const { r, nu } = rNuClosedFormN2(0.1, 0, t);
      expect(maxAbsDiff(out, rankOneWeights(widths, plane, r, nu))).toBeLessThan(1e-8);
    }
  });

  it('Q2 (lam = 1, 10): theta(t) = q0 e^{-lam t} between and at the steps', () => {
    const lam = [1, 10];
    const ref = flowReference(new DiagonalQuadratic(lam), Float64Array.of(1, 1), 5, { rtol: 1e-10, atol: 1e-12 });
    const out = new Float64Array(2);
    const exact = new Float64Array(2);
    for (const t of probes(5)) {
      referenceAt(ref, t, out);
      quadraticFlowPoint([1, 1], lam, t, exact);
      expect(maxAbsDiff(out, exact)).toBeLessThan(1e-9);
    }
  });

  it('reproduces Dopri5.dense bit for bit inside each step, and survives structuredClone', () => {
    const net = new DeepLinearNet([3, 3, 3, 1], [1, 0, 0]);
    const theta0 = balancedInit([3, 3, 3, 1], [0, 0.1, 0]);
    const ref = structuredClone(flowReference(net, theta0, 6, { rtol: 1e-8, atol: 1e-10 }));
    const solver = new Dopri5(flowSystem(net, false), 0, theta0, { rtol: 1e-8, atol: 1e-10 });
    const a = new Float64Array(net.n);
    const b = new Float64Array(net.n);
    let s = 0;
    while (solver.t < 6) {
      expect(solver.step(6).ok).toBe(true);
      const t0 = solver.lastStepStart;
      expect(ref.tStart[s]).toBe(t0);
      for (const frac of [0.25, 0.5, 0.9]) {
        const t = t0 + frac * (solver.t - t0);
        solver.dense(t, a);
        expect(referenceAt(ref, t, b)).toBe(s);
        expect(Array.from(b)).toEqual(Array.from(a));
      }
      s++;
    }
    expect(ref.steps).toBe(s);
    // The horizon is the end of the last step, where the state is the solver's.
    referenceAt(ref, 6, b);
    expect(maxAbsDiff(b, solver.y)).toBeLessThan(1e-15);
  });

  it('finds the step of t by binary search whatever the hint', () => {
    const ref = flowReference(new DiagonalQuadratic([1]), Float64Array.of(1), 20, { rtol: 1e-10, atol: 1e-12 });
    for (const t of probes(20)) {
      const s = referenceStep(ref, t);
      expect(ref.tStart[s]).toBeLessThanOrEqual(t);
      if (s + 1 < ref.steps) expect(ref.tStart[s + 1]).toBeGreaterThan(t);
      for (const hint of [0, s - 1, s, s + 1, ref.steps - 1]) expect(referenceStep(ref, t, hint)).toBe(s);
    }
    expect(() => referenceAt(ref, 20.5, new Float64Array(1))).toThrow(RangeError);
  });

  it('FD-DLN3: max_k D_k / eta against the reference is 0.38776 at t = 2.61 for eta = 1e-2 over T = 30 (Sec. 5.2)', () => {
    const widths = [3, 3, 3, 1];
    const net = new DeepLinearNet(widths, [1, 0, 0]);
    const theta0 = balancedInit(widths, [0, 0.1, 0]);
    const ref = flowReference(net, theta0, 30, { rtol: 1e-10, atol: 1e-12 });
    const r = gdToEnd(net, theta0, 1e-2, { maxSteps: 50_000, convergedBelow: 1e-14, reference: ref });
    expect(r.maxD / 1e-2).toBeCloseTo(0.38776, 5);
    expect(r.maxDt).toBeCloseTo(2.61, 2);
    // GD converged at t ~ 17.7 but kept stepping so D covers the whole horizon.
    expect(r.steps * 1e-2).toBeLessThan(30);
    expect(r.dUpTo).toBeCloseTo(30, 9);
  });
});
