import { describe, expect, it } from 'vitest';
import { extrapolationPresetRow } from '../presets';
import { type ExtrapolationSpec, extrapolationCrossIssues, extrapolationSpecSchema } from '../schema';
import { type PointResult, sweepPoints } from '../sweeps';
import { estimateManyMs, estimateRunMs, formatDuration, remainingMs } from './cost';
import { sweepCsv, sweepJson } from './export';
import { defaultKs, effectiveSweep, openSpec, plotGroups, type ScoredPoint, statsByX, sweepIsStale, thresholdMarks, withSweep, zeroLines } from './sweep-model';

const preset = (id: string) => structuredClone(extrapolationPresetRow(id)!.spec);
const valid = (spec: ExtrapolationSpec) => extrapolationSpecSchema().safeParse(spec).success && extrapolationCrossIssues(spec).length === 0;

const result = (E: number, fitted = true, betaBC = 0.1): PointResult => ({
  E,
  zeroLine: 0.5,
  loss: fitted ? 1e-9 : 1,
  loss0: 1,
  fitted,
  betaBC,
  alphaA: 0,
  specRadius: 1,
  effDim: 3,
  steps: 15000,
  reason: 'max-steps',
});

describe('the sweep of an experiment', () => {
  it('is its ui.sweep, else a k-sweep over 2..20 (below H) with seeds 0..2', () => {
    expect(effectiveSweep(preset('E-X3'))).toEqual(preset('E-X3').ui!.sweep);
    const e5 = preset('E-5');
    expect(effectiveSweep(e5)).toEqual({ kind: 'k', ks: defaultKs(e5), seeds: [0, 1, 2] });
    expect(defaultKs(e5)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(defaultKs({ ...e5, eval: { ...e5.eval, H: 8 } })).toEqual([2, 3, 4, 5, 6, 7]);
    const edited = withSweep(preset('E-X3'), { kind: 'k', ks: [5, 6, 7, 8], seeds: [0] });
    expect(edited.ui).toEqual({ sweep: { kind: 'k', ks: [5, 6, 7, 8], seeds: [0] } });
    expect(valid(edited)).toBe(true);
  });

  it('is out of date when its runs would change, not when a swept coordinate or the preset name does', () => {
    const x3 = preset('E-X3');
    const sw = effectiveSweep(x3);
    expect(sweepIsStale(null, null, x3)).toBe(false);
    expect(sweepIsStale(x3, sw, x3)).toBe(false);
    // k and the seed are swept; the preset's name is not part of a run
    const otherK = { ...x3, seed: 4, training: { ...x3.training, k: 9 }, ui: { sweep: sw } };
    expect(sweepIsStale(x3, sw, otherK)).toBe(false);
    expect(sweepIsStale(x3, sw, { ...x3, student: { ...x3.student, sigma: 1e-2 } })).toBe(true);
    expect(sweepIsStale(x3, sw, withSweep(x3, { ...sw, seeds: [0] }))).toBe(true);
    expect(sweepIsStale(x3, sw, { ...x3, eval: { ...x3.eval, H: 60 } })).toBe(true);
    // a sigma-sweep sweeps sigma (and k only when it lists ks)
    const esc = preset('E-ESC');
    const ssw = effectiveSweep(esc);
    expect(sweepIsStale(esc, ssw, { ...esc, student: { ...esc.student, sigma: 0.5 } })).toBe(false);
    const p9 = preset('E-P9');
    expect(sweepIsStale(p9, effectiveSweep(p9), { ...p9, training: { ...p9.training, k: 11 } })).toBe(true);
  });

  it('opens a cell as that point with the base records, keeping the sweep but not the preset name', () => {
    const x3 = preset('E-X3');
    const sw = effectiveSweep(x3);
    const point = sweepPoints(x3, sw).find((p) => p.k === 6 && p.seed === 2)!;
    const spec = openSpec(x3, sw, point);
    expect(spec.training.k).toBe(6);
    expect(spec.seed).toBe(2);
    expect(spec.record).toEqual(x3.record);
    expect(spec.ui).toEqual({ sweep: sw });
    expect(valid(spec)).toBe(true);
    expect(sweepIsStale(x3, sw, spec)).toBe(false);
  });

  it('marks k = 2 dHat and 2 dHat + 1 of its teachers', () => {
    expect(thresholdMarks([preset('E-X3').teacher]).map((m) => m.x)).toEqual([6, 7]);
    const twin = preset('E-TWIN').ui!.sweep!;
    expect(thresholdMarks(twin.kind === 'k' ? twin.teachers! : []).map((m) => m.x)).toEqual([4, 5]);
  });

  it('draws the zero-solution line of each teacher at each k (1 where the delay teacher has no tail)', () => {
    const b = preset('E-1B');
    const [line] = zeroLines(b, effectiveSweep(b));
    expect(line.find((p) => p.x === 8)!.y).toBe(1);
    expect(line.find((p) => p.x === 20)!.y).toBe(1);
    const twin = preset('E-TWIN');
    const [t1, t2] = zeroLines(twin, effectiveSweep(twin));
    expect(t1.find((p) => p.x === 3)!.y).toBeCloseTo(0.25, 12);
    expect(t2.find((p) => p.x === 3)!.y).toBeGreaterThan(0.3);
  });
});

describe('sweep plots and exports', () => {
  const scored: ScoredPoint[] = [
    { index: 0, teacher: 0, teacherLabel: 'T1', k: 2, sigma: 1e-3, seed: 0, result: result(1) },
    { index: 1, teacher: 0, teacherLabel: 'T1', k: 2, sigma: 1e-3, seed: 1, result: result(3, false) },
    { index: 2, teacher: 0, teacherLabel: 'T1', k: 3, sigma: 1e-3, seed: 0, result: result(0.5) },
    { index: 3, teacher: 0, teacherLabel: 'T1', k: 3, sigma: 1e-3, seed: 1, result: null },
    { index: 4, teacher: 1, teacherLabel: 'T2', k: 2, sigma: 1e-3, seed: 0, result: result(0.25) },
  ];

  it('group finished points by teacher with mean, population std, range and fitted count per x', () => {
    const groups = plotGroups(scored, 'k', 'teacher', 'E');
    expect(groups.map((g) => g.label)).toEqual(['T1', 'T2']);
    expect(groups[0].dots.map((d) => [d.x, d.y, d.fitted, d.index])).toEqual([
      [2, 1, true, 0],
      [2, 3, false, 1],
      [3, 0.5, true, 2],
    ]);
    expect(groups[0].stats).toEqual([
      { x: 2, n: 2, mean: 2, std: 1, min: 1, max: 3, fitted: 1 },
      { x: 3, n: 1, mean: 0.5, std: 0, min: 0.5, max: 0.5, fitted: 1 },
    ]);
    expect(plotGroups(scored, 'k', 'teacher', 'betaBC', (p) => p.teacher === 1)[0].dots[0].y).toBe(0.1);
    expect(statsByX([])).toEqual([]);
  });

  it('export the spec that produced the runs, the finished runs and the summary, as JSON and CSV', () => {
    const x3 = preset('E-X3');
    const sw = effectiveSweep(x3);
    const data = sweepJson('extrapolation', x3, sw, scored);
    expect(data.finished).toBe(4);
    expect(data.total).toBe(5);
    expect(data.spec).toBe(x3);
    expect(data.points.map((p) => p.seed)).toEqual([0, 1, 0, 0]);
    expect(data.summary.map((s) => [s.teacherLabel, s.k, s.meanE])).toEqual([
      ['T1', 2, 2],
      ['T1', 3, 0.5],
      ['T2', 2, 0.25],
    ]);
    const csv = sweepCsv(data).split('\n');
    expect(csv[0]).toBe('# extrapolation sweep: 4 of 5 runs');
    expect(JSON.parse(csv[1].replace('# spec: ', ''))).toEqual(x3);
    expect(csv[4]).toBe('teacher,k,sigma,seed,E,zeroLine,fitted,loss,loss0,betaBC,alphaA,specRadius,effDim,steps,reason');
    expect(csv[5]).toBe('T1,2,0.001,0,1,0.5,true,1e-9,1,0.1,0,1,3,15000,max-steps');
    const blank = csv.indexOf('');
    expect(csv[blank + 2]).toBe('teacher,k,sigma,n,meanE,stdE,minE,maxE,meanBetaBC,zeroLine,fitted');
    expect(csv[blank + 3]).toBe('T1,2,0.001,2,2,1,1,3,0.1,0.5,1');
  });
});

describe('the cost model', () => {
  it('puts a diagonal run at tens of ms and a full d = 50 run at seconds, and spreads runs over the workers', () => {
    const x3 = preset('E-X3');
    expect(estimateRunMs(x3)).toBeGreaterThan(20);
    expect(estimateRunMs(x3)).toBeLessThan(300);
    const b = preset('E-1B');
    expect(estimateRunMs(b)).toBeGreaterThan(2000);
    expect(estimateRunMs(b)).toBeLessThan(15000);
    const e4 = sweepPoints(preset('E-4')).map((p) => p.spec);
    const ms = estimateManyMs(e4, 2);
    expect(ms / 60_000).toBeGreaterThan(2);
    expect(ms / 60_000).toBeLessThan(20);
    expect(estimateManyMs([b, b, b], 3) - estimateManyMs([b], 1)).toBeCloseTo(0, 6);
    expect(estimateManyMs([b, b, b, b], 2)).toBeCloseTo(estimateManyMs([b, b], 1), 6);
    // a student that only ever sees zeros is slow (subnormal numbers)
    expect(estimateRunMs({ ...b, training: { ...b.training, k: 8 } }) / estimateRunMs({ ...b, training: { ...b.training, k: 10 } })).toBeGreaterThan(2);
    // time left: the estimate until a run is in, then scaled by how the finished runs compared (0.5x to 4x)
    expect(remainingMs(0, 8000, 0, 2)).toBe(4000);
    expect(remainingMs(2000, 8000, 2000, 2)).toBe(8000);
    expect(remainingMs(2000, 8000, 100, 2)).toBe(2000);
    expect(remainingMs(2000, 8000, 1e6, 2)).toBe(16000);
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(400_000)).toBe('6.7 min');
    expect(formatDuration(7_200_000)).toBe('2 h');
  });
});
