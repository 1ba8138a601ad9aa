import { describe, expect, it } from 'vitest';
import { decodeSpec, encodeSpec } from '../../experiment/link';
import { findPreset } from '../../experiment/presets';
import { parseSpec } from '../../experiment/validate';
import { dataFit, etaEffOf, STABILITY_PRESET_ROWS, stabilitySpecFromRow, sweepPresetRow, type StabilitySpec } from './schema';

const base = stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === 'S-ref')!);
const issues = (input: unknown) => {
  const r = parseSpec(input);
  return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.message}`);
};
const withCompare = (compare: unknown) => ({ ...base, ui: { ...base.ui, compare } });

describe('stability spec', () => {
  it('every preset (single runs and sweeps) validates, is found by id and survives a link round trip', () => {
    for (const row of STABILITY_PRESET_ROWS) {
      const spec = stabilitySpecFromRow(row);
      expect(issues(spec), row.id).toEqual([]);
      expect(findPreset(row.id)?.spec, row.id).toEqual(spec);
      const back = decodeSpec(encodeSpec(spec));
      expect(back.ok && back.spec).toEqual(spec);
    }
  });

  it('the five sweep presets of Sec. 5 are marked as sweeps; single runs are not', () => {
    const sweeps = STABILITY_PRESET_ROWS.filter((r) => r.sweep).map((r) => r.id);
    expect(sweeps).toEqual(['S-tradeoff-init', 'S-tradeoff-eta', 'S-sweep', 'S-fig3', 'S-bif']);
    expect(sweepPresetRow('S-fig3')?.sweep).toEqual({ tab: 'fig3', nSigma: 100, nEta: 120 });
    expect(sweepPresetRow('S-bif')?.sweep).toEqual({ tab: 'bif', nEta: 2000, burnIn: 100000 });
    expect(sweepPresetRow('S-ref')).toBeUndefined();
    expect(sweepPresetRow(undefined)).toBeUndefined();
  });

  it('ui.compare: a second d = 1 start in [-1e3, 1e3]^2, optional, strict', () => {
    expect(issues(withCompare({ a: 0.1, b: -0.05 }))).toEqual([]);
    const ok = parseSpec(withCompare({ a: 0.1, b: -0.05 }));
    expect(ok.ok && (ok.spec as StabilitySpec).ui.compare).toEqual({ a: 0.1, b: -0.05 });
    expect(issues(withCompare({ a: 1e3, b: -1e3 }))).toEqual([]);
    expect(issues(withCompare({ a: 1001, b: 0 }))).toEqual(['ui.compare.a: second start a must be at most 1000']);
    expect(issues(withCompare({ a: 0, b: -2e3 }))).toEqual(['ui.compare.b: second start b must be at least -1000']);
    expect(issues(withCompare({ a: 0.1 }))[0]).toMatch(/^ui\.compare\.b: second start b is required/);
    expect(issues(withCompare({ a: 0.1, b: 0.2, c: 1 }))[0]).toMatch(/^ui\.compare/);
    expect(issues(withCompare({ a: Number.NaN, b: 0 }))[0]).toMatch(/^ui\.compare\.a: second start a must be a finite number/);
    // S-tradeoff-init compares its two starts.
    expect(stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === 'S-tradeoff-init')!).ui.compare).toEqual({ a: 0.1, b: 0.05 });
  });

  it('data mode: Lbar = (1/(2n)) sum (ab x_i - y_i)^2 equals s L + Const at any (a, b) (Lemma 3)', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed / 2147483647) * 4 - 2;
    };
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + (trial % 9);
      const x = Array.from({ length: n }, rand);
      const y = Array.from({ length: n }, rand);
      const { s, phi, konst } = dataFit({ x, y });
      const m = rand() * 3;
      let direct = 0;
      for (let i = 0; i < n; i++) direct += (m * x[i] - y[i]) ** 2;
      direct /= 2 * n;
      expect(Math.abs(s * 0.5 * (m - phi) ** 2 + konst - direct)).toBeLessThan(1e-12 * Math.max(1, direct));
    }
  });

  it('data mode: Phi must be |sum xy / sum x^2|, lengths must agree, the slope must not vanish; eta_eff = s eta', () => {
    const data = { x: [1, 3], y: [2, 2] };
    const ok = { ...base, model: { ...base.model, phi: 0.8, data }, optim: { kind: 'gd', lr: 0.02 } };
    expect(issues(ok)).toEqual([]);
    expect(etaEffOf(ok as StabilitySpec)).toBeCloseTo(0.1, 15);
    expect(issues({ ...ok, model: { ...ok.model, phi: 1 } })).toEqual(['model.phi: must be |sum x y / sum x^2| = 0.8 of the data']);
    expect(issues({ ...ok, model: { ...ok.model, data: { x: [1, 3], y: [2] } } })).toEqual(['model.data.y: has 1 entries but x has 2']);
    expect(issues({ ...ok, model: { ...ok.model, data: { x: [1, 1], y: [1, -1] } } })[0]).toMatch(/^model\.data\.y: gives Phi = sum x y \/ sum x\^2 = 0/);
    // a negative slope runs with |Phi| (the plane shows -a)
    expect(issues({ ...ok, model: { ...ok.model, data: { x: [1, 3], y: [-2, -2] } } })).toEqual([]);
    const back = decodeSpec(encodeSpec(ok as StabilitySpec));
    expect(back.ok && (back.spec as StabilitySpec).model.data).toEqual(data);
  });
});
