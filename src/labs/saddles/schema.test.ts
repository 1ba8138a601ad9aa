import { describe, expect, it } from 'vitest';
import { ScheduledGd } from '../../engine/core/integrators/scheduled-gd';
import { decodeSpec, encodeSpec } from '../../experiment/link';
import { parseSpec } from '../../experiment/validate';
import { SADDLES_PRESET_ROWS, saddlesParamCount } from './schema';

const fig1 = SADDLES_PRESET_ROWS.find((r) => r.id === 'sd-fig1')!.spec;
const issues = (input: unknown) => {
  const r = parseSpec(input);
  return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.message}`);
};

describe('saddles spec', () => {
  it('every preset validates and survives a link round trip', () => {
    for (const row of SADDLES_PRESET_ROWS) {
      expect(issues(row.spec), row.id).toEqual([]);
      const back = decodeSpec(encodeSpec(row.spec));
      expect(back.ok && back.spec).toEqual(row.spec);
    }
    expect(saddlesParamCount(fig1)).toBe(50 * 20 + 50);
  });

  it('refuses mismatched model and data, wrong w0 length and bad schedules, naming the field', () => {
    expect(issues({ ...fig1, data: { kind: 'toy', y: [4, 1] } })[0]).toMatch(/^data\.kind:/);
    expect(issues({ ...fig1, init: { delta: 0.02, dir: { kind: 'explicit', w0: [1, 2, 3] } } })[0]).toMatch(/^init\.dir\.w0: has 3 entries but the model has 1050/);
    expect(issues({ ...fig1, init: { delta: 0, dir: { kind: 'random' } } })[0]).toMatch(/^init\.delta: initial scale delta must be at least/);
    const sched = { kind: 'gd-schedule', lr: 0.2, rule: { kind: 'piecewise', at: [10, 5], lrs: [0.1] } };
    const msgs = issues({ ...fig1, optim: sched }).join('\n');
    expect(msgs).toMatch(/optim\.rule\.lrs: has 1 entries but at has 2/);
    expect(msgs).toMatch(/optim\.rule\.at\.1: schedule iterations must increase/);
  });
});

describe('saddles spec: zeroed neurons and the single data point', () => {
  const sq2 = SADDLES_PRESET_ROWS.find((r) => r.id === 'sd-sq2-tiny')!.spec;
  const sq3 = SADDLES_PRESET_ROWS.find((r) => r.id === 'sd-sq3-tiny')!.spec;
  const zero = (spec: typeof sq2, zeroNeurons: unknown) => ({ ...spec, init: { ...spec.init, zeroNeurons } });

  it('init.zeroNeurons is absent by default and survives a link round trip when set', () => {
    const r = parseSpec(sq2);
    expect(r.ok && r.spec.lab === 'saddles' && r.spec.init.zeroNeurons).toBeUndefined();
    const withZero = zero(sq2, ['1:2', '1:4']);
    expect(issues(withZero)).toEqual([]);
    const back = decodeSpec(encodeSpec(withZero as typeof sq2));
    expect(back.ok && back.spec.lab === 'saddles' && back.spec.init.zeroNeurons).toEqual(['1:2', '1:4']);
    expect(issues(zero(sq3, ['2:3', '1:1']))).toEqual([]);
  });

  it('refuses malformed, unknown, repeated or too many neurons, naming the field', () => {
    expect(issues(zero(sq2, ['3']))[0]).toMatch(/^init\.zeroNeurons\.0: a zeroed neuron is written layer:neuron/);
    expect(issues(zero(sq2, ['1:0']))[0]).toMatch(/^init\.zeroNeurons\.0: a zeroed neuron is written layer:neuron/);
    expect(issues(zero(sq2, ['1:1', '2:1']))[0]).toBe('init.zeroNeurons.1: "2:1" names hidden layer 2, but the network has only hidden layer 1');
    expect(issues(zero(sq2, ['1:5']))[0]).toBe('init.zeroNeurons.0: "1:5" names neuron 5, but hidden layer 1 has 4 neurons');
    expect(issues(zero(sq3, ['3:1']))[0]).toBe('init.zeroNeurons.0: "3:1" names hidden layer 3, but the network has hidden layers 1 to 2');
    expect(issues(zero(sq2, ['1:2', '1:2']))[0]).toBe('init.zeroNeurons.1: "1:2" is listed twice');
    expect(issues(zero(sq2, ['1:1', '1:2', '1:3', '1:4']))[0]).toMatch(/^init\.zeroNeurons: zeroes all 4 neurons of hidden layer 1/);
    expect(
      issues(
        zero(
          fig1,
          Array.from({ length: 769 }, (_, i) => `1:${(i % 50) + 1}`),
        ),
      )[0],
    ).toMatch(/^init\.zeroNeurons: more than 768 zeroed neurons listed/);
    const neuron = SADDLES_PRESET_ROWS.find((r) => r.id === 'sd-neuron')!.spec;
    expect(issues(zero(neuron, ['1:1']))[0]).toMatch(/^init\.zeroNeurons: zeroes the only neuron of hidden layer 1/);
    const ex1 = SADDLES_PRESET_ROWS.find((r) => r.id === 'sd-ex1-0.1')!.spec;
    expect(issues(zero(ex1, ['1:1']))[0]).toBe('init.zeroNeurons: the toy model has no hidden neurons to zero');
  });

  it('the single data point x = 1 needs d = 1 and a feed-forward model', () => {
    const neuron = SADDLES_PRESET_ROWS.find((r) => r.id === 'sd-neuron')!.spec;
    expect(issues(neuron)).toEqual([]);
    expect(issues({ ...neuron, model: { ...neuron.model, d: 2 }, init: { ...neuron.init, dir: { kind: 'random' } } })[0]).toBe(
      'model.d: the single data point x = 1 is 1-D but d is 2',
    );
    const ex1 = SADDLES_PRESET_ROWS.find((r) => r.id === 'sd-ex1-0.1')!.spec;
    expect(issues({ ...ex1, data: { kind: 'single', y: 1 } })[0]).toMatch(/^data\.kind: the toy model needs the toy data/);
  });
});

describe('scheduled GD', () => {
  const quad = {
    n: 1,
    blocks: [],
    metricNames: [],
    metrics() {},
    hess() {},
    loss: (w: Float64Array) => 0.5 * w[0] * w[0],
    grad: (w: Float64Array, g: Float64Array) => {
      g[0] = w[0];
      return 0.5 * w[0] * w[0];
    },
  };

  it('piecewise: lr before the first milestone, then each listed step; t is the sum of the steps', () => {
    const gd = new ScheduledGd(quad, Float64Array.of(1), 0.5, { kind: 'piecewise', at: [2, 3], lrs: [0.25, 0.1] });
    const etas: number[] = [];
    for (let k = 0; k < 4; k++) {
      gd.step();
      etas.push(gd.lastLr);
    }
    expect(etas).toEqual([0.5, 0.5, 0.25, 0.1]);
    expect(gd.t).toBeCloseTo(1.35, 14);
    expect(gd.theta[0]).toBeCloseTo(0.5 * 0.5 * 0.75 * 0.9, 14);
  });

  it('clipped: eta = min(lr, s/||grad||)', () => {
    const gd = new ScheduledGd(quad, Float64Array.of(10), 0.5, { kind: 'clipped', s: 1 });
    gd.step();
    expect(gd.lastLr).toBeCloseTo(0.1, 15);
    expect(gd.theta[0]).toBeCloseTo(9, 14);
    const small = new ScheduledGd(quad, Float64Array.of(0.1), 0.5, { kind: 'clipped', s: 1 });
    small.step();
    expect(small.lastLr).toBe(0.5);
  });
});
