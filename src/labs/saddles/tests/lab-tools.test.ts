// Engine side of the Saddles lab's tools: neurons zeroed at the start (init.zeroNeurons, docs/labs/saddles.md Sec. 3.4 and 7)
// and the single-neuron preset on the one data point x = 1 (SD-neuron, 5.1). Expected numbers come from the lab
// spec or are computed here from the preset's w0, never read off the engine.
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../../experiment/build-run';
import { findPreset } from '../../../experiment/presets';
import { SQ2_TINY_W0, type SaddlesSpec } from '../schema';
import { parseSpec } from '../../../experiment/validate';
import { zeroedIndices } from '../../../engine/homogeneous/zero';
import { GradientDescent } from '../../../engine/core/integrators/gd';
import { FlowPath } from '../../../engine/core/flow-path';
import { buildSaddles } from '../build';

const preset = (id: string) => structuredClone(findPreset(id)!.spec) as SaddlesSpec;
const valid = (s: SaddlesSpec) => {
  const r = parseSpec(s);
  if (!r.ok || r.spec.lab !== 'saddles') throw new Error(JSON.stringify(r));
  return r.spec;
};

describe('init.zeroNeurons: neurons set exactly to 0 at the start', () => {
  // SD-sq2-tiny: W rows (4 x 2) at 0..7, v at 8..11; neuron 1:4 is W row 4 (6, 7) and v_4 (11)
  const spec = valid({ ...preset('sd-sq2-tiny'), init: { delta: 0.01, dir: { kind: 'explicit', w0: SQ2_TINY_W0 }, zeroNeurons: ['1:4'] } });
  const norm0 = Math.hypot(...SQ2_TINY_W0);

  it('maps labels to the incoming row and outgoing column, and refuses unknown neurons', () => {
    const { problem } = buildSaddles(spec);
    expect(Array.from(zeroedIndices(problem.analysis.model, ['1:4', '1:1']))).toEqual([6, 7, 11, 0, 1, 8]);
    expect(() => zeroedIndices(problem.analysis.model, ['1:9'])).toThrow(/no hidden neuron "1:9"/);
  });

  it('w(0) has exactly 0 there and delta w0 elsewhere; the effective delta is the norm of what is left', () => {
    const { problem, theta0 } = buildSaddles(spec);
    SQ2_TINY_W0.forEach((w, k) => {
      if ([6, 7, 11].includes(k)) expect(theta0[k]).toBe(0);
      else expect(Math.abs(theta0[k] - (0.01 * w) / norm0)).toBeLessThan(1e-17);
    });
    const left = Math.hypot(...SQ2_TINY_W0.filter((_, k) => ![6, 7, 11].includes(k))) / norm0;
    expect(Math.abs(problem.analysis.pred.delta - 0.01 * left)).toBeLessThan(1e-16);
  });

  it('the NCF race is won by another neuron, which still reaches the global maximum N* = 2(6 + sqrt3)/(3 sqrt3)', () => {
    const { problem } = buildSaddles(spec);
    const a = problem.analysis;
    expect(Math.abs(a.pred.Nstar - (2 * (6 + Math.sqrt(3))) / (3 * Math.sqrt(3)))).toBeLessThan(1e-8);
    expect(a.active[3]).toBe(false);
    expect(a.active.filter(Boolean)).toHaveLength(1);
    // and the un-zeroed run's winner was neuron 4 (docs/labs/saddles.md Sec. 5.2: "the NCF race is won by neuron 4")
    const { problem: full } = buildSaddles(valid(preset('sd-sq2-tiny')));
    expect(full.analysis.active).toEqual([false, false, false, true]);
  });

  it('they stay exactly 0.0 through 1e4 GD steps and through gradient flow past the escape', () => {
    const { problem, theta0 } = buildSaddles(spec);
    const gd = new GradientDescent(problem, theta0, 0.01);
    for (let k = 0; k < 10_000; k++) gd.step();
    for (const k of [6, 7, 11]) expect(gd.theta[k]).toBe(0);
    expect(problem.loss(gd.theta)).toBeLessThan(5.25 * 0.99);
    const path = new FlowPath(problem, theta0, 1e-10, 1e-16);
    path.advance(problem.analysis.pred.tEscW0 + 5);
    for (const k of [6, 7, 11]) expect(path.theta[k]).toBe(0);
    expect(problem.loss(path.theta)).toBeLessThan(0.3);
  });
});

describe('SD-neuron preset: H = v (a x)^2 on the single point x = 1, y = 1', () => {
  it('N* = 4/(3 sqrt3) = 0.769800; escape at 0.4330127/delta - 1.836 (+-0.002); limit (1.122462, 0.793701)', () => {
    const spec = valid(preset('sd-neuron'));
    const run = buildRun(spec);
    run.runToEnd();
    const all = run.recorder.all();
    const pred = (run.problem as ReturnType<typeof buildSaddles>['problem']).analysis.pred;
    expect(Math.abs(pred.Nstar - 0.7698)).toBeLessThan(5e-7);
    // L(0) = y^2 = 1, and at delta w*: L = L(0) - delta^3 N* + delta^6 H(w*)^2 (docs/labs/saddles.md Sec. 6, oracle 2)
    expect(pred.L0).toBe(1);
    const Nstar = 4 / (3 * Math.sqrt(3));
    expect(Math.abs(all.loss[0] - (1 - 1e-6 * Nstar + 1e-12 * (Nstar / 2) ** 2))).toBeLessThan(1e-15);
    // the escape time from the preset's own problem and w(0), located by FlowPath's bisection
    const { problem, theta0 } = buildSaddles(spec);
    const path = new FlowPath(problem, theta0, 1e-10, 1e-14 * 0.01);
    path.advance(50);
    const tEsc = path.crossing((th) => problem.loss(th), 0.99);
    expect(Math.abs(tEsc - (0.4330127 / 0.01 - 1.836))).toBeLessThan(0.002);
    const last = all.count - 1;
    expect(Math.abs(all.theta[2 * last] - 1.122462)).toBeLessThan(5e-6);
    expect(Math.abs(all.theta[2 * last + 1] - 0.793701)).toBeLessThan(5e-6);
  });
});
