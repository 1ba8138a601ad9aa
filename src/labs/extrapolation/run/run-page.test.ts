import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../experiment/validate';
import { SeriesBuffers } from '../../../state/series';
import { extrapolationPresetRow } from '../presets';
import type { ExtrapolationSpec } from '../schema';
import { addAtom, massAxisTop, nudgeAtom, placeAtom, removeAtom } from './atoms-edit';
import { choiceFromKey, compareSpec, decodeChoice, defaultChoice, encodeChoice, NO_COMPARE, offeredKinds } from './compare';
import { entryIndices, entryPoints, joinedTrajectories, lastFinite, lrDrops, momentsOf, symlog, symlogThreshold, timeAxisOf } from './derive';
import { runCsv, runJson } from './export';
import { armSpecs, combinedTransport, compareArm } from './store';

const preset = (id: string) => structuredClone(extrapolationPresetRow(id)!.spec);
const valid = (s: unknown) => parseSpec(s).ok;

describe('compare: the second arm', () => {
  it('changes exactly one thing and validates', () => {
    const e1b = preset('E-1B');
    const k = compareSpec(e1b, defaultChoice(e1b, 'k'))!;
    expect(k.training.k).toBe(18); // E-1B's showcase: 18 against 20
    expect({ ...k, training: e1b.training }).toEqual((({ ui: _ui, ...rest }) => rest)(e1b));
    expect(valid(k)).toBe(true);

    const e1a = preset('E-1A');
    const unbal = compareSpec(e1a, { kind: 'balance' })!;
    expect(unbal.student).toMatchObject({ param: 'diag', balanced: false });
    const bal = compareSpec(e1b, { kind: 'balance' })!;
    expect(bal.student).toMatchObject({ param: 'full', balanced: true });

    const gd = compareSpec(e1a, { kind: 'optim', to: 'gd' })!;
    expect(gd.optim).toEqual({ kind: 'gd', lr: 1e-3 });
    const flow = compareSpec(e1b, { kind: 'optim', to: 'flow' })!;
    expect(flow.optim).toMatchObject({ kind: 'flow', method: 'dopri5' });
    expect(valid(flow)).toBe(true);

    const twin = preset('E-TWIN');
    expect(compareSpec(twin, { kind: 'twin' })!.teacher).toEqual({ kind: 'twin', which: 'T2' });
    expect(compareSpec(e1a, { kind: 'twin' })).toBeNull();
    expect(offeredKinds(e1a).map((o) => o.value)).not.toContain('twin');
    expect(offeredKinds(twin).map((o) => o.value)).toContain('twin');
  });

  it('takes the overlay k of Figs 5 and 6 as its default', () => {
    expect(defaultChoice(preset('E-5'), 'k')).toEqual({ kind: 'k', k: 10 });
    expect(defaultChoice(preset('E-6'), 'k')).toEqual({ kind: 'k', k: 18 });
  });

  it('round-trips through a link and refuses what it does not know', () => {
    for (const c of [{ kind: 'k', k: 18 }, { kind: 'balance' }, { kind: 'optim', to: 'gd' }, { kind: 'twin' }, { kind: 'sigma', sigma: 0.05 }, { kind: 'seed', seed: 3 }] as const)
      expect(decodeChoice(encodeChoice(c))).toEqual(c);
    expect(encodeChoice({ kind: 'none' })).toBeNull();
    expect(decodeChoice('k:1.5')).toBeNull();
    expect(decodeChoice('optim:sgd')).toBeNull();
    expect(decodeChoice('nope')).toBeNull();
    const e1a = preset('E-1A');
    expect(choiceFromKey(e1a, 'optim:gd', { kind: 'none' })).toEqual({ kind: 'optim', to: 'gd' });
    expect(choiceFromKey(e1a, 'k', { kind: 'k', k: 7 })).toEqual({ kind: 'k', k: 7 });
  });
});

describe('compare: the third arm (E-6: k = 8, 18 and 20)', () => {
  it('defaults to the overlay k the second arm does not take, and both arms validate', () => {
    const e6 = preset('E-6');
    const second = defaultChoice(e6, 'k');
    const third = defaultChoice(e6, 'k', second);
    expect([e6.training.k, (second as { k: number }).k, (third as { k: number }).k].sort((a, b) => a - b)).toEqual([8, 18, 20]);
    const a = armSpecs(e6, second, third);
    expect(a.second?.training.k).toBe(18);
    expect(a.third?.training.k).toBe(8);
    expect(a.ran2).toEqual(third);
    // without overlay: k - 4 beside k - 2; sigma / 10 beside sigma x 10; seed + 2 beside seed + 1
    const e1b = preset('E-1B');
    expect(defaultChoice(e1b, 'k', defaultChoice(e1b, 'k'))).toEqual({ kind: 'k', k: 16 });
    expect(defaultChoice(e1b, 'sigma', defaultChoice(e1b, 'sigma'))).toEqual({ kind: 'sigma', sigma: 0.002 });
    expect(defaultChoice(e1b, 'seed', defaultChoice(e1b, 'seed'))).toEqual({ kind: 'seed', seed: 2 });
    expect(choiceFromKey(e6, 'k', NO_COMPARE, second)).toEqual(third);
  });

  it('runs only beside a valid second arm, never twice the same, and a refused third arm is dropped', () => {
    const e6 = preset('E-6');
    expect(armSpecs(e6, NO_COMPARE, { kind: 'k', k: 8 })).toMatchObject({ second: null, third: null, ran: NO_COMPARE, ran2: NO_COMPARE });
    expect(armSpecs(e6, { kind: 'k', k: 18 }, { kind: 'k', k: 18 }).third).toBeNull();
    const refused = armSpecs(e6, { kind: 'k', k: 18 }, { kind: 'k', k: 100 }); // k must stay below H = 100
    expect(refused.second?.training.k).toBe(18);
    expect(refused.third).toBeNull();
    expect(refused.ran2).toEqual(NO_COMPARE);
    expect(compareArm(e6, { kind: 'k', k: 100 }).error).toMatch(/k/);
  });

  it('combines the transports of the arms', () => {
    expect(combinedTransport(['done'])).toBe('done');
    expect(combinedTransport(['done', 'done', 'running'])).toBe('running');
    expect(combinedTransport(['done', 'paused', 'done'])).toBe('paused');
    expect(combinedTransport(['idle', 'idle', 'idle'])).toBe('idle');
    expect(combinedTransport(['done', 'idle', 'done'])).toBe('done');
  });
});

describe('atom editor edits', () => {
  const a = { lambda: [-0.6, 0.3, 0.85], p: [1 / 3, 1 / 3, 1 / 3] };
  it('steps by 0.01 without binary noise and clamps to the schema', () => {
    expect(nudgeAtom(a, 1, 0.01, 0).lambda[1]).toBe(0.31);
    expect(nudgeAtom(a, 2, 1, 0).lambda[2]).toBe(1.5);
    expect(nudgeAtom(a, 0, 0, -1).p[0]).toBe(0);
    expect(placeAtom(a, 0, 0.123456, 0.987654)).toEqual({ lambda: [0.123, 0.3, 0.85], p: [0.9877, 1 / 3, 1 / 3] });
  });
  it('adds in the widest gap and removes', () => {
    const more = addAtom(a);
    expect(more.lambda).toHaveLength(4);
    expect(more.lambda[3]).toBe(-0.15);
    expect(removeAtom(a, 1)).toEqual({ lambda: [-0.6, 0.85], p: [1 / 3, 1 / 3] });
    expect(massAxisTop([1 / 3])).toBe(0.5);
    expect(massAxisTop([0.9])).toBe(2);
  });
});

describe('derived views', () => {
  it('picks the trajectories of a_i or the diagonal of A', () => {
    const s = preset('E-1A');
    expect(
      entryIndices(s)
        .slice(0, 2)
        .map((e) => e.index),
    ).toEqual([0, 1]);
    const full = { ...s, student: { ...s.student, param: 'full', d: 3 } } as ExtrapolationSpec;
    expect(entryIndices(full).map((e) => e.index)).toEqual([0, 4, 8]);
    const sym = { ...s, student: { ...s.student, param: 'sym', d: 3 } } as ExtrapolationSpec;
    expect(entryIndices(sym).map((e) => e.index)).toEqual([0, 3, 5]);
  });

  it('joins trajectories with NaN breaks, thinned, keeping the last row', () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const j = joinedTrajectories(x, [x, x], 10, 4);
    expect(Array.from(j.x.subarray(0, 6))).toEqual([0, 3, 6, 9, NaN, 0]);
    expect(j.x.length).toBe(10);
  });

  it('thins many background entries to about 6,000 points in all (a few keep 400 each)', () => {
    expect(entryPoints(6)).toBe(400);
    expect(entryPoints(44)).toBe(136);
    expect(entryPoints(2500)).toBe(60);
    const x = Float64Array.from({ length: 2000 }, (_, i) => i);
    const j = joinedTrajectories(
      x,
      Array.from({ length: 44 }, () => x),
      2000,
    );
    expect(j.x.length).toBeLessThanOrEqual(44 * (136 + 2));
    expect(j.x[j.x.length - 2]).toBe(1999); // the last row of the last entry, before its break
  });

  it('symlog: linear inside c, a unit per decade outside, inverted exactly', () => {
    const t = symlog(1e-3);
    expect(t.fwd(5e-4)).toBeCloseTo(0.5);
    expect(t.fwd(0.1)).toBeCloseTo(3);
    expect(t.fwd(-10)).toBeCloseTo(-5);
    expect(t.inv(t.fwd(-0.37))).toBeCloseTo(-0.37, 12);
    expect(symlogThreshold([0, 1, 0.5])).toBe(1e-4);
  });

  it('moments, learning-rate drops, axes and the last finite metric', () => {
    expect(momentsOf([0, 1])).toBeNull();
    expect(Array.from(momentsOf([2, 1, 0.5])!)).toEqual([1, 0.5, 0.25]);
    const e4 = preset('E-4');
    expect(lrDrops(e4, 'step').map((d) => d.at)).toEqual([5000, 10000, 15000, 30000]);
    expect(lrDrops(e4, 't')[1].at).toBeCloseTo(5000e-3 + 5000e-4, 12);
    expect(lrDrops(preset('E-1A'), 'step')).toEqual([]);
    expect(timeAxisOf([preset('E-1A'), { ...preset('E-1A'), optim: { kind: 'flow', method: 'auto', rtol: 1e-10, atol: 1e-14 } }])).toBe('t');
    const b = new SeriesBuffers(['E'], 1);
    b.append({
      count: 3,
      t: Float64Array.of(0, 1, 2),
      step: Float64Array.of(0, 1, 2),
      loss: Float64Array.of(1, 1, 1),
      metrics: Float64Array.of(0.5, 0.25, NaN),
      theta: Float64Array.of(0, 0, 0),
    });
    expect(lastFinite(b, 'E')).toEqual({ value: 0.25, row: 1 });
  });
});

describe('exports', () => {
  it('write the spec that ran, the version and every recorded row', () => {
    const spec = preset('E-X3');
    const b = new SeriesBuffers(['E', 'betaBC'], 1);
    b.append({
      count: 2,
      t: Float64Array.of(0, 1e-3),
      step: Float64Array.of(0, 1),
      loss: Float64Array.of(1, 0.5),
      metrics: Float64Array.of(2, 0, Infinity, 0),
      theta: Float64Array.of(0, 0),
    });
    const arm = { role: 'main', label: 'student', spec, buffers: b, status: null, final: null, views: { h: Float64Array.of(1, 2) } };
    const json = runJson([arm], null);
    expect(json.lab).toBe(spec.lab);
    expect(json.app.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(json.arms[0].spec).toBe(spec);
    expect(json.arms[0].reopen).toMatch(/^#lab=extrapolation&s=/);
    expect(json.arms[0].series.E).toEqual([2, Infinity]);
    expect(json.arms[0].views.h).toEqual([1, 2]);
    const csv = runCsv([arm]).split('\n');
    // comment lines say what produced the rows: the app, the spec, the link that reopens it
    expect(csv[0]).toMatch(/^# implicit-bias-lab \d/);
    expect(JSON.parse(csv[1].replace('# main spec: ', ''))).toEqual(spec);
    expect(csv[2]).toBe(`# main reopen: ${json.arms[0].reopen}`);
    expect(csv.slice(3).join('\n')).toBe('arm,step,t,loss,E,betaBC\nmain,0,0,1,2,0\nmain,1,0.001,0.5,Infinity,0\n');
  });
});
