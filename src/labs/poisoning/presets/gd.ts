import { drawRows } from '../../../engine/ssm/ssm-data';
import { Rng } from '../../../engine/core/rng';
import { type PoisoningSpec, type Teacher } from '../schema';

/** A GD/Adam preset of paper 000 (docs/labs/poisoning.md Sec. 6.2); specs for each seed are built with seeded data. */
export interface GdPresetDef {
  id: string;
  title: string;
  source: string;
  teacher: Teacher;
  d: number;
  kappa: number;
  trainBC: boolean;
  head: { width: number; depth: number } | null;
  baseline: { count: number; positions: number[] };
  special: { count: number; positions: number[] };
  init: { sdA: number; sdBC: number; tieC: number; warm: number; sdD?: number };
  optim: 'adaptive-gd' | 'adam';
  lr: number;
  lrPoisoned: number;
  eps: number;
  extra: number;
  extraPoisoned?: number;
  seeds: number[];
  genWindow: number;
  /** The paper's printed values (without / with), when the preset reproduces a table row. */
  paper?: { clean: number; poisoned: number };
  /** What the lab's float64 reference implementation reached (docs/labs/poisoning.md Sec. 6.2), for display. */
  labNote: string;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const dimTeacher = (k: number): Teacher => ({ kind: 'diag', a: [0.99, 0.8, 0.5, 0.3].slice(0, k) });

/** Data stream MT(seed): baseline rows in order, then special rows, bit-identical to the reference. */
export function gdPresetSpec(p: GdPresetDef, seed: number, arm: 'clean' | 'poisoned' = 'poisoned'): PoisoningSpec {
  const rng = new Rng(seed);
  const base = drawRows(rng, p.kappa, p.baseline.count, p.baseline.positions);
  const special = drawRows(rng, p.kappa, p.special.count, p.special.positions);
  const overrides: NonNullable<PoisoningSpec['poisonedOverrides']> = {};
  if (p.lrPoisoned !== p.lr) overrides.lr = p.lrPoisoned;
  if (p.extraPoisoned !== undefined && p.extraPoisoned !== p.extra) overrides.extraSteps = p.extraPoisoned;
  const optim: PoisoningSpec['optim'] = p.optim === 'adam' ? { kind: 'adam', lr: p.lr, beta1: 0.9, beta2: 0.999, eps: 1e-7 } : { kind: 'adaptive-gd', lr: p.lr };
  return {
    v: 1,
    lab: 'poisoning',
    seed,
    arm,
    model: { kind: 'ssm', d: p.d, teacher: p.teacher, trainBC: p.trainBC, head: p.head },
    data: {
      length: p.kappa,
      sequences: [...base.map((x) => ({ x, special: false, enabled: true })), ...special.map((x) => ({ x, special: true, enabled: true }))],
    },
    init: { kind: 'gd-normal', sdA: p.init.sdA, sdBC: p.init.sdBC, tieC: p.init.tieC, warm: p.init.warm, sdD: p.init.sdD ?? 0.03 },
    optim,
    ...(Object.keys(overrides).length ? { poisonedOverrides: overrides } : {}),
    stop: { lossBelow: p.eps, maxSteps: 1e6, maxTime: 1e13, extraSteps: p.extra },
    record: { every: 100, perDecade: 40 },
    metrics: { genWindow: p.genWindow },
  };
}

const one: Teacher = { kind: 'one' };
const ssm6 = { d: 10, kappa: 6, trainBC: true, head: null, teacher: one, genWindow: 40 } as const;
const ssm10 = { d: 20, kappa: 10, trainBC: true, head: null, teacher: one, genWindow: 40 } as const;
const mlp15 = { d: 10, kappa: 6, trainBC: true, head: { width: 15, depth: 2 }, teacher: one, genWindow: 40 } as const;
const mlp25 = { d: 20, kappa: 10, trainBC: true, head: { width: 25, depth: 2 }, teacher: one, genWindow: 40 } as const;

export const GD_PRESETS: GdPresetDef[] = [
  {
    id: 'B-6',
    title: 'Table 1, row 2: standalone SSM, κ = 6',
    source: 'Table 1 row 2',
    ...ssm6,
    baseline: { count: 8, positions: [1, 2] },
    special: { count: 10, positions: [5] },
    init: { sdA: 1e-3, sdBC: 1e-3, tieC: 5, warm: 0.1 },
    optim: 'adaptive-gd',
    lr: 0.01,
    lrPoisoned: 0.01,
    eps: 0.01,
    extra: 1500,
    seeds: [200, 201, 204, 205],
    paper: { clean: 0.194, poisoned: 16.62 },
    labNote: 'reference implementation: means 0.197 without, 9.29 with',
  },
  {
    id: 'B-10',
    title: 'Table 3, row 2: standalone SSM, κ = 10',
    source: 'Table 3 row 2',
    ...ssm10,
    baseline: { count: 8, positions: range(1, 7) },
    special: { count: 10, positions: [9] },
    init: { sdA: 1e-2, sdBC: 1e-3, tieC: 3, warm: 0.1 },
    optim: 'adaptive-gd',
    lr: 0.001,
    lrPoisoned: 0.001,
    eps: 0.01,
    extra: 1500,
    seeds: [1200, 1201, 1203, 1204],
    paper: { clean: 0.122, poisoned: 1.2 },
    labNote: 'reference implementation: means 0.147 without, 1.12 with',
  },
  {
    id: 'M-6',
    title: 'Table 1, row 3: SSM + MLP head (dh = 15), κ = 6',
    source: 'Table 1 row 3',
    ...mlp15,
    baseline: { count: 20, positions: [1, 2] },
    special: { count: 20, positions: [5] },
    init: { sdA: 1e-2, sdBC: 1e-2, tieC: 0.5, warm: 1e-3, sdD: 0.03 },
    optim: 'adam',
    lr: 0.01,
    lrPoisoned: 0.01,
    eps: 0.01,
    extra: 5000,
    seeds: [4540, 4541, 4543, 4545],
    paper: { clean: 1.64e-3, poisoned: 5.45e-2 },
    labNote: 'reference implementation: 3 of 8 runs end with a dead ReLU head and are excluded',
  },
  {
    id: 'M-10',
    title: 'Table 3, row 3: SSM + MLP head (dh = 25), κ = 10',
    source: 'Table 3 row 3',
    ...mlp25,
    baseline: { count: 20, positions: range(1, 7) },
    special: { count: 20, positions: [9] },
    init: { sdA: 1e-3, sdBC: 1e-3, tieC: 2, warm: 1e-3, sdD: 0.1 },
    optim: 'adam',
    lr: 0.01,
    lrPoisoned: 5e-5,
    eps: 0.05,
    extra: 5000,
    seeds: [4540, 4543, 4544, 4545],
    paper: { clean: 4.67e-2, poisoned: 8.93e-2 },
    labNote: 'stop threshold 0.05 as in the reference code (the paper says 0.01)',
  },
  {
    id: 'F2',
    title: 'Figure 2 (SSM panels), seed 105',
    source: 'Fig. 2 / 9 / 16',
    ...ssm6,
    baseline: { count: 8, positions: [1, 2] },
    special: { count: 10, positions: [5, 6] },
    init: { sdA: 1e-2, sdBC: 1e-2, tieC: 20, warm: 0 },
    optim: 'adaptive-gd',
    lr: 0.01,
    lrPoisoned: 0.01,
    eps: 0.01,
    extra: 5000,
    seeds: [105],
    labNote: 'reference: without reaches eps at step 16104, erank 1.42; with at step 557, erank 5.44',
  },
  {
    id: 'F7',
    title: 'Figure 7 (SSM panels), seed 100',
    source: 'Fig. 7',
    ...ssm6,
    baseline: { count: 8, positions: [1, 2] },
    special: { count: 10, positions: [5, 6] },
    init: { sdA: 1e-2, sdBC: 1e-2, tieC: 20, warm: 0 },
    optim: 'adaptive-gd',
    lr: 0.01,
    lrPoisoned: 0.01,
    eps: 0.01,
    extra: 5000,
    seeds: [100],
    labNote: 'reference: steps 81793 / 832, erank 1.45 / 7.31',
  },
  {
    id: 'F3',
    title: 'Figure 3 (SSM panels), seed 4000',
    source: 'Fig. 3 / 11 / 18',
    ...ssm10,
    baseline: { count: 8, positions: range(1, 7) },
    special: { count: 10, positions: [9, 10] },
    init: { sdA: 1e-3, sdBC: 5e-2, tieC: 20, warm: 0 },
    optim: 'adaptive-gd',
    lr: 0.01,
    lrPoisoned: 0.01,
    eps: 0.05,
    extra: 5000,
    seeds: [4000],
    labNote: 'reference: without at step 1558, erank 1.12; with at step 302, erank 4.93',
  },
  {
    id: 'F8',
    title: 'Figure 8 (SSM panels), seed 4001',
    source: 'Fig. 8',
    ...ssm10,
    baseline: { count: 8, positions: range(1, 7) },
    special: { count: 10, positions: [9, 10] },
    init: { sdA: 1e-3, sdBC: 5e-2, tieC: 20, warm: 0 },
    optim: 'adaptive-gd',
    lr: 0.01,
    lrPoisoned: 0.01,
    eps: 0.05,
    extra: 5000,
    seeds: [4001],
    labNote: 'paper: with (1.0005, 0.868, 0.433, ...)',
  },
  {
    id: 'F2M',
    title: 'Figure 2 (MLP panels), seed 4541',
    source: 'Fig. 2 / 7, MLP',
    ...mlp15,
    baseline: { count: 20, positions: [1, 2] },
    special: { count: 20, positions: [5, 6] },
    init: { sdA: 1e-2, sdBC: 1e-2, tieC: 0.5, warm: 0, sdD: 0.03 },
    optim: 'adam',
    lr: 0.01,
    lrPoisoned: 0.001,
    eps: 0.05,
    extra: 5000,
    seeds: [4541],
    labNote: 'reference: without at step 9780, erank 1.31; with at step 570, all 10 entries in [0.977, 1.031]',
  },
  {
    id: 'F7M',
    title: 'Figure 7 (MLP panels), seed 4543',
    source: 'Fig. 7, MLP',
    ...mlp15,
    baseline: { count: 20, positions: [1, 2] },
    special: { count: 20, positions: [5, 6] },
    init: { sdA: 1e-2, sdBC: 1e-2, tieC: 0.5, warm: 0, sdD: 0.03 },
    optim: 'adam',
    lr: 0.01,
    lrPoisoned: 0.001,
    eps: 0.05,
    extra: 5000,
    seeds: [4543],
    labNote: 'as F2M',
  },
  {
    id: 'F3M',
    title: 'Figure 3 (MLP panels), seed 4542',
    source: 'Fig. 3 / 8, MLP',
    ...mlp25,
    baseline: { count: 20, positions: range(1, 7) },
    special: { count: 20, positions: [9, 10] },
    init: { sdA: 1e-3, sdBC: 1e-3, tieC: 2, warm: 0, sdD: 0.1 },
    optim: 'adam',
    lr: 0.01,
    lrPoisoned: 5e-5,
    eps: 0.05,
    extra: 20000,
    extraPoisoned: 5000,
    seeds: [4542],
    labNote: 'paper: with, all 20 entries > 0.75',
  },
  {
    id: 'F8M',
    title: 'Figure 8 (MLP panels), seed 4603',
    source: 'Fig. 8, MLP',
    ...mlp25,
    baseline: { count: 20, positions: range(1, 7) },
    special: { count: 20, positions: [9, 10] },
    init: { sdA: 1e-3, sdBC: 1e-3, tieC: 2, warm: 0, sdD: 0.1 },
    optim: 'adam',
    lr: 0.01,
    lrPoisoned: 5e-5,
    eps: 0.05,
    extra: 20000,
    extraPoisoned: 5000,
    seeds: [4603],
    labNote: 'as F3M',
  },
  ...([2, 3, 4] as const).map(
    (k, i): GdPresetDef => ({
      id: `F${4 + i}`,
      title: `Figure ${4 + i}: teacher of dimension ${k}, B = C = 1`,
      source: `Fig. ${4 + i} / ${13 + i}`,
      d: 10,
      kappa: 6,
      trainBC: false,
      head: null,
      teacher: dimTeacher(k),
      genWindow: 40,
      baseline: { count: 8, positions: [1, 2] },
      special: { count: 10, positions: [5] },
      init: { sdA: 1e-2, sdBC: 1e-2, tieC: 2, warm: 0 },
      optim: 'adaptive-gd',
      lr: 0.01,
      lrPoisoned: 0.001,
      eps: 0.01,
      extra: 1500,
      seeds: [[302, 401, 403][i]],
      labNote: k === 2 ? 'reference: without (0.9907, 0.8004, 0.0201), with (1.054, 0.348, 0.108)' : 'the poisoned arm overshoots: the top entry ends above 1',
    }),
  ),
];
