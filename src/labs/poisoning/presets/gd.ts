import { drawRows } from '../../../engine/ssm/ssm-data';
import { Rng } from '../../../engine/core/rng';
import type { PoisoningSpec, Teacher } from '../schema';

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
/** Rows of a data set: how many, and the positions (1-based) their one nonzero entry may take (drawRows). */
const rows = (count: number, positions: number[]) => ({ count, positions });
// The paper's two sizes (κ = 6 with d = 10, κ = 10 with d = 20), standalone or with an MLP head, and their clean rows.
const ssm6 = { d: 10, kappa: 6, trainBC: true, head: null, teacher: one, genWindow: 40, baseline: rows(8, [1, 2]) } as const;
const ssm10 = { d: 20, kappa: 10, trainBC: true, head: null, teacher: one, genWindow: 40, baseline: rows(8, range(1, 7)) } as const;
const mlp15 = { d: 10, kappa: 6, trainBC: true, head: { width: 15, depth: 2 }, teacher: one, genWindow: 40, baseline: rows(20, [1, 2]) } as const;
const mlp25 = { d: 20, kappa: 10, trainBC: true, head: { width: 25, depth: 2 }, teacher: one, genWindow: 40, baseline: rows(20, range(1, 7)) } as const;
/** The optimiser and its step size (without poison, and with it when the paper lowers it for the poisoned arm). */
const gd = (lr: number, lrPoisoned = lr) => ({ optim: 'adaptive-gd', lr, lrPoisoned }) as const;
const adam = (lr: number, lrPoisoned = lr) => ({ optim: 'adam', lr, lrPoisoned }) as const;

/** How a preset trains: everything but its name, seeds and notes. */
type Recipe = Omit<GdPresetDef, 'id' | 'title' | 'source' | 'seeds' | 'paper' | 'labNote'>;

/** One recipe per table row, and one per pair of figures (a figure and its companion differ only in the seed). */
const RECIPES = {
  table1Ssm: { ...ssm6, special: rows(10, [5]), init: { sdA: 1e-3, sdBC: 1e-3, tieC: 5, warm: 0.1 }, ...gd(0.01), eps: 0.01, extra: 1500 },
  table3Ssm: { ...ssm10, special: rows(10, [9]), init: { sdA: 1e-2, sdBC: 1e-3, tieC: 3, warm: 0.1 }, ...gd(0.001), eps: 0.01, extra: 1500 },
  table1Mlp: { ...mlp15, special: rows(20, [5]), init: { sdA: 1e-2, sdBC: 1e-2, tieC: 0.5, warm: 1e-3, sdD: 0.03 }, ...adam(0.01), eps: 0.01, extra: 5000 },
  table3Mlp: { ...mlp25, special: rows(20, [9]), init: { sdA: 1e-3, sdBC: 1e-3, tieC: 2, warm: 1e-3, sdD: 0.1 }, ...adam(0.01, 5e-5), eps: 0.05, extra: 5000 },
  figure2Ssm: { ...ssm6, special: rows(10, [5, 6]), init: { sdA: 1e-2, sdBC: 1e-2, tieC: 20, warm: 0 }, ...gd(0.01), eps: 0.01, extra: 5000 },
  figure3Ssm: { ...ssm10, special: rows(10, [9, 10]), init: { sdA: 1e-3, sdBC: 5e-2, tieC: 20, warm: 0 }, ...gd(0.01), eps: 0.05, extra: 5000 },
  figure2Mlp: { ...mlp15, special: rows(20, [5, 6]), init: { sdA: 1e-2, sdBC: 1e-2, tieC: 0.5, warm: 0, sdD: 0.03 }, ...adam(0.01, 0.001), eps: 0.05, extra: 5000 },
  figure3Mlp: {
    ...mlp25,
    special: rows(20, [9, 10]),
    init: { sdA: 1e-3, sdBC: 1e-3, tieC: 2, warm: 0, sdD: 0.1 },
    ...adam(0.01, 5e-5),
    eps: 0.05,
    extra: 20000,
    extraPoisoned: 5000,
  },
} satisfies Record<string, Recipe>;

/**
 * A "per GD / Adam" row of paper 000's Table 1 (κ = 6) or Table 3 (κ = 10): row 2 is the standalone SSM, row 3 the SSM
 * with an MLP head; four seeds and the paper's printed means.
 */
function tableRow(id: string, r: Recipe, seeds: number[], paper: { clean: number; poisoned: number }, labNote: string): GdPresetDef {
  const table = r.kappa === 6 ? 1 : 3;
  const row = r.head ? 3 : 2;
  const model = r.head ? `SSM + MLP head (dh = ${r.head.width})` : 'standalone SSM';
  return { id, title: `Table ${table}, row ${row}: ${model}, κ = ${r.kappa}`, source: `Table ${table} row ${row}`, ...r, seeds, paper, labNote };
}

/** One seed of a figure's panels (the seed is named in the title). */
const figure = (id: string, r: Recipe, panels: string, seed: number, source: string, labNote: string): GdPresetDef => ({
  id,
  title: `${panels}, seed ${seed}`,
  source,
  ...r,
  seeds: [seed],
  labNote,
});

export const GD_PRESETS: GdPresetDef[] = [
  tableRow('B-6', RECIPES.table1Ssm, [200, 201, 204, 205], { clean: 0.194, poisoned: 16.62 }, 'reference implementation: means 0.197 without, 9.29 with'),
  tableRow('B-10', RECIPES.table3Ssm, [1200, 1201, 1203, 1204], { clean: 0.122, poisoned: 1.2 }, 'reference implementation: means 0.147 without, 1.12 with'),
  tableRow(
    'M-6',
    RECIPES.table1Mlp,
    [4540, 4541, 4543, 4545],
    { clean: 1.64e-3, poisoned: 5.45e-2 },
    'reference implementation: 3 of 8 runs end with a dead ReLU head and are excluded',
  ),
  tableRow('M-10', RECIPES.table3Mlp, [4540, 4543, 4544, 4545], { clean: 4.67e-2, poisoned: 8.93e-2 }, 'stop threshold 0.05 as in the reference code (the paper says 0.01)'),
  figure('F2', RECIPES.figure2Ssm, 'Figure 2 (SSM panels)', 105, 'Fig. 2 / 9 / 16', 'reference: without reaches eps at step 16104, erank 1.42; with at step 557, erank 5.44'),
  figure('F7', RECIPES.figure2Ssm, 'Figure 7 (SSM panels)', 100, 'Fig. 7', 'reference: steps 81793 / 832, erank 1.45 / 7.31'),
  figure('F3', RECIPES.figure3Ssm, 'Figure 3 (SSM panels)', 4000, 'Fig. 3 / 11 / 18', 'reference: without at step 1558, erank 1.12; with at step 302, erank 4.93'),
  figure('F8', RECIPES.figure3Ssm, 'Figure 8 (SSM panels)', 4001, 'Fig. 8', 'paper: with (1.0005, 0.868, 0.433, ...)'),
  figure(
    'F2M',
    RECIPES.figure2Mlp,
    'Figure 2 (MLP panels)',
    4541,
    'Fig. 2 / 7, MLP',
    'reference: without at step 9780, erank 1.31; with at step 570, all 10 entries in [0.977, 1.031]',
  ),
  figure('F7M', RECIPES.figure2Mlp, 'Figure 7 (MLP panels)', 4543, 'Fig. 7, MLP', 'as F2M'),
  figure('F3M', RECIPES.figure3Mlp, 'Figure 3 (MLP panels)', 4542, 'Fig. 3 / 8, MLP', 'paper: with, all 20 entries > 0.75'),
  figure('F8M', RECIPES.figure3Mlp, 'Figure 8 (MLP panels)', 4603, 'Fig. 8, MLP', 'as F3M'),
  ...([2, 3, 4] as const).map(
    (k, i): GdPresetDef => ({
      id: `F${4 + i}`,
      title: `Figure ${4 + i}: teacher of dimension ${k}, B = C = 1`,
      source: `Fig. ${4 + i} / ${13 + i}`,
      ...ssm6,
      trainBC: false,
      teacher: dimTeacher(k),
      special: rows(10, [5]),
      init: { sdA: 1e-2, sdBC: 1e-2, tieC: 2, warm: 0 },
      ...gd(0.01, 0.001),
      eps: 0.01,
      extra: 1500,
      seeds: [[302, 401, 403][i]],
      labNote: k === 2 ? 'reference: without (0.9907, 0.8004, 0.0201), with (1.054, 0.348, 0.108)' : 'the poisoned arm overshoots: the top entry ends above 1',
    }),
  ),
];
