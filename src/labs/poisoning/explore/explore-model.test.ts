import { describe, expect, it } from 'vitest';
import { findPreset } from '../../../experiment/presets';
import { parseSpec } from '../../../experiment/validate';
import {
  abIssues,
  addRandomRows,
  addSpecialRow,
  explicitInit,
  gamma0AtInit,
  gapOfTie,
  lossSlice,
  parsePositions,
  placeA12,
  poisonDose,
  setPoisonAmplitude,
  setPoisonCount,
  removeRow,
  setD,
  setEnabled,
  setKappa,
  setValue,
  teacherLabels,
  teacherPresetId,
  tieOfGap,
} from './explore-model';
import { buildSsm, initialEntries, initialTheta } from '../build';
import { type PoisoningSpec } from '../schema';

const preset = (id: string) => structuredClone(findPreset(id)!.spec as PoisoningSpec);
const valid = (s: PoisoningSpec) => {
  const r = parseSpec(s);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.spec as PoisoningSpec;
};

describe('gap <-> tie exponent', () => {
  it('matches the reference diff values', () => {
    expect(gapOfTie(5, 1e-3)).toBeCloseTo(1.529512e-8, 12);
    expect(gapOfTie(2, 1e-2) / 9.1578e-4).toBeCloseTo(1, 4);
  });
  it('round-trips over the slider range', () => {
    for (const scale of [1e-3, 1e-2, 5e-3])
      for (const gap of [1e-20, 1e-12, 1e-6, 1e-2]) {
        const c = tieOfGap(gap, scale)!;
        expect(c).toBeGreaterThanOrEqual(0);
        expect(gapOfTie(c, scale) / gap).toBeCloseTo(1, 10);
      }
  });
  it('refuses scales >= 1 and gaps above 0.05', () => {
    expect(tieOfGap(1e-3, 1)).toBeNull();
    expect(tieOfGap(0.1, 1e-2)).toBeNull();
  });
});

describe('training-set edits keep the spec valid', () => {
  it('add, edit, disable, remove rows', () => {
    let s = preset('F2-s105');
    const n0 = s.data.sequences.length;
    s = valid(addRandomRows(s, 3, [1, 2]));
    expect(s.data.sequences.length).toBe(n0 + 3);
    const added = s.data.sequences.at(-1)!;
    expect(added.special).toBe(false);
    expect(added.x.slice(2).every((v) => v === 0)).toBe(true);
    expect(added.x[0]).not.toBe(0);
    s = valid(addSpecialRow(s, 'unit', { q: 2 }));
    expect(s.data.sequences.at(-1)).toEqual({ x: [0, 0, 0, 0, 2, 0], special: true, enabled: true });
    s = valid(addSpecialRow(s, 'random', { penultimate: false, last: true }));
    const r = s.data.sequences.at(-1)!.x;
    expect(r.slice(0, 5).every((v) => v === 0) && r[5] !== 0).toBe(true);
    s = valid(setValue(s, 0, 3, 1.25));
    expect(s.data.sequences[0].x[3]).toBe(1.25);
    s = valid(setEnabled(s, 0, false));
    expect(s.data.sequences[0].enabled).toBe(false);
    s = valid(removeRow(s, 0));
    expect(s.data.sequences.length).toBe(n0 + 4);
  });
  it('added rows are reproducible', () => {
    const s = preset('F2-s105');
    expect(addRandomRows(s, 2, [1, 2])).toEqual(addRandomRows(s, 2, [1, 2]));
  });
  it('removing the last clean row is refused by the A/B check', () => {
    let s = preset('thm1-d10k7-s242');
    s = removeRow(s, 0);
    expect(abIssues(s).map((i) => i.message)).toEqual([expect.stringMatching(/clean arm/)]);
    expect(abIssues(preset('thm1-d10k7-s242'))).toEqual([]);
  });
  it('kappa and d changes resize rows and explicit inits', () => {
    let s = valid(setKappa(preset('F2-s105'), 8));
    expect(s.data.sequences.every((q) => q.x.length === 8)).toBe(true);
    s = valid(placeA12(s, 0.5, 0.2));
    expect(s.init.kind).toBe('explicit');
    s = valid(setD(s, 12));
    expect(initialEntries(s).length).toBe(12);
  });
  it("the initial entries are drawn without a head's draws and are the run's own (the head's come last in the stream)", () => {
    for (const id of ['M-10-s4540', 'F2-s105']) {
      const s = preset(id);
      const withHead = valid({ ...s, model: { ...s.model, trainBC: true, head: { width: 12, depth: 3 } } });
      const theta = initialTheta(withHead);
      const d = withHead.model.d;
      expect(initialEntries(withHead)).toEqual(Array.from(theta.subarray(0, d)));
      // an explicit init keeps b and c as drawn
      const e = explicitInit(withHead, initialEntries(withHead)).init;
      expect(e.kind === 'explicit' && [e.b, e.c]).toEqual([Array.from(theta.subarray(d, 2 * d)), Array.from(theta.subarray(2 * d, 3 * d))]);
    }
  });
});

describe('labels and readouts', () => {
  it('labels equal the teacher output (loss 0 at the teacher)', () => {
    const s = preset('F4-s302');
    const y = teacherLabels(s);
    const a = [0.99, 0.8];
    s.data.sequences.forEach((q, i) => {
      let phi = 0;
      for (let l = 1; l <= s.data.length; l++) phi += (a[0] ** (s.data.length - l) + a[1] ** (s.data.length - l)) * q.x[l - 1];
      expect(y[i]).toBeCloseTo(phi, 12);
    });
  });
  it('thm1 teacher: phi*(e_1) = 1, and the MLP head scales by width/2', () => {
    const s = preset('thm1-d10k7-s242');
    expect(teacherLabels(s)).toEqual([1, 1].map((v) => expect.closeTo(v, 12)));
    const m = preset('M-6-s4540');
    const y = teacherLabels(m);
    const z = m.data.sequences[0].x.reduce((p, v) => p + v, 0);
    expect(y[0]).toBeCloseTo(7.5 * Math.max(0, z), 12);
  });
  it('gamma0 at init: zero without poison on position kappa-1, and matches the engine with it', () => {
    const s = preset('thm1-d10k7-s242');
    expect(gamma0AtInit(s, 'clean')).toBe(0);
    const g = gamma0AtInit(s, 'poisoned')!;
    const ssm = buildSsm({ ...s, arm: 'poisoned' });
    expect(g).toBe(ssm.gamma0(initialTheta(s)));
    expect(g).toBeGreaterThan(0);
  });
  it('loss slice: values at the init point equal the loss', () => {
    const s = valid(placeA12(preset('F2-s105'), 0.5, 0.25));
    const grid = lossSlice(s, 'poisoned', [0, 1], 5)!;
    const ssm = buildSsm({ ...s, arm: 'poisoned' });
    expect(grid.values[1 * 5 + 2]).toBeCloseTo(ssm.loss(initialTheta(s)), 14);
  });
  it('MLP head: readouts are finite and cheap enough for the main thread', () => {
    const s = preset('M-6-s4540');
    const t0 = performance.now();
    const g = gamma0AtInit(s, 'poisoned')!;
    const grid = lossSlice(s, 'poisoned', [-0.6, 1.4], 40)!;
    const ms = performance.now() - t0;
    expect(Number.isFinite(g)).toBe(true);
    expect(grid.values.every(Number.isFinite)).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
  it('teacher preset ids and positions', () => {
    expect(teacherPresetId({ kind: 'diag', a: [0.99, 0.8, 0.5] })).toBe('dim3');
    expect(teacherPresetId({ kind: 'diag', a: [0.7] })).toBe('custom');
    expect(parsePositions('1, 2 5')).toEqual([1, 2, 5]);
    expect(parsePositions('0')).toBeNull();
  });
});

describe('poison dose', () => {
  it('counts the special rows in use and their largest value; switches rows off from the end of the table', () => {
    let s = preset('F2-s105');
    const baseline = s.data.sequences.filter((r) => !r.special);
    const before = poisonDose(s);
    s = addSpecialRow(addSpecialRow(s, 'unit', { q: 3 }), 'unit', { q: -50 });
    const d = poisonDose(s);
    expect(d.total).toBe(before.total + 2);
    expect(d.used).toBe(before.used + 2);
    expect(d.amplitude).toBe(50);
    const one = setPoisonCount(s, 1);
    expect(poisonDose(one).used).toBe(1);
    // the first special row stays on; baseline rows are the same objects' values and stay enabled
    const specials = one.data.sequences.filter((r) => r.special);
    expect(specials[0].enabled).toBe(true);
    expect(specials.slice(1).every((r) => !r.enabled)).toBe(true);
    expect(one.data.sequences.filter((r) => !r.special)).toEqual(baseline);
    valid(setPoisonCount(s, d.total));
  });

  it('rescales the special rows to a new largest value, keeping their ratios', () => {
    const s = addSpecialRow(addSpecialRow(preset('F2-s105'), 'unit', { q: 2 }), 'unit', { q: -40 });
    const scaled = setPoisonAmplitude(s, 0.5)!;
    expect(poisonDose(scaled).amplitude).toBeCloseTo(0.5, 15);
    const before = s.data.sequences.filter((r) => r.special).map((r) => r.x);
    const after = scaled.data.sequences.filter((r) => r.special).map((r) => r.x);
    after.forEach((x, i) => x.forEach((v, l) => expect(v).toBeCloseTo(before[i][l] / 80, 15)));
    expect(after.at(-1)![s.data.length - 2]).toBe(-0.5);
    expect(scaled.data.sequences.filter((r) => !r.special)).toEqual(s.data.sequences.filter((r) => !r.special));
    valid(scaled);
    // nothing to scale when every special row in use is zero
    expect(setPoisonAmplitude(setPoisonCount(s, 0), 1)).toBeNull();
  });
});
