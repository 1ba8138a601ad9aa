// The restricted first-saddle run (docs/labs/saddles.md Sec. 3.2, oracle 9) as the page starts it: a spec of the sub-network
// active in w*, from delta w* restricted, run by the same engine as any spec. Expected plateaus are the lab
// spec's closed forms (2 - sqrt3, 0.8113192, Example 1's saddle L = 1), not the engine's own restricted run.
import { describe, expect, it } from 'vitest';
import { firstSaddlePlateau } from '../../engine/homogeneous/staircase';
import { FlowPath } from '../../engine/core/flow-path';
import { buildRun } from '../../experiment/build-run';
import { findPreset } from '../../experiment/presets';
import { SQ2_TINY_W0, type SaddlesSpec } from './schema';
import { parseSpec } from '../../experiment/validate';
import { restrictedSpec } from './restricted';
import { analyseSaddles, buildSaddles } from './build';

const preset = (id: string) => structuredClone(findPreset(id)!.spec) as SaddlesSpec;

/** restrictedSpec from the analysis of `spec`, validated. */
function restrictedOf(spec: SaddlesSpec) {
  const a = analyseSaddles(spec);
  const r = restrictedSpec(
    spec,
    a.wstar,
    Float64Array.from(a.active, (x) => (x ? 1 : 0)),
  );
  if (typeof r === 'string') throw new Error(r);
  const parsed = parseSpec(r);
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  return { a, r };
}

/** Runs a spec to its end; the level of its first plateau after the escape and the final loss. */
function runPlateau(spec: SaddlesSpec) {
  const run = buildRun(spec);
  run.runToEnd();
  const all = run.recorder.all();
  const axis = spec.optim.kind === 'flow' ? all.t : all.step;
  return { plateau: firstSaddlePlateau(axis, all.loss, all.count)?.level ?? NaN, final: all.loss[all.count - 1], all };
}

describe('the restricted first-saddle run', () => {
  it('SD-sq2-tiny: one neuron a = sqrt(2/3) u (u at 15 degrees), v = 1/sqrt3; its plateau is 2 - sqrt3', () => {
    const { r } = restrictedOf(preset('sd-sq2-tiny'));
    expect(r.model.kind === 'ff' && r.model.widths).toEqual([1]);
    const w0 = r.init.dir.kind === 'explicit' ? r.init.dir.w0 : [];
    expect(w0).toHaveLength(3);
    const deg = Math.PI / 180;
    expect(Math.abs(Math.abs(w0[0]) - Math.sqrt(2 / 3) * Math.cos(15 * deg))).toBeLessThan(1e-6);
    expect(Math.abs(Math.abs(w0[1]) - Math.sqrt(2 / 3) * Math.sin(15 * deg))).toBeLessThan(1e-6);
    expect(Math.abs(w0[2] - 1 / Math.sqrt(3))).toBeLessThan(1e-6);
    const { plateau } = runPlateau(r);
    expect(Math.abs(plateau - (2 - Math.sqrt(3)))).toBeLessThan(1e-6);
  });

  it('SD-sq3-tiny: the single path W1 row 3, W2 entry (1, 3), v entry 1; its plateau is 0.8113192', () => {
    const { a, r } = restrictedOf(preset('sd-sq3-tiny'));
    expect(r.model.kind === 'ff' && r.model.widths).toEqual([1, 1]);
    // parameter layout W1 (3x2), W2 (3x3), v (3): the path's entries are 4, 5 (W1 row 3), 8 (W2[0][2]), 15 (v[0])
    expect(r.init.dir.kind === 'explicit' && r.init.dir.w0).toEqual([4, 5, 8, 15].map((k) => a.wstar[k]));
    expect(Math.abs(runPlateau(r).plateau - 0.8113192)).toBeLessThan(1e-6);
  });

  it('Example 1: w* = (1, 0) keeps only w1, which settles on the saddle (2, 0) at L = 1', () => {
    const { r } = restrictedOf(preset('sd-ex1-0.1'));
    const w0 = r.init.dir.kind === 'explicit' ? r.init.dir.w0 : [];
    expect(w0[1]).toBe(0);
    expect(Math.abs(Math.abs(w0[0]) - 1)).toBeLessThan(1e-9);
    const { final, all } = runPlateau(r);
    expect(Math.abs(final - 1)).toBeLessThan(1e-9);
    expect(all.theta[2 * (all.count - 1) + 1]).toBe(0);
  });

  it("with neuron 1:4 zeroed (SD-sq2-tiny), it starts at delta' = ||w(0)|| and escapes at 1/(3 N* delta') - 0.43", () => {
    const spec = { ...preset('sd-sq2-tiny'), init: { delta: 0.01, dir: { kind: 'explicit' as const, w0: SQ2_TINY_W0 }, zeroNeurons: ['1:4'] } };
    const a = analyseSaddles(spec);
    const r = restrictedSpec(
      spec,
      a.wstar,
      Float64Array.from(a.active, (x) => (x ? 1 : 0)),
      a.pred.delta,
    );
    if (typeof r === 'string') throw new Error(r);
    const left = Math.hypot(...SQ2_TINY_W0.filter((_, k) => ![6, 7, 11].includes(k))) / Math.hypot(...SQ2_TINY_W0);
    expect(Math.abs(r.init.delta - 0.01 * left)).toBeLessThan(1e-15);
    expect(r.init.zeroNeurons).toBeUndefined();
    const { problem, theta0 } = buildSaddles(r);
    const path = new FlowPath(problem, theta0, 1e-10, 1e-14 * r.init.delta);
    const Nstar = (2 * (6 + Math.sqrt(3))) / (3 * Math.sqrt(3));
    const tPred = 1 / (3 * Nstar * r.init.delta) - 0.43;
    path.advance(tPred + 2);
    const tEsc = path.crossing((th) => problem.loss(th), 0.99 * 5.25);
    expect(Math.abs(tEsc - tPred)).toBeLessThan(0.01);
  });

  it('says why when there is no proper sub-network', () => {
    const spec = preset('sd-sq2-tiny');
    expect(restrictedSpec(spec, new Float64Array(12), [1, 1, 1, 1])).toMatch(/every neuron is active/);
    expect(restrictedSpec(spec, new Float64Array(12), [0, 0, 0, 0])).toMatch(/no neuron is active/);
    const sq3 = preset('sd-sq3-tiny');
    expect(restrictedSpec(sq3, new Float64Array(18), [1, 0, 0, 0, 0, 0])).toMatch(/hidden layer 2/);
  });
});
