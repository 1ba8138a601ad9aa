import * as z from 'zod';
import { bounded, int, optimSchema, positive, recordSchema, seedSchema, stopDefault, stopSchema, vector, versionSchema, once } from '../../experiment/common';
import type { SpecIssue } from '../../experiment/issues';
import { COS20, SIN20 } from '../../engine/stability/start-direction';

function buildStabilitySpecSchema() {
  /** Initialisation of the Stability lab (paper 004): explicit vectors, or a seeded draw with a structure (d > 1). */
  const initSchema = z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('explicit'),
      a: vector('initial a', 64),
      b: vector('initial b', 64),
    }),
    z.strictObject({
      kind: z.literal('random'),
      scale: positive('init scale', 100),
      /** gaussian: a, b ~ N(0, scale^2/d); orthogonal: a orthogonal to b; balanced: a = b + noise; anti: a = -b + noise. */
      structure: z.enum(['gaussian', 'orthogonal', 'balanced', 'anti']).default('gaussian'),
    }),
  ]);

  const range = (what: string) => z.tuple([bounded(`${what} lower end`, -1e4, 1e4), bounded(`${what} upper end`, -1e4, 1e4)]);

  /** What the page shows (part of the link, not of the run). */
  const uiSchema = z.strictObject({
    preset: z.string().max(40).optional(),
    view: z.strictObject({ x: range('view a'), y: range('view b') }).optional(),
    gf: z.boolean().default(true),
    circle: z.boolean().default(true),
    hyperbolas: z.boolean().default(false),
    /** A second d = 1 start run with the same eta, Phi and stop rule, for comparison (shift-click on the landscape). */
    compare: z.strictObject({ a: bounded('second start a', -1e3, 1e3), b: bounded('second start b', -1e3, 1e3) }).optional(),
  });

  return z.strictObject({
    v: versionSchema(),
    lab: z.literal('stability'),
    seed: seedSchema().default(0),
    model: z.strictObject({
      /** Target slope of the reduced loss (1/2)(a^T b - Phi)^2. */
      phi: positive('Phi', 1e3).default(1),
      d: int('hidden width d', 1, 64).default(1),
      /**
       * Data mode (lab spec Sec. 2.1, 4): GD with step eta on Lbar = (1/(2n)) sum (a^T b x_i - y_i)^2 = s L + Const.
       * Phi must then be |sum x y / sum x^2| and the run uses eta_eff = s eta (see dataFit).
       */
      data: z.strictObject({ x: vector('data x', 64), y: vector('data y', 64) }).optional(),
    }),
    init: initSchema,
    /** GD with lr = eta is the lab's method; gradient flow runs as the real ODE solution. */
    optim: optimSchema(),
    /** lossBelow = tol^2 / 2 (converged when |eps| < tol). */
    stop: stopSchema().default({ ...stopDefault, lossBelow: 5e-25, maxSteps: 1e5 }),
    record: recordSchema().default({ every: 1, perDecade: 40 }),
    ui: uiSchema.default({ gf: true, circle: true, hyperbolas: false }),
  });
}

/** Built on first use, not when the app loads: building every lab's schemas was a third of the first task. */
export const stabilitySpecSchema = once(buildStabilitySpecSchema);

export type StabilitySpec = z.output<ReturnType<typeof buildStabilitySpecSchema>>;

/** Constraints between fields of a stability spec. */
export function stabilityCrossIssues(spec: StabilitySpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const { d } = spec.model;
  if (spec.init.kind === 'explicit') {
    for (const key of ['a', 'b'] as const) {
      const v = spec.init[key];
      if (v.length !== d) issues.push({ field: `init.${key}`, message: `has ${v.length} entries but d is ${d}` });
    }
  }
  const data = spec.model.data;
  if (data) {
    const fit = dataFit(data);
    if (data.x.length !== data.y.length) issues.push({ field: 'model.data.y', message: `has ${data.y.length} entries but x has ${data.x.length}` });
    else if (!(fit.s > 0)) issues.push({ field: 'model.data.x', message: 'needs some x_i != 0' });
    else if (!(fit.phi !== 0)) issues.push({ field: 'model.data.y', message: 'gives Phi = sum x y / sum x^2 = 0 (no slope to fit)' });
    else if (!(Math.abs(spec.model.phi - Math.abs(fit.phi)) <= 1e-12 * Math.abs(fit.phi)))
      issues.push({ field: 'model.phi', message: `must be |sum x y / sum x^2| = ${Math.abs(fit.phi)} of the data` });
  }
  const v = spec.ui.view;
  if (v) {
    if (!(v.x[1] > v.x[0])) issues.push({ field: 'ui.view.x', message: 'the upper end must exceed the lower end' });
    if (!(v.y[1] > v.y[0])) issues.push({ field: 'ui.view.y', message: 'the upper end must exceed the lower end' });
  }
  return issues;
}

/**
 * Lemma 3 (lab spec Sec. 2.1): Lbar = s L + Const with s = mean x^2, Phi = sum x y / sum x^2 (signed: the lab runs
 * |Phi|, i.e. shows a' = -a when Phi < 0), Const = (1/(2n)) (sum y^2 - (sum x y)^2 / sum x^2).
 */
export function dataFit(data: { x: number[]; y: number[] }): { n: number; s: number; phi: number; konst: number } {
  const n = Math.min(data.x.length, data.y.length);
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    xx += data.x[i] * data.x[i];
    xy += data.x[i] * data.y[i];
    yy += data.y[i] * data.y[i];
  }
  return { n, s: xx / n, phi: xy / xx, konst: xx > 0 ? Math.max(0, yy - (xy * xy) / xx) / (2 * n) : NaN };
}

/** GD's step on the reduced loss L: eta_eff = s eta in data mode, eta otherwise. */
export function etaEffOf(spec: StabilitySpec): number {
  const lr = spec.optim.kind === 'flow' ? 0.01 : spec.optim.lr;
  return spec.model.data ? dataFit(spec.model.data).s * lr : lr;
}

/** Tolerance on |eps| of a spec (stop.lossBelow = tol^2 / 2). */
export const tolOf = (spec: StabilitySpec) => Math.sqrt(2 * spec.stop.lossBelow);
export const lossBelowOf = (tol: number) => (tol * tol) / 2;

// ---------------------------------------------------------------------------------------------------------------
// Presets (lab spec Sec. 5); Phi = 1, d = 1 unless stated.

/**
 * What a sweep preset opens in the Sweeps panel (its row's a, b, eta, tol are the experiment shown above it):
 * trade-off runs varying eta from the experiment's start, or the start at the experiment's eta; the eta sweep; the
 * Figure 3 grid (its own protocol); the bifurcation diagram.
 */
export type StabilitySweepDef =
  | { tab: 'tradeoff'; vary: 'eta'; etas: number[] }
  | { tab: 'tradeoff'; vary: 'init'; starts: [number, number][] }
  | { tab: 'eta'; n: number }
  | { tab: 'fig3'; nSigma: number; nEta: number }
  | { tab: 'bif'; nEta: number; burnIn: number };

export interface StabilityPresetRow {
  id: string;
  title: string;
  description: string;
  a: number[];
  b: number[];
  eta: number;
  tol?: number;
  maxSteps?: number;
  phi?: number;
  /** Second start for comparison (ui.compare). */
  compare?: [number, number];
  /** A sweep preset: the experiment is its base run, the sweep opens in the Sweeps panel. */
  sweep?: StabilitySweepDef;
}

export const STABILITY_PRESET_ROWS: StabilityPresetRow[] = [
  {
    id: 'S-ref',
    title: 'Reference: GD flatter than GF',
    description: 'From (2, 0.3) with η = 0.1: 47 steps to λ = 4.3834, below gradient flow’s R = 4.3918.',
    a: [2],
    b: [0.3],
    eta: 0.1,
  },
  {
    id: 'S-gdgf',
    title: 'Small step: GD ≈ GF',
    description: 'η = 0.01: GD tracks gradient flow and ends only slightly flatter (4.391141 vs 4.391822).',
    a: [2],
    b: [0.3],
    eta: 0.01,
    tol: 1e-8,
  },
  { id: 'S-fig1', title: 'Figure 1: tangent steps', description: 'η = 0.3: each GD step lands on an inner hyperbola a² − b² = Q(t).', a: [2], b: [0.3], eta: 0.3 },
  {
    id: 'S-beyond',
    title: 'Beyond 2/R: converges anyway',
    description: 'η = 0.5: the GF minimum (R = 4.39) is unstable (2/η = 4); GD moves to λ = 3.367.',
    a: [2],
    b: [0.3],
    eta: 0.5,
  },
  { id: 'S-flip', title: 'Imbalance flips sign', description: 'η = 0.8: η|ε| > 1 at a step, Q changes sign (ratio −0.2345), λ = 2.2002.', a: [2], b: [0.3], eta: 0.8, tol: 1e-8 },
  { id: 'S-div1', title: 'Divergence', description: 'η = 0.9 from (2, 0.3): |ε| > 1e8 at step 12.', a: [2], b: [0.3], eta: 0.9 },
  { id: 'S-regC', title: 'Start in region C', description: 'From (1, −0.5), η = 0.3: 34 steps, λ = 2.0534 (R = 2.1360).', a: [1], b: [-0.5], eta: 0.3 },
  { id: 'S-eos-slow', title: 'Slow edge of stability', description: 'From (1, −0.5), η = 0.99: 1608 steps, λ = 2.0102 just under 2/η.', a: [1], b: [-0.5], eta: 0.99, tol: 1e-8 },
  {
    id: 'S-saddle',
    title: 'Small init: saddle escape',
    description: 'From (0.01, 0.001), η = 0.2: long escape, ends almost perfectly balanced (λ ≈ 2).',
    a: [0.01],
    b: [0.001],
    eta: 0.2,
  },
  {
    id: 'S-d2',
    title: 'd = 2 (exact reduction)',
    description: 'a = (1, 0), b = (0, 1), η = 0.25: λ = 2.7168 vs R = 2√2; shown in its exact (a, b)-plane embedding.',
    a: [1, 0],
    b: [0, 1],
    eta: 0.25,
  },
  { id: 'S-catapult', title: 'Catapult', description: 'From (3, 0.1), η = 0.3: R = 9.21 ≫ 2/η = 6.67; GD is thrown to λ = 2.707 in 22 steps.', a: [3], b: [0.1], eta: 0.3 },
  { id: 'S-div2', title: 'Catapult fails: divergence', description: 'From (3, 0.1), η = 0.5: diverges at step 6.', a: [3], b: [0.1], eta: 0.5 },
  { id: 'S-osc', title: 'Oscillating convergence', description: 'From (2.5, 0.05), η = 0.32: λ = 4.8986 (R = 6.56, 2/η = 6.25).', a: [2.5], b: [0.05], eta: 0.32 },
  {
    id: 'S-unstable-min',
    title: 'Next to an unstable minimum',
    description: 'From (3.001, 1/3), η = 0.23: oscillation grows, then 334 steps to λ = 8.2504, 0.445 below 2/η.',
    a: [3.001],
    b: [1 / 3],
    eta: 0.23,
  },
  {
    id: 'S-cycle',
    title: 'Balanced 2-cycle (ηΦ > 1)',
    description: 'η = 1.1: no minimum is stable; λ alternates 2.4912 / 1.3270, a − b → 0.',
    a: [1.2],
    b: [0.8],
    eta: 1.1,
    maxSteps: 20000,
  },
  { id: 'S-chaos', title: 'Chaos (ηΦ = 1.5)', description: 'Bounded aperiodic orbit on the balanced line.', a: [0.5], b: [0.3], eta: 1.5, maxSteps: 20000 },
  {
    id: 'S-trap',
    title: 'Trap: lands on a = −b',
    description: 'From (3, 2), η = 0.2: ηε₀ = 1, one step to (1, −1) exactly, then to the saddle.',
    a: [3],
    b: [2],
    eta: 0.2,
    maxSteps: 2000,
  },
  {
    id: 'S-balanced-hit',
    title: 'Lands on a = b',
    description: 'From (4, −1), η = 0.2: ηε₀ = −1, one step to (3, 3), converges to (−1, −1), λ = 2 (flattest).',
    a: [4],
    b: [-1],
    eta: 0.2,
  },
  {
    id: 'S-flip-boundary',
    title: 'ηΦ = 1 exactly',
    description: 'From (0.7, 0.69), η = 1: sublinear convergence, |ε_t| ∝ t^(−1/2) (not 1/t as the paper says).',
    a: [0.7],
    b: [0.69],
    eta: 1,
    maxSteps: 100000,
  },
  {
    id: 'S-thm1-lower',
    title: 'Theorem 1 lower bound fails',
    description: 'From (0.01, 0.001), η = 0.1: Q ratio 0.60828 is below the claimed lower bound 0.72890.',
    a: [0.01],
    b: [0.001],
    eta: 0.1,
    tol: 1e-8,
  },
  {
    id: 'S-lemma1',
    title: 'Lemma 1 counterexample',
    description: 'From (−0.26904, −1.44695), η = 0.67118: |ε| decreases, yet λ(1) = 3.1683 > λ̄ = 2.9482.',
    a: [-0.26904],
    b: [-1.44695],
    eta: 0.67118,
  },
  // Sweep presets (Sec. 5, worker pool): the row is the experiment shown, `sweep` what the Sweeps panel runs.
  {
    id: 'S-tradeoff-init',
    title: 'Trade-off: smaller start',
    description: 'η = 0.1, starts (0.1, 0.05) and (0.01, 0.001), tol 1e-8: 110 steps / Q ratio 0.80098 vs 138 steps / 0.60828 — the smaller start is slower and more regularised.',
    a: [0.01],
    b: [0.001],
    eta: 0.1,
    tol: 1e-8,
    compare: [0.1, 0.05],
    sweep: {
      tab: 'tradeoff',
      vary: 'init',
      starts: [
        [0.1, 0.05],
        [0.01, 0.001],
      ],
    },
  },
  {
    id: 'S-tradeoff-eta',
    title: 'Trade-off: step size',
    description: 'From (0.01, 0.001), η ∈ {0.05, 0.2, 0.5, 0.8, 0.99}, tol 1e-8: steps 282, 65, 17, 42, 698 — faster and more regularised up to ηλ∞ = 1, a trade-off beyond.',
    a: [0.01],
    b: [0.001],
    eta: 0.5,
    tol: 1e-8,
    sweep: { tab: 'tradeoff', vary: 'eta', etas: [0.05, 0.2, 0.5, 0.8, 0.99] },
  },
  {
    id: 'S-sweep',
    title: 'Sweep η from (2, 0.3)',
    description: '400 step sizes from 1e-3 to 1.2: λ∞ ≤ min(R, 2/η) wherever GD converges; converges below η = 0.90, diverges from 0.903 on.',
    a: [2],
    b: [0.3],
    eta: 0.1,
    sweep: { tab: 'eta', n: 400 },
  },
  {
    id: 'S-fig3',
    title: 'Figure 3 stand-in',
    description: 'Q(T)/Q(0), steps, final λ and outcome over 100 init scales σ × 120 step sizes (the lab’s protocol; the paper gives none). Shown above: σ = 1, η = 0.5.',
    a: [COS20],
    b: [SIN20],
    eta: 0.5,
    tol: 1e-6,
    maxSteps: 20000,
    sweep: { tab: 'fig3', nSigma: 100, nEta: 120 },
  },
  {
    id: 'S-bif',
    title: 'Bifurcation diagram (a = b)',
    description:
      'λ after a 1e5-step burn-in for 2000 values of ηΦ in [0.8, 2.05]: fixed point, 2-cycle, period 4 near 1.24, chaos with a period-3 window at 1.7. Shown above: ηΦ = 1.7.',
    a: [0.7],
    b: [0.7],
    eta: 1.7,
    maxSteps: 20000,
    sweep: { tab: 'bif', nEta: 2000, burnIn: 100000 },
  },
];

/** The row of a sweep preset, or undefined (single-run presets and custom experiments). */
export const sweepPresetRow = (id: string | undefined) => (id ? STABILITY_PRESET_ROWS.find((r) => r.id === id && r.sweep) : undefined);

export function stabilitySpecFromRow(r: StabilityPresetRow): StabilitySpec {
  const d = r.a.length;
  const tol = r.tol ?? 1e-12;
  return {
    v: 1,
    lab: 'stability',
    seed: 0,
    model: { phi: r.phi ?? 1, d },
    init: { kind: 'explicit', a: [...r.a], b: [...r.b] },
    optim: { kind: 'gd', lr: r.eta },
    stop: { ...stopDefault, lossBelow: lossBelowOf(tol), maxSteps: r.maxSteps ?? 100000 },
    record: { every: 1, perDecade: 40 },
    ui: { preset: r.id, gf: true, circle: true, hyperbolas: r.id === 'S-fig1', ...(r.compare ? { compare: { a: r.compare[0], b: r.compare[1] } } : {}) },
  };
}

export const STABILITY_DEFAULT_PRESET = 'S-ref';
