import { describe, expect, it } from 'vitest';
import { homogeneityDegree } from '../../engine/homogeneous/ff';
import { SADDLES_PRESET_ROWS, saddlesParamCount, type SaddlesSpec } from './schema';
import { parseSpec } from '../../experiment/validate';
import { activationOf, familyOf, withActivation, withDataKind, withFamily, withFf, withLoss, withSphere, withToy, withWidth } from './model-edit';
import { buildModel } from './build';

const preset = (id: string) => structuredClone(SADDLES_PRESET_ROWS.find((r) => r.id === id)!.spec);
const valid = (s: SaddlesSpec) => {
  const r = parseSpec(s);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  return r.spec as SaddlesSpec;
};
const issues = (s: SaddlesSpec) => {
  const r = parseSpec(s);
  return r.ok ? [] : r.issues;
};

describe('saddles model controls: edits give whole specs for the validator', () => {
  it('every family switch from every preset validates, and builds the model the family names', () => {
    for (const row of SADDLES_PRESET_ROWS) {
      for (const fam of ['two-layer', 'three-layer', 'toy'] as const) {
        const s = valid(withFamily(row.spec, fam));
        expect(familyOf(s)).toBe(fam);
        const m = buildModel(s);
        expect(m.Lh).toBe(s.model.kind === 'toy' ? 2 : homogeneityDegree(fam === 'two-layer' ? 2 : 3, s.model.p));
      }
    }
  });

  it('two- to three-layer keeps d, activation and data; back again keeps the first width', () => {
    const fig5 = preset('sd-fig5');
    const three = valid(withFamily(fig5, 'three-layer'));
    expect(three.model).toMatchObject({ kind: 'ff', d: 20, widths: [50, 50], p: 1, alpha: 0 });
    expect(three.data).toEqual(fig5.data);
    expect(valid(withFamily(three, 'two-layer')).model).toEqual(fig5.model);
  });

  it('activations: x^2, polynomial ReLU (alpha, p) and ReLU, with the degree of homogeneity they imply', () => {
    const s = preset('sd-fig1');
    const relu = valid(withActivation(s, 'relu'));
    expect(activationOf(relu.model)).toBe('relu');
    expect(buildModel(relu).Lh).toBe(2);
    const poly = valid(withFf(withActivation(s, 'poly'), { alpha: 0.3, p: 3 }));
    expect(activationOf(poly.model)).toBe('poly');
    expect(buildModel(poly).Lh).toBe(4);
    expect(buildModel(valid(withActivation(poly, 'square'))).Lh).toBe(3);
    // outside the schema: the field's message, nothing applied
    expect(issues(withFf(s, { alpha: 2 }))[0].field).toBe('model.alpha');
    expect(issues(withFf(s, { p: 4 }))[0].field).toBe('model.p');
  });

  it('widths, d, n, seeds, teacher width and loss reach the model', () => {
    let s = preset('sd-fig1');
    s = valid(withWidth(s, 0, 7));
    s = valid(withFf(s, { d: 5 }));
    s = valid(withSphere(s, { n: 33, seed: 9, teacherSeed: 4, teacherWidth: 3 }));
    s = valid(withLoss(s, 'sq-sum'));
    const m = buildModel(s);
    expect(m.n).toBe(7 * 5 + 7);
    expect(m.nPoints).toBe(33);
    expect(m.lossKind).toBe('sq-sum');
    // a different teacher seed gives different labels
    const other = buildModel(valid(withSphere(s, { teacherSeed: 5 })));
    expect(Array.from(other.y)).not.toEqual(Array.from(m.y));
    // refused: zero width, too many parameters
    expect(issues(withWidth(s, 0, 0))[0].field).toBe('model.widths.0');
    expect(issues(withFf(withFamily(s, 'three-layer'), { widths: [256, 256] })).map((i) => i.field)).toEqual(['model.widths']);
  });

  it('an explicit w0 that no longer fits falls back to the random draw; the circle data forces d = 2', () => {
    const tiny = preset('sd-sq2-tiny');
    expect(tiny.init.dir.kind).toBe('explicit');
    const wider = valid(withWidth(tiny, 0, 5));
    expect(wider.init.dir.kind).toBe('random');
    expect(valid(withLoss(tiny, 'mse-mean')).init.dir.kind).toBe('explicit');
    expect(issues(withFf(tiny, { d: 3 }))[0]).toMatchObject({ field: 'model.d' });
    const sphere = valid(withDataKind(tiny, 'sphere'));
    expect(sphere.data.kind).toBe('sphere');
    const back = valid(withDataKind(withFf(sphere, { d: 6 }), 'circle8'));
    expect(back.model.kind === 'ff' && back.model.d).toBe(2);
    expect(saddlesParamCount(back)).toBe(2 * 4 + 4);
  });

  it('the toy: degree and labels', () => {
    const ex1 = valid(withFamily(preset('sd-fig1'), 'toy'));
    const s = valid(withToy(ex1, { Lh: 3, y: [2, 1] }));
    const m = buildModel(s);
    expect(m.Lh).toBe(3);
    expect(Array.from(m.y)).toEqual([2, 1]);
    expect(issues(withToy(ex1, { Lh: 1 }))[0].field).toBe('model.Lh');
  });
});
