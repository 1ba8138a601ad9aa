/**
 * One GD for the Stability lab: the shared run loop (buildRun: the worker runner, `npm run sim`'s `final`, the pool)
 * and the lab's scalar runner (runGdScalar: the page, labSummary = the CLI's `stability` key) take the same steps in
 * the same floating-point order and stop by the same rules of lab spec Sec. 4 (|eps| > 1e8 or non-finite: diverged;
 * (1/2) eps^2 <= tol^2/2: converged; the period rule after 2000 steps), so they agree bit for bit on every preset.
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../../experiment/build-run';
import { runGdScalar } from '../../../engine/stability/stability';
import { stabilityCore } from '../core';
import { scalarStart } from '../compare';
import { labSummary } from '../sweeps';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow, type StabilitySpec } from '../schema';

const spec = (id: string) => stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === id)!);

/** The run loop's end state and stop as the scalar runner names them. */
function viaRunLoop(s: StabilitySpec) {
  const f = buildRun(s).runToEnd();
  return { outcome: f.stop.reason, steps: f.step, period: f.stop.period, a: f.params.a, b: f.params.b, eps: f.metrics.eps, lam: f.metrics.lam };
}

describe('the shared run loop and the scalar runner are one GD', () => {
  it.each(stabilityCore.presets.map((p) => [p.id, p.spec] as const))('%s: same steps, outcome and end point (bit for bit when d = 1)', (_id, s) => {
    const r = viaRunLoop(s);
    const page = labSummary(s);
    expect(r.outcome).toBe(page.outcome);
    expect(r.steps).toBe(page.steps);
    expect(r.period).toBe(page.period);
    if (s.model.d === 1) {
      // Object.is: the same doubles, not merely close ones
      expect(Object.is(r.a[0], page.a) && Object.is(r.b[0], page.b)).toBe(true);
      expect(Object.is(r.eps, page.eps)).toBe(true);
    } else {
      // d > 1: the d-dimensional run vs its exact scalar reduction (same numbers up to rounding)
      expect(Math.abs(r.lam - page.lam)).toBeLessThan(1e-12 * page.lam);
    }
  });

  it('every iterate is the same double: S-ref, S-catapult, S-div1, S-cycle (recorded every step)', () => {
    for (const id of ['S-ref', 'S-catapult', 'S-div1', 'S-cycle']) {
      const s = spec(id);
      const run = buildRun(s);
      run.runToEnd();
      const all = run.recorder.all();
      const { a0, b0, phi, eta } = scalarStart(s);
      const tr = runGdScalar(a0, b0, { phi, eta, lossBelow: s.stop.lossBelow, maxSteps: s.stop.maxSteps, record: true }).trace!;
      expect(all.count).toBe(tr.n);
      for (let i = 0; i < tr.n; i++) {
        expect(all.step[i]).toBe(tr.step[i]);
        expect(Object.is(all.theta[2 * i], tr.a[i]) && Object.is(all.theta[2 * i + 1], tr.b[i])).toBe(true);
      }
    }
  });

  it('S-div1 through the run loop: diverged at step 12 by the spec rule |eps| > 1e8 (|eps| <= 1e8 at step 11)', () => {
    const run = buildRun(spec('S-div1'));
    const f = run.runToEnd();
    expect(f.step).toBe(12);
    expect(f.stop.reason).toBe('diverged');
    expect(f.stop.message).toContain('|ε| = |aᵀb − Φ| exceeded 1e+8');
    expect(Math.abs(f.metrics.eps)).toBeGreaterThan(1e8);
    // The parameters themselves are still far below 1e8 (the old generic rule fired one step later, at 13).
    expect(Math.max(Math.abs(f.params.a[0]), Math.abs(f.params.b[0]))).toBeLessThan(1e6);
    const all = run.recorder.all();
    const names = run.problem.metricNames;
    const epsAt = (i: number) => all.metrics[i * names.length + names.indexOf('eps')];
    expect(all.step[all.count - 2]).toBe(11);
    expect(Math.abs(epsAt(all.count - 2))).toBeLessThanOrEqual(1e8);
  });

  it("S-chaos ends where the literal float64 iteration a' = a - eta*eps*b, b' = b - eta*eps*a ends: (0.72207810188815, same)", () => {
    // Written out as the spec prints it; JavaScript evaluates eta*eps*b as (eta*eps)*b. The run loop's old order,
    // a - eta*(eps*b), rounds differently from step 1 on, and the chaotic map amplifies that to a different
    // end point (1.003881508601612): both are float64 pseudo-orbits, this one is the formula as written.
    let a = 0.5;
    let b = 0.3;
    for (let k = 0; k < 20000; k++) {
      const eps = a * b - 1;
      const an = a - 1.5 * eps * b;
      b = b - 1.5 * eps * a;
      a = an;
    }
    expect(a).toBe(0.72207810188815);
    const r = viaRunLoop(spec('S-chaos'));
    expect([r.outcome, r.steps, r.a[0], r.b[0]]).toEqual(['max-steps', 20000, a, b]);
  });

  it('data mode: the run loop steps with eta_eff = s lr on L exactly as the page does', () => {
    const data = { x: [1, 3], y: [2, 2] }; // s = 5, Phi = 0.8
    const s: StabilitySpec = { ...spec('S-ref'), model: { phi: 0.8, d: 1, data }, optim: { kind: 'gd', lr: 0.02 } };
    const run = buildRun(s);
    run.runToEnd();
    const all = run.recorder.all();
    const { a0, b0, phi, eta } = scalarStart(s);
    const tr = runGdScalar(a0, b0, { phi, eta, lossBelow: 0, maxSteps: all.count, record: true }).trace!;
    for (let i = 0; i < all.count; i++) expect(Object.is(all.theta[2 * i], tr.a[i]) && Object.is(all.theta[2 * i + 1], tr.b[i])).toBe(true);
  });

  it('d > 1: the d-dimensional run diverges by the same rule (|eps| > 1e8) at the step its exact reduction does', () => {
    const base = spec('S-d2');
    for (const lr of [0.9, 1.5]) {
      const s: StabilitySpec = { ...base, init: { kind: 'explicit', a: [2, 0.5], b: [0.1, 0.4] }, optim: { kind: 'gd', lr } };
      const r = viaRunLoop(s);
      const page = labSummary(s);
      expect(page.outcome).toBe('diverged');
      expect(r.outcome).toBe('diverged');
      expect(r.steps).toBe(page.steps);
      expect(Math.abs(r.eps)).toBeGreaterThan(1e8);
    }
  });
});
