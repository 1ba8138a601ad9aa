/**
 * The Extrapolation spec (docs/labs/extrapolation.md Sec. 8.1): every preset validates and survives a link, defaults
 * fill in, and each bad input is refused with a message naming its field (bounds, cross-field rules, sweeps).
 */
import { describe, expect, it } from 'vitest';
import { optimSchema } from '../../../experiment/common';
import { decodeSpec, encodeSpec } from '../../../experiment/link';
import { defaultSpec, findPreset } from '../../../experiment/presets';
import { parseSpec } from '../../../experiment/validate';
import { EXTRAPOLATION_PRESET_ROWS, sweepPresetIds } from '../presets';
import { type ExtrapolationSpec, sweepRunCount } from '../schema';

const base = findPreset('E-1A')!.spec as ExtrapolationSpec;
const full = findPreset('E-1B')!.spec as ExtrapolationSpec;

/** The refusals of an input as "field: message" (empty when it is accepted). */
const issues = (input: unknown) => {
  const r = parseSpec(input);
  return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.message}`);
};
const first = (input: unknown) => issues(input)[0] ?? '(accepted)';
const withUi = (ui: unknown, spec: ExtrapolationSpec = base) => ({ ...spec, ui });

describe('extrapolation presets', () => {
  it('every preset id of Sec. 6 exists (E-2, the GRU, in its scaled form), validates, equals its own parse and survives a link', () => {
    expect(EXTRAPOLATION_PRESET_ROWS.map((r) => r.id)).toEqual(['E-1A', 'E-X3', 'E-1B', 'E-ESC', 'E-3A', 'E-3B', 'E-4', 'E-5', 'E-6', 'E-TWIN', 'E-P3', 'E-P9', 'E-2']);
    for (const row of EXTRAPOLATION_PRESET_ROWS) {
      expect(issues(row.spec), row.id).toEqual([]);
      const r = parseSpec(JSON.parse(JSON.stringify(row.spec)));
      expect(r.ok && r.spec, row.id).toEqual(row.spec);
      expect(findPreset(row.id)?.spec, row.id).toEqual(row.spec);
      const back = decodeSpec(encodeSpec(row.spec));
      expect(back.ok && back.spec, row.id).toEqual(row.spec);
      expect(row.spec.ui?.preset).toBe(row.id);
    }
  });

  it('each title names the paper figure it reproduces', () => {
    for (const row of EXTRAPOLATION_PRESET_ROWS) {
      const fig = row.figure.match(/^(Fig\. \d+(\([ab]\))?|Prop\. \d+)/)?.[0];
      if (fig) expect(row.title, row.id).toContain(fig.replace('Fig.', 'Figure').replace('Prop.', 'Proposition'));
      else expect(row.figure, row.id).toMatch(/^lab extra/);
    }
  });

  it('the ten sweep presets carry their sweep; the sweeps have the sizes of Sec. 6', () => {
    expect(sweepPresetIds()).toEqual(['E-1A', 'E-X3', 'E-1B', 'E-ESC', 'E-3A', 'E-3B', 'E-4', 'E-TWIN', 'E-P9', 'E-2']);
    const runs = (id: string) => sweepRunCount((findPreset(id)!.spec as ExtrapolationSpec).ui!.sweep!);
    expect([runs('E-1A'), runs('E-X3'), runs('E-1B'), runs('E-ESC'), runs('E-3A'), runs('E-3B'), runs('E-4'), runs('E-TWIN'), runs('E-P9'), runs('E-2')]).toEqual([
      57, 27, 36, 9, 30, 24, 150, 30, 5, 24,
    ]);
  });

  it('opens on E-1A; Adam has PyTorch eps 1e-8 and the presets run all their steps', () => {
    expect(defaultSpec('extrapolation')).toEqual(base);
    expect(base.optim).toEqual({ kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, epsPlacement: 'torch' });
    expect(base.stop).toEqual({ lossBelow: 0, maxSteps: 15000, maxTime: 1e13, extraSteps: 0 });
    const e4 = findPreset('E-4')!.spec as ExtrapolationSpec;
    expect(e4.optim).toMatchObject({ kind: 'adam', milestones: [5000, 10000, 15000, 30000], gamma: 0.1 });
    expect(e4.stop.maxSteps).toBe(40000);
  });
});

describe('extrapolation spec defaults', () => {
  it('fills stop (15000 steps, L < 1e-12), record (every 50), eval (H 50, n 20, tau 1e-3), Adam eps and student defaults', () => {
    const { stop, record, eval: ev, ui, ...minimal } = base;
    void [stop, record, ev, ui];
    const r = parseSpec({
      ...minimal,
      optim: { kind: 'adam', lr: 1e-3 },
      student: { param: 'full', d: 10, sigma: 0.01 },
      teacher: { kind: 'bal', dHat: 3 },
      training: { k: 8 },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.spec as ExtrapolationSpec;
    expect(s.stop).toEqual({ lossBelow: 1e-12, maxSteps: 15000, maxTime: 1e13, extraSteps: 0 });
    expect(s.record).toEqual({ every: 50, perDecade: 40 });
    expect(s.eval).toEqual({ H: 50, hankelN: 20, tau: 1e-3 });
    expect(s.optim).toEqual({ kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, epsPlacement: 'torch' });
    expect(s.student).toEqual({ param: 'full', d: 10, sigma: 0.01, balanced: false, convention: 'entrywise' });
    expect(s.teacher).toEqual({ kind: 'bal', dHat: 3, spacing: 'linspace' });
    expect(s.training).toEqual({ k: 8, loss: 'population' });
    expect('ui' in s).toBe(false);
  });

  it('the shared adam schema: milestones and gamma optional with no default (other labs normalise unchanged)', () => {
    const plain = optimSchema().parse({ kind: 'adam', lr: 0.01 });
    expect(plain).toEqual({ kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-7 });
    expect('milestones' in plain || 'gamma' in plain).toBe(false);
    expect(optimSchema().parse({ kind: 'adam', lr: 0.01, milestones: [10, 20], gamma: 0.5 })).toMatchObject({ milestones: [10, 20], gamma: 0.5 });
    const msg = (o: unknown) => {
      const r = optimSchema().safeParse(o);
      return r.success ? '(accepted)' : `${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`;
    };
    expect(msg({ kind: 'adam', lr: 0.01, milestones: [20, 10] })).toBe('milestones: adam milestones must increase');
    expect(msg({ kind: 'adam', lr: 0.01, milestones: [10, 10] })).toBe('milestones: adam milestones must increase');
    expect(msg({ kind: 'adam', lr: 0.01, milestones: Array.from({ length: 17 }, (_, i) => i + 1) })).toBe('milestones: adam milestones has more than 16 entries');
    expect(msg({ kind: 'adam', lr: 0.01, milestones: [0] })).toBe('milestones.0: adam milestone must be at least 1');
    expect(msg({ kind: 'adam', lr: 0.01, milestones: [1.5] })).toBe('milestones.0: adam milestone must be an integer');
    expect(msg({ kind: 'adam', lr: 0.01, gamma: 0 })).toBe('gamma: adam gamma must be positive');
    expect(msg({ kind: 'adam', lr: 0.01, gamma: 1.5 })).toBe('gamma: adam gamma must be at most 1');
  });
});

describe('extrapolation spec bounds: every refusal names its field', () => {
  it('student: d up to 200 (diagonal) and 64 (full, sym); sigma in [1e-6, 1]; known parameterisations', () => {
    expect(issues({ ...base, student: { ...base.student, d: 200 } })).toEqual([]);
    expect(first({ ...base, student: { ...base.student, d: 201 } })).toBe('student.d: student dimension d must be at most 200');
    expect(first({ ...base, student: { ...base.student, d: 0 } })).toBe('student.d: student dimension d must be at least 1');
    expect(first({ ...base, student: { ...base.student, d: 2.5 } })).toBe('student.d: student dimension d must be an integer');
    expect(issues({ ...full, student: { ...full.student, d: 64 } })).toEqual([]);
    expect(first({ ...full, student: { ...full.student, d: 65 } })).toBe('student.d: a full transition matrix allows d up to 64, not 65');
    expect(first({ ...full, student: { ...full.student, param: 'sym', d: 100 } })).toBe('student.d: a sym transition matrix allows d up to 64, not 100');
    expect(first({ ...base, student: { ...base.student, sigma: 1e-7 } })).toBe('student.sigma: init scale sigma must be at least 0.000001');
    expect(first({ ...base, student: { ...base.student, sigma: 2 } })).toBe('student.sigma: init scale sigma must be at most 1');
    expect(first({ ...base, student: { ...base.student, sigma: Number.NaN } })).toBe('student.sigma: init scale sigma must be a finite number');
    expect(first({ ...base, student: { ...base.student, param: 'lstm' } })).toMatch(/^student\.param: /);
    expect(first({ ...base, student: { ...base.student, convention: 'xavier' } })).toMatch(/^student\.convention: /);
    expect(first({ ...base, student: { ...base.student, width: 3 } })).toMatch(/^student: .*width/);
  });

  it('training: k up to 200, below H; known losses', () => {
    const long = { ...base, eval: { ...base.eval, H: 1000 } };
    expect(issues({ ...long, training: { ...base.training, k: 200 } })).toEqual([]);
    expect(first({ ...long, training: { ...base.training, k: 201 } })).toBe('training.k: training length k must be at most 200');
    expect(first({ ...base, training: { ...base.training, k: 0 } })).toBe('training.k: training length k must be at least 1');
    expect(first({ ...base, training: { ...base.training, k: 50 } })).toBe('eval.H: the horizon H must exceed the training length k = 50 (E measures h_j for k <= j < H)');
    expect(first({ ...base, training: { ...base.training, loss: 'huber' } })).toMatch(/^training\.loss: /);
  });

  it('eval: H up to 1000, Hankel n up to 100 (h_0 .. h_198), tau in (0, 1]', () => {
    expect(issues({ ...base, eval: { ...base.eval, H: 1000 } })).toEqual([]);
    expect(first({ ...base, eval: { ...base.eval, H: 1001 } })).toBe('eval.H: horizon H must be at most 1000');
    expect(issues({ ...base, eval: { ...base.eval, hankelN: 100 } })).toEqual([]);
    expect(first({ ...base, eval: { ...base.eval, hankelN: 101 } })).toBe('eval.hankelN: Hankel size n must be at most 100');
    expect(first({ ...base, eval: { ...base.eval, tau: 0 } })).toBe('eval.tau: Hankel threshold tau must be positive');
    expect(first({ ...base, eval: { ...base.eval, tau: 2 } })).toBe('eval.tau: Hankel threshold tau must be at most 1');
  });

  it('teacher: dHat up to 20; atoms with p >= 0, as many masses as eigenvalues, |lambda| <= 1.5, not all zero', () => {
    expect(issues({ ...base, teacher: { kind: 'bal', dHat: 20, spacing: 'uniform' } })).toEqual([]);
    expect(first({ ...base, teacher: { kind: 'bal', dHat: 21, spacing: 'linspace' } })).toBe('teacher.dHat: teacher dimension dHat must be at most 20');
    expect(first({ ...full, teacher: { kind: 'delay', dHat: 0 } })).toBe('teacher.dHat: teacher dimension dHat must be at least 1');
    expect(first({ ...full, teacher: { kind: 'bidiag', dHat: 30 } })).toBe('teacher.dHat: teacher dimension dHat must be at most 20');
    const atoms = (lambda: number[], p: number[]) => ({ ...base, teacher: { kind: 'atoms', lambda, p } });
    expect(issues(atoms([0.5, -0.5], [0.3, 0]))).toEqual([]);
    expect(first(atoms([0.5, -0.5], [0.3, -0.1]))).toBe('teacher.p.1: atom mass p must be at least 0');
    expect(first(atoms([0.5, -0.5], [0.3]))).toBe('teacher.p: has 1 entries but lambda has 2');
    expect(first(atoms([0.5, 2], [0.3, 0.3]))).toBe('teacher.lambda.1: atom lambda must be at most 1.5');
    expect(first(atoms([0.5], [0]))).toBe('teacher.p: needs some mass p_i > 0 (the teacher would be identically zero)');
    expect(first(atoms([], []))).toBe('teacher.lambda: atom lambda must not be empty');
    expect(first(atoms(new Array(21).fill(0.1), new Array(21).fill(0.1)))).toBe('teacher.lambda: atom lambda has more than 20 entries');
    expect(first({ ...base, teacher: { kind: 'twin', which: 'T3' } })).toMatch(/^teacher\.which: /);
    expect(first({ ...base, teacher: { kind: 'gru' } })).toMatch(/^teacher\.hidden: /);
    expect(first({ ...base, teacher: { kind: 'gru', hidden: 4 } })).toMatch(/^student\.param: .*GRU/);
    expect(first({ ...base, teacher: { kind: 'rnn' } })).toMatch(/^teacher\.kind: /);
  });

  it('seeds up to 1e6 (the student stream is MT(1000 + s))', () => {
    expect(issues({ ...base, seed: 1_000_000 })).toEqual([]);
    expect(first({ ...base, seed: 1_000_001 })).toBe('seed: seed must be at most 1000000');
    expect(first({ ...base, seed: -1 })).toBe('seed: seed must be at least 0');
  });

  it('empirical losses need (and only they take) N; fresh batches up to 10,000, a fixed dataset up to 100,000', () => {
    const emp = (loss: string, empirical?: unknown) => ({ ...base, training: { k: 10, loss, ...(empirical ? { empirical } : {}) } });
    expect(issues(emp('empirical', { N: 100, fresh: true }))).toEqual([]);
    expect(issues(emp('empirical-acc', { N: 100_000, fresh: false }))).toEqual([]);
    expect(first(emp('empirical'))).toBe('training.empirical: the empirical loss needs its sequence count N and whether batches are fresh');
    expect(first(emp('population', { N: 100, fresh: true }))).toBe('training.empirical: only the empirical losses draw sequences (the loss is population)');
    expect(first(emp('empirical', { N: 20_000, fresh: true }))).toBe('training.empirical.N: a fresh batch every step allows N up to 10000, not 20000');
    expect(first(emp('empirical', { N: 100_001, fresh: false }))).toBe('training.empirical.N: sequence count N must be at most 100000');
  });

  it('optimisers: flow only on a fixed loss, and only with dopri5 for full and sym students; adam milestones need gamma', () => {
    const flow = (spec: ExtrapolationSpec, method: string, training = spec.training) => ({ ...spec, training, optim: { kind: 'flow', method } });
    expect(issues(flow(base, 'auto'))).toEqual([]);
    expect(issues(flow(base, 'rodas4', { k: 10, loss: 'empirical', empirical: { N: 1000, fresh: false } }))).toEqual([]);
    expect(first(flow(base, 'auto', { k: 10, loss: 'empirical', empirical: { N: 100, fresh: true } }))).toBe(
      'optim.kind: gradient flow needs a fixed loss: a population loss or a fixed empirical dataset (training.empirical.fresh = false)',
    );
    expect(issues(flow(full, 'dopri5'))).toEqual([]);
    expect(first(flow(full, 'auto'))).toBe('optim.method: gradient flow on a full student needs method dopri5 (it has no closed-form Hessian)');
    expect(first({ ...full, student: { ...full.student, param: 'sym' }, optim: { kind: 'flow', method: 'rodas4' } })).toBe(
      'optim.method: gradient flow on a sym student needs method dopri5 (it has no closed-form Hessian)',
    );
    expect(first({ ...base, optim: { kind: 'adaptive-gd', lr: 0.1 } })).toMatch(/^optim\.kind: /);
    expect(first({ ...base, optim: { kind: 'gd', lr: 0 } })).toBe('optim.lr: learning rate must be positive');
    expect(first({ ...base, optim: { ...base.optim, milestones: [100, 50], gamma: 0.1 } })).toBe('optim.milestones: adam milestones must increase');
    expect(first({ ...base, optim: { ...base.optim, milestones: [100] } })).toBe('optim.gamma: adam milestones need gamma (the factor applied to the learning rate at each)');
    expect(first({ ...base, optim: { ...base.optim, gamma: 0.1 } })).toBe('optim.gamma: adam gamma needs milestones (the steps at which the learning rate is multiplied by gamma)');
    expect(first({ ...base, optim: { ...base.optim, epsPlacement: 'keras' } })).toMatch(/^optim\.epsPlacement: /);
  });

  it('stop and record bounds', () => {
    expect(first({ ...base, stop: { ...base.stop, maxSteps: 2e6 } })).toBe('stop.maxSteps: stop.maxSteps must be at most 1000000');
    expect(first({ ...base, record: { every: 0, perDecade: 40 } })).toBe('record.every: record.every must be at least 1');
  });

  it('sweeps: seeds up to 20, at most 2,000 runs, ks below H, no value twice, valid teachers', () => {
    const seeds = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(issues(withUi({ sweep: { kind: 'k', ks: [2, 3], seeds: seeds(20) } }))).toEqual([]);
    expect(first(withUi({ sweep: { kind: 'k', ks: [2, 3], seeds: seeds(21) } }))).toBe('ui.sweep.seeds: sweep seeds has more than 20 entries');
    expect(first(withUi({ sweep: { kind: 'k', ks: [], seeds: [0] } }))).toBe('ui.sweep.ks: sweep ks must not be empty');
    expect(first(withUi({ sweep: { kind: 'k', ks: [2, 50], seeds: [0] } }))).toBe('ui.sweep.ks.1: sweep k = 50 must be below the horizon H = 50');
    expect(first(withUi({ sweep: { kind: 'k', ks: [2, 2], seeds: [0] } }))).toBe('ui.sweep.ks.1: 2 is listed twice');
    expect(first(withUi({ sweep: { kind: 'k', ks: [2], seeds: [4, 4] } }))).toBe('ui.sweep.seeds.1: 4 is listed twice');
    expect(first(withUi({ sweep: { kind: 'k', ks: [2], seeds: [2_000_000] } }))).toBe('ui.sweep.seeds.0: sweep seed must be at most 1000000');
    // 40 sigmas x 5 ks x 10 seeds = 2000 runs is the limit.
    const sigmas = (n: number) => Array.from({ length: n }, (_, i) => 1e-4 * (i + 1));
    const hi = { ...base, eval: { ...base.eval, H: 100 } };
    expect(issues(withUi({ sweep: { kind: 'sigma', sigmas: sigmas(40), seeds: seeds(10), ks: [2, 3, 4, 5, 6] } }, hi))).toEqual([]);
    expect(first(withUi({ sweep: { kind: 'sigma', sigmas: sigmas(41), seeds: seeds(10), ks: [2, 3, 4, 5, 6] } }, hi))).toBe('ui.sweep: asks for 2050 runs, more than 2000');
    expect(first(withUi({ sweep: { kind: 'k', ks: Array.from({ length: 99 }, (_, i) => i + 1), seeds: seeds(20), teachers: [base.teacher, base.teacher] } }, hi))).toBe(
      'ui.sweep: asks for 3960 runs, more than 2000',
    );
    expect(first(withUi({ sweep: { kind: 'sigma', sigmas: [1e-3, 2], seeds: [0] } }))).toBe('ui.sweep.sigmas.1: sweep sigma must be at most 1');
    expect(first(withUi({ sweep: { kind: 'sigma', sigmas: [1e-3, 1e-3], seeds: [0] } }))).toBe('ui.sweep.sigmas.1: 0.001 is listed twice');
    expect(first(withUi({ sweep: { kind: 'k', ks: [2], seeds: [0], teachers: [{ kind: 'atoms', lambda: [0.5], p: [0.5, 0.5] }] } }))).toBe(
      'ui.sweep.teachers.0.p: has 2 entries but lambda has 1',
    );
    expect(first(withUi({ sweep: { kind: 'grid', ks: [2], seeds: [0] } }))).toMatch(/^ui\.sweep\.kind: /);
    expect(first(withUi({ overlay: { ks: [10, 60] } }))).toBe('ui.overlay.ks.1: overlay k = 60 must be below the horizon H = 50');
    expect(first(withUi({ preset: 'x'.repeat(41) }))).toBe('ui.preset: ui.preset is longer than 40 characters');
  });
});
