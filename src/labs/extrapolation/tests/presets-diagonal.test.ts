/**
 * The cheap presets of Sec. 6 by the CLI's path (sweep points -> runPoint -> the shared run builder; cliPreset for
 * E-P3 and E-5): balanced diagonal students (E-1A, E-X3, E-TWIN, E-5), the static Proposition 3 construction (E-P3)
 * and the Proposition 9 balancedness slope (E-P9), plus the sweep bookkeeping and the CLI summary.
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../../experiment/build-run';
import { extrapolationRuntime } from '../runtime';
import type { Prop3Demo } from '../prop3';
import { type PointResult, logLogSlope, pointSpec, SWEEP_RECORD_EVERY, summariseSweep, sweepPoints } from '../sweeps';
import { presetSeeds, presetSpec, runPresetPoints } from './points';

const bySeed = <T extends { seed: number }>(pts: T[], s: number) => pts.filter((p) => p.seed === s);

describe('E-1A (Fig. 1(a)): balanced teacher bal(s, 5), diag-tied student d = 40', () => {
  it('for every seed: max_{k <= 4} E > 1 and min_{k >= 16} E < 0.2 (lab: k = 4 gives 33 / 150 / 4.9; k = 16 gives 0.19 / 0.052 / 0.040)', () => {
    const pts = runPresetPoints('E-1A', (p) => p.k <= 4 || p.k >= 16);
    expect(pts.length).toBe(24);
    for (const s of presetSeeds('E-1A')) {
      const mine = bySeed(pts, s);
      expect(Math.max(...mine.filter((p) => p.k <= 4).map((p) => p.result.E)), `seed ${s}`).toBeGreaterThan(1);
      expect(Math.min(...mine.filter((p) => p.k >= 16).map((p) => p.result.E)), `seed ${s}`).toBeLessThan(0.2);
    }
  });
});

describe('E-X3 (sharp Fig. 1(a)): three atoms, k = 2 dHat fails and 2 dHat + 1 suffices', () => {
  it('for every seed: E(7) < 3e-3 and E(6) > 2e-2 (lab: 1.4e-3 / 5.0e-4 / 8.7e-4 and 0.045 / 0.19 / 0.064)', () => {
    const pts = runPresetPoints('E-X3', (p) => p.k === 6 || p.k === 7);
    for (const s of presetSeeds('E-X3')) {
      const E = (k: number) => bySeed(pts, s).find((p) => p.k === k)!.result.E;
      expect(E(7), `seed ${s}`).toBeLessThan(3e-3);
      expect(E(6), `seed ${s}`).toBeGreaterThan(2e-2);
    }
  });
});

describe('E-TWIN (App. A): T1 and T2 agree on w_0..w_2', () => {
  it('for every seed: E(T2, 3) = 0.333 +- 0.01, E(T1, 3) < 2e-3, E(T2, 4) < 0.15 (lab: 0.333, 9.9e-4, 0.080)', () => {
    const pts = runPresetPoints('E-TWIN', (p) => p.k === 3 || (p.k === 4 && p.teacherLabel === 'T2'));
    expect(pts.length).toBe(9);
    for (const s of presetSeeds('E-TWIN')) {
      const E = (t: string, k: number) => bySeed(pts, s).find((p) => p.teacherLabel === t && p.k === k)!.result.E;
      expect(Math.abs(E('T2', 3) - 1 / 3), `seed ${s}`).toBeLessThanOrEqual(0.01);
      expect(E('T1', 3), `seed ${s}`).toBeLessThan(2e-3);
      expect(E('T2', 4), `seed ${s}`).toBeLessThan(0.15);
    }
  });
});

describe('E-5 (Fig. 5): the k = 10 and k = 20 students of E-1A, s = 0', () => {
  it('both fit their window; k = 20 extrapolates better (lab: E = 0.12 against 0.47)', () => {
    const out = extrapolationRuntime.cliPreset!('E-5') as { runs: (PointResult & { k: number; h: number[]; w: number[] })[] };
    expect(out.runs.map((r) => r.k)).toEqual([10, 20]);
    const [k10, k20] = out.runs;
    for (const r of out.runs) {
      expect(r.fitted).toBe(true);
      expect(r.h).toHaveLength(50);
      expect(r.w).toHaveLength(50);
      for (let j = 0; j < r.k; j++) expect(Math.abs(r.h[j] - r.w[j])).toBeLessThan(1e-2);
    }
    expect(k20.E).toBeLessThan(k10.E);
  });
});

describe('E-P3 (Prop. 3): a perfect fit on [0, k) that does not extrapolate', () => {
  it('fit error < 1e-12, E(6, 50) = 0.8832, 6 negative g_i, cond(V) = 1.14e4 (from npm run sim -- E-P3)', () => {
    const out = extrapolationRuntime.cliPreset!('E-P3') as { preset: string; demo: Prop3Demo };
    expect(out.preset).toBe('E-P3');
    const demo = out.demo;
    expect(demo.fitError).toBeLessThan(1e-12);
    expect(Math.abs(demo.E - 0.8832)).toBeLessThan(5e-5);
    expect(demo.negative).toBe(6);
    expect(Math.abs(demo.condV / 1.14e4 - 1)).toBeLessThan(5e-3);
    // h_j = 0 on [k, d): the student's response is pinned there, the teacher's is not.
    for (let j = demo.k; j < demo.d; j++) expect(Math.abs(demo.h[j])).toBeLessThan(1e-12);
  });
});

describe('E-P9 (Prop. 9): beta_BC after GD from the eps-normal init scales like eps', () => {
  it('the log-log slope of beta_BC over eps in [1e-4, 1e-2] lies in [0.8, 1.2] (lab: 1.3e-4, 1.4e-5, 1.6e-6)', () => {
    const pts = runPresetPoints('E-P9', (p) => p.sigma >= 1e-4 && p.sigma <= 1e-2);
    expect(pts.map((p) => p.sigma)).toEqual([1e-2, 1e-3, 1e-4]);
    const slope = logLogSlope(
      pts.map((p) => p.sigma),
      pts.map((p) => p.result.betaBC),
    );
    expect(slope).toBeGreaterThanOrEqual(0.8);
    expect(slope).toBeLessThanOrEqual(1.2);
  });
});

describe('sweeps and the CLI', () => {
  it('expand a k-sweep by teacher, k, seed and a sigma-sweep by sigma, k, seed into ui-free point specs with sparse records', () => {
    const twin = sweepPoints(presetSpec('E-TWIN'));
    expect(twin.length).toBe(30);
    expect(twin.slice(0, 4).map((p) => [p.teacherLabel, p.k, p.seed])).toEqual([
      ['T1', 2, 0],
      ['T1', 2, 1],
      ['T1', 2, 2],
      ['T1', 3, 0],
    ]);
    expect(twin[15].teacherLabel).toBe('T2');
    expect(twin[15].spec.teacher).toEqual({ kind: 'twin', which: 'T2' });
    const e4 = sweepPoints(presetSpec('E-4'));
    expect(e4.length).toBe(150);
    expect([e4[0].sigma, e4[0].k, e4[0].seed, e4[149].sigma, e4[149].k, e4[149].seed]).toEqual([1e-5, 2, 0, 0.3, 20, 2]);
    expect(e4[0].spec.student.sigma).toBe(1e-5);
    expect('ui' in e4[0].spec).toBe(false);
    expect(e4[0].spec.record.every).toBe(SWEEP_RECORD_EVERY);
    expect(e4[0].spec.optim).toEqual(presetSpec('E-4').optim);
    expect(sweepPoints(presetSpec('E-5'))).toEqual([]);
    expect(pointSpec(presetSpec('E-5'), { k: 10 }).training.k).toBe(10);
  });

  it('summarise by (teacher, sigma, k): mean and population std over seeds, the zero line and the fitted count', () => {
    const result = (E: number, fitted = true): PointResult => ({
      E,
      zeroLine: 0.5,
      loss: 0,
      loss0: 1,
      fitted,
      betaBC: 0.1,
      alphaA: 0,
      specRadius: 1,
      effDim: 2,
      steps: 1,
      reason: 'max-steps',
    });
    const rows = summariseSweep([
      { teacher: 0, teacherLabel: 'x', k: 2, sigma: 1, seed: 0, result: result(1) },
      { teacher: 0, teacherLabel: 'x', k: 2, sigma: 1, seed: 1, result: result(3, false) },
      { teacher: 0, teacherLabel: 'x', k: 4, sigma: 1, seed: 0, result: result(0.5) },
    ]);
    expect(rows).toEqual([
      { teacher: 0, teacherLabel: 'x', sigma: 1, k: 2, n: 2, meanE: 2, stdE: 1, minE: 1, maxE: 3, meanBetaBC: 0.1, zeroLine: 0.5, fitted: 1 },
      { teacher: 0, teacherLabel: 'x', sigma: 1, k: 4, n: 1, meanE: 0.5, stdE: 0, minE: 0.5, maxE: 0.5, meanBetaBC: 0.1, zeroLine: 0.5, fitted: 1 },
    ]);
    expect(logLogSlope([1, 10, 100], [3, 30, 300])).toBeCloseTo(1, 12);
  });

  it('cliSummary scores the spec the CLI ran: the final state E and beta_BC, the zero line, the fitted flag', () => {
    const spec = presetSpec('E-TWIN');
    const f = buildRun(spec).runToEnd();
    const s = extrapolationRuntime.cliSummary!(spec).extrapolation as PointResult;
    expect(s.E).toBe(f.metrics.E);
    expect(s.betaBC).toBe(f.metrics.betaBC);
    expect(s.loss).toBe(f.loss);
    expect(s.fitted).toBe(true);
    // T1 at k = 3: w_3.. = (0, 0.25, 0, ...) (0.25 up to rounding), max |w| = 1: the zero response scores 0.25.
    expect(s.zeroLine).toBeCloseTo(0.25, 15);
    // The pool's job: the same score from the spec as plain data, and a refusal naming the field.
    expect(extrapolationRuntime.jobs!.sweepPoint(JSON.parse(JSON.stringify(spec)))).toEqual(s);
    expect(() => extrapolationRuntime.jobs!.sweepPoint({ ...spec, student: { ...spec.student, d: 0 } })).toThrow(/student\.d: student dimension d must be at least 1/);
    expect(extrapolationRuntime.cliPreset!('no-such-preset')).toBeNull();
    expect(extrapolationRuntime.cliPreset!('thm1-d10k7-s242')).toBeNull();
  });
});
