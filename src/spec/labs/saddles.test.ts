import { describe, expect, it } from 'vitest';
import { ScheduledGd } from '../../engine/integrators/scheduled-gd';
import { decodeSpec, encodeSpec } from '../link';
import { parseSpec } from '../validate';
import { SADDLES_PRESET_ROWS, saddlesParamCount } from './saddles';

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

describe('scheduled GD', () => {
  const quad = { n: 1, blocks: [], metricNames: [], metrics() {}, hess() {}, loss: (w: Float64Array) => 0.5 * w[0] * w[0], grad: (w: Float64Array, g: Float64Array) => ((g[0] = w[0]), 0.5 * w[0] * w[0]) };

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
