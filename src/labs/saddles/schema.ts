import * as z from 'zod';
import { bounded, int, positive, recordDefault, recordSchema, seedSchema, stopDefault, stopSchema, vector, versionSchema, once } from '../../experiment/common';
import type { SpecIssue } from '../../experiment/issues';

/** Largest parameter count a saddles spec may ask for (W1 is at most 256 x 64, etc.). */
export const SADDLES_MAX_PARAMS = 20_000;
/** Most hidden neurons a net can have (3 hidden layers of at most 256): the bound on init.zeroNeurons. */
export const SADDLES_MAX_UNITS = 768;

function buildSaddlesSpecSchema() {
  /**
   * Paper 003 (saddles): homogeneous networks from small initialisation. Models of Sec. 2.2 of the docs/labs/saddles.md:
   * feed-forward nets with activation max(z, alpha z)^p and no biases, and the two-coordinate toys
   * H = w1^Lh x1 + w2^Lh x2 (Example 1 is Lh = 2).
   */
  const ffModelSchema = z.strictObject({
    kind: z.literal('ff'),
    /** Input dimension (W_1 is k_1 x d). */
    d: int('input dimension d', 1, 64),
    /** Hidden widths k_1 .. k_(depth-1); depth = widths.length + 1 (2 to 4 layers). */
    widths: z
      .array(int('hidden width', 1, 256))
      .min(1, 'a network needs at least one hidden layer')
      .max(3, 'at most 3 hidden layers (depth 4)'),
    p: int('activation power p', 1, 3),
    alpha: bounded('leak alpha', 0, 1),
  });

  const toyModelSchema = z.strictObject({
    kind: z.literal('toy'),
    /** Degree of homogeneity: H = w1^Lh x1 + w2^Lh x2 (Lh = 2 is the paper's Example 1). */
    Lh: int('degree Lh', 2, 6),
    /** Two inputs, two coordinates. */
    d: z.literal(2, { error: 'the toy model has input dimension d = 2' }).default(2),
  });

  const sphereDataSchema = z.strictObject({
    kind: z.literal('sphere'),
    n: int('number of points n', 1, 2000),
    seed: seedSchema(),
    teacherSeed: seedSchema(),
    /** Hidden neurons per layer of the teacher (same depth and activation as the student). */
    teacherWidth: int('teacher width', 1, 64),
    /** Joint normalisation of the teacher's later layers (paper Fig. 4), or raw N(0,1) entries. */
    teacherNorm: z.enum(['raw', 'joint']).default('raw'),
    /** Make the teacher's middle-layer entries non-negative (paper Fig. 6). */
    teacherNonneg: z.boolean().default(false),
    labelScale: positive('label scale', 1e4).default(1),
  });

  /** The eight points x_i = (cos(i pi/8), sin(i pi/8)) with the fixed two-neuron square teacher (docs/labs/saddles.md Sec. 5.2). */
  const circleDataSchema = z.strictObject({ kind: z.literal('circle8') });

  /** Example 1's data: (1, 0) -> y1, (0, 1) -> y2. */
  const toyDataSchema = z.strictObject({
    kind: z.literal('toy'),
    y: z.tuple([bounded('label y1', -1e4, 1e4), bounded('label y2', -1e4, 1e4)]).default([4, 1]),
  });

  /** One data point x = 1 in d = 1 with label y: the single-neuron toy H = v (a x)^2 of docs/labs/saddles.md Sec. 5.1 (SD-neuron). */
  const singleDataSchema = z.strictObject({
    kind: z.literal('single'),
    y: bounded('label y', -1e4, 1e4).default(1),
  });

  const directionSchema = z.discriminatedUnion('kind', [
    /** i.i.d. N(0, 1) entries, jointly normalised. */
    z.strictObject({ kind: z.literal('random') }),
    /** An explicit direction (normalised before use). */
    z.strictObject({ kind: z.literal('explicit'), w0: vector('initial direction w0', SADDLES_MAX_PARAMS) }),
    /**
     * Warm start at a KKT point of the constrained NCF: projected gradient ascent on the sphere from the random
     * direction, u <- normalise(u + step grad N(u)).
     */
    z.strictObject({ kind: z.literal('kkt'), step: positive('PGA step', 100), steps: int('PGA steps', 1, 1e6) }),
  ]);

  /** A hidden neuron as "layer:neuron", both 1-based (the labels of the per-neuron plot), e.g. "1:3". */
  const neuronLabelSchema = z.string().regex(/^[1-9]\d{0,2}:[1-9]\d{0,2}$/, 'a zeroed neuron is written layer:neuron (1-based), e.g. "1:3"');

  const initSchema = z.strictObject({
    delta: bounded('initial scale delta', 1e-8, 10),
    dir: directionSchema,
    /**
     * Hidden neurons whose incoming and outgoing weights are set exactly to 0 in w(0) = delta w0 (the others are
     * left as they are). By zero preservation (docs/labs/saddles.md Sec. 3.4) they stay exactly 0. Absent means none.
     */
    zeroNeurons: z.array(neuronLabelSchema).max(SADDLES_MAX_UNITS, `more than ${SADDLES_MAX_UNITS} zeroed neurons listed`).optional(),
  });

  const flowSchema = z.strictObject({
    kind: z.literal('flow'),
    method: z.enum(['auto', 'dopri5', 'rodas4']).default('dopri5'),
    rtol: bounded('rtol', 1e-14, 1e-2).default(1e-10),
    /** Absolute tolerance; must follow the O(delta) scale of the weights (1e-14 delta by default). */
    atol: bounded('atol', 1e-24, 1e-2),
  });

  const gdSchema = z.strictObject({ kind: z.literal('gd'), lr: positive('learning rate', 100) });

  /** GD with a step rule of the docs/labs/saddles.md Sec. 4.1: the paper's piecewise schedule, or the clipped step. */
  const gdScheduleSchema = z.strictObject({
    kind: z.literal('gd-schedule'),
    lr: positive('learning rate', 100),
    rule: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('piecewise'),
        /** From iteration at[i] on, the step is lrs[i]. */
        at: z.array(int('schedule iteration', 1, 1e9)).max(16),
        lrs: z.array(positive('scheduled learning rate', 100)).max(16),
      }),
      /** eta_k = min(lr, s / ||grad L(w_k)||). */
      z.strictObject({ kind: z.literal('clipped'), s: positive('clip length s', 100) }),
    ]),
  });

  const saddlesOptimSchema = z.discriminatedUnion('kind', [flowSchema, gdSchema, gdScheduleSchema]);

  return z.strictObject({
    v: versionSchema(),
    lab: z.literal('saddles'),
    /** Seed of the initial direction. */
    seed: seedSchema(),
    model: z.discriminatedUnion('kind', [ffModelSchema, toyModelSchema]),
    data: z.discriminatedUnion('kind', [sphereDataSchema, circleDataSchema, toyDataSchema, singleDataSchema]),
    loss: z.enum(['sq-sum', 'mse-mean']),
    init: initSchema,
    optim: saddlesOptimSchema,
    stop: stopSchema().default(stopDefault),
    record: recordSchema().default(recordDefault),
  });
}

/** Built on first use, not when the app loads: building every lab's schemas was a third of the first task. */
export const saddlesSpecSchema = once(buildSaddlesSpecSchema);

export type SaddlesSpec = z.output<ReturnType<typeof buildSaddlesSpecSchema>>;
export type SaddlesOptim = SaddlesSpec['optim'];
export type SaddlesGdSchedule = Extract<SaddlesOptim, { kind: 'gd-schedule' }>;

/** Number of trainable parameters of a saddles spec's model. */
export function saddlesParamCount(spec: Pick<SaddlesSpec, 'model' | 'data'>): number {
  if (spec.model.kind === 'toy') return 2;
  const dims = [spec.model.d, ...spec.model.widths, 1];
  let n = 0;
  for (let l = 1; l < dims.length; l++) n += dims[l] * dims[l - 1];
  return n;
}

/** Constraints between fields of a saddles spec. */
export function saddlesCrossIssues(spec: SaddlesSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const { model, data } = spec;
  if (model.kind === 'toy' && data.kind !== 'toy') issues.push({ field: 'data.kind', message: 'the toy model needs the toy data (kind "toy")' });
  if (model.kind === 'ff' && data.kind === 'toy') issues.push({ field: 'data.kind', message: 'a feed-forward net needs sphere or circle8 data' });
  if (model.kind === 'ff' && data.kind === 'circle8' && model.d !== 2) issues.push({ field: 'model.d', message: `the circle8 data is 2-D but d is ${model.d}` });
  if (model.kind === 'toy' && data.kind === 'single') issues.push({ field: 'data.kind', message: 'the toy model needs the toy data (kind "toy")' });
  if (model.kind === 'ff' && data.kind === 'single' && model.d !== 1) issues.push({ field: 'model.d', message: `the single data point x = 1 is 1-D but d is ${model.d}` });
  issues.push(...zeroNeuronIssues(spec));
  const n = saddlesParamCount(spec);
  if (n > SADDLES_MAX_PARAMS) issues.push({ field: 'model.widths', message: `the network has ${n} parameters, more than ${SADDLES_MAX_PARAMS}` });
  if (spec.init.dir.kind === 'explicit' && spec.init.dir.w0.length !== n) {
    issues.push({ field: 'init.dir.w0', message: `has ${spec.init.dir.w0.length} entries but the model has ${n} parameters` });
  }
  if (spec.init.dir.kind === 'explicit' && spec.init.dir.w0.every((v) => v === 0)) {
    issues.push({ field: 'init.dir.w0', message: 'the initial direction must not be zero' });
  }
  const o = spec.optim;
  if (o.kind === 'gd-schedule' && o.rule.kind === 'piecewise') {
    if (o.rule.at.length !== o.rule.lrs.length) issues.push({ field: 'optim.rule.lrs', message: `has ${o.rule.lrs.length} entries but at has ${o.rule.at.length}` });
    for (let i = 1; i < o.rule.at.length; i++) {
      if (o.rule.at[i] <= o.rule.at[i - 1]) issues.push({ field: `optim.rule.at.${i}`, message: 'schedule iterations must increase' });
    }
  }
  return issues;
}

/** init.zeroNeurons must name distinct hidden neurons of the model, and leave at least one neuron free. */
function zeroNeuronIssues(spec: SaddlesSpec): SpecIssue[] {
  const zero = spec.init.zeroNeurons;
  if (!zero || zero.length === 0) return [];
  const field = 'init.zeroNeurons';
  if (spec.model.kind === 'toy') return [{ field, message: 'the toy model has no hidden neurons to zero' }];
  const widths = spec.model.widths;
  const issues: SpecIssue[] = [];
  const seen = new Set<string>();
  zero.forEach((label, i) => {
    const [l, j] = label.split(':').map(Number);
    if (l > widths.length)
      issues.push({
        field: `${field}.${i}`,
        message: `"${label}" names hidden layer ${l}, but the network has ${widths.length === 1 ? 'only hidden layer 1' : `hidden layers 1 to ${widths.length}`}`,
      });
    else if (j > widths[l - 1]) issues.push({ field: `${field}.${i}`, message: `"${label}" names neuron ${j}, but hidden layer ${l} has ${widths[l - 1]} neurons` });
    if (seen.has(label)) issues.push({ field: `${field}.${i}`, message: `"${label}" is listed twice` });
    seen.add(label);
  });
  // Zeroing every neuron of one layer cuts every path through the net: w(0) would be a critical point.
  widths.forEach((k, l) => {
    if (zero.filter((s) => s.split(':')[0] === String(l + 1)).length >= k && issues.length === 0) {
      issues.push({
        field,
        message: `zeroes ${k === 1 ? 'the only neuron' : `all ${k} neurons`} of hidden layer ${l + 1}: the network's output and gradient would stay exactly 0`,
      });
    }
  });
  return issues;
}

/** A named preset of the saddles lab (docs/labs/saddles.md Sec. 5). */
export interface SaddlesPresetRow {
  id: string;
  title: string;
  description: string;
  spec: SaddlesSpec;
}

const flowOptim = (delta: number, maxRtol = 1e-10) => ({ kind: 'flow' as const, method: 'dopri5' as const, rtol: maxRtol, atol: 1e-14 * delta });
const base = { v: 1 as const, lab: 'saddles' as const };
const sphere = (n: number, teacherWidth = 2, extra: Partial<Extract<SaddlesSpec['data'], { kind: 'sphere' }>> = {}) => ({
  kind: 'sphere' as const,
  n,
  seed: 1,
  teacherSeed: 2,
  teacherWidth,
  teacherNorm: 'raw' as const,
  teacherNonneg: false,
  labelScale: 1,
  ...extra,
});
const stop = (o: { maxSteps?: number; maxTime?: number }) => ({ ...stopDefault, lossBelow: 1e-14, maxSteps: o.maxSteps ?? 1e6, maxTime: o.maxTime ?? 1e13 });
/** max(x, alpha x)^p nets: the square activation x² of the theorems, and ReLU (outside them). */
const squareNet = (d: number, widths: number[]) => ({ kind: 'ff' as const, d, widths, p: 2, alpha: 1 });
const reluNet = (d: number, widths: number[]) => ({ kind: 'ff' as const, d, widths, p: 1, alpha: 0 });
const randomDir = () => ({ kind: 'random' as const });

/** What differs between the presets' specs; the defaults: seed 0, sum square loss, gradient flow, a snapshot every 250 steps. */
interface PresetParts {
  seed?: number;
  model: SaddlesSpec['model'];
  data: SaddlesSpec['data'];
  loss?: SaddlesSpec['loss'];
  delta: number;
  dir: SaddlesSpec['init']['dir'];
  /** Gradient flow (DOPRI5, rtol 1e-10, atol 1e-14 delta) unless given. */
  optim?: SaddlesSpec['optim'];
  stop: { maxSteps?: number; maxTime?: number };
  record?: SaddlesSpec['record'];
}

function presetSpec(p: PresetParts): SaddlesSpec {
  return {
    ...base,
    seed: p.seed ?? 0,
    model: p.model,
    data: p.data,
    loss: p.loss ?? 'sq-sum',
    init: { delta: p.delta, dir: p.dir },
    optim: p.optim ?? flowOptim(p.delta),
    stop: stop(p.stop),
    record: p.record ?? { every: 250, perDecade: 200 },
  };
}

/** The small nets of docs/labs/saddles.md Sec. 5.1-5.2: gradient flow from a hand-set direction w0, sum square loss, fine snapshots. */
const smallNetFlow = (model: SaddlesSpec['model'], data: SaddlesSpec['data'], delta: number, w0: number[], maxTime: number): SaddlesSpec =>
  presetSpec({ model, data, delta, dir: { kind: 'explicit', w0 }, stop: { maxTime }, record: { every: 10, perDecade: 300 } });

/** Figures 5 and 6: ReLU nets on 100 points of the sphere in R^20, GD from a random direction of init seed 3. */
const reluGd = (widths: number[], data: SaddlesSpec['data'], loss: SaddlesSpec['loss'], delta: number, lr: number, maxSteps: number): SaddlesSpec =>
  presetSpec({ seed: 3, model: reluNet(20, widths), data, loss, delta, dir: randomDir(), optim: { kind: 'gd', lr }, stop: { maxSteps } });

/** Initial direction of SD-sq2-tiny (docs/labs/saddles.md Sec. 5.2): W rows, then v. */
export const SQ2_TINY_W0 = [0.3, -0.2, -0.1, 0.4, 0.25, 0.15, -0.35, -0.05, 0.2, -0.3, 0.1, 0.25];
/** Initial direction of SD-sq3-tiny: W1 rows, W2 rows, v. */
export const SQ3_TINY_W0 = [0.3, -0.2, -0.1, 0.4, 0.25, 0.15, 0.2, -0.1, 0.3, -0.25, 0.1, 0.05, 0.15, 0.2, -0.3, 0.2, -0.3, 0.25];

function fig1(optim: 'gd' | 'flow'): SaddlesSpec {
  const delta = 0.02;
  return presetSpec({
    model: squareNet(20, [50]),
    // Teacher draw 44: L(0) = 13.81 (the paper's run: 10.7292), escape near iteration 124,000, a plateau at 1.10
    // (paper: about 0.986) and a second drop to about 0 near iteration 183,000 (paper: near 192k), inside the
    // 250,000 iterations. Of the draws 1-60, 44 is the one closest to the paper's staircase; draw 3 (used before)
    // escapes at 136,000 but does not leave its plateau at 1.58 within the horizon.
    data: sphere(100, 2, { teacherSeed: 44 }),
    loss: 'mse-mean',
    delta,
    dir: randomDir(),
    optim: optim === 'gd' ? { kind: 'gd', lr: 0.005 } : undefined,
    stop: optim === 'gd' ? { maxSteps: 250_000 } : { maxTime: 1250 },
  });
}

/** Figure 4 (docs/labs/saddles.md Sec. 4.5): three-layer square net, W1, W2 20x20, PGA warm start, teacher draw 1; only the step rule differs between its presets. */
function fig4(optim: SaddlesSpec['optim']): SaddlesSpec {
  return presetSpec({
    seed: 3,
    model: squareNet(20, [20, 20]),
    data: sphere(100, 2, { teacherNorm: 'joint', teacherSeed: 1 }),
    delta: 0.1,
    dir: { kind: 'kkt', step: 0.025, steps: 38_691 },
    optim,
    stop: { maxSteps: 300_000 },
  });
}

function example1(delta: number, optim: 'flow' | 'gd' = 'flow'): SaddlesSpec {
  return presetSpec({
    model: { kind: 'toy', Lh: 2, d: 2 },
    data: { kind: 'toy', y: [4, 1] },
    delta,
    dir: { kind: 'explicit', w0: [1, 1] },
    optim: optim === 'flow' ? undefined : { kind: 'gd', lr: 1e-3 },
    stop: optim === 'flow' ? { maxTime: 3 } : { maxSteps: 3000 },
    record: { every: 5, perDecade: 200 },
  });
}

export const SADDLES_PRESET_ROWS: SaddlesPresetRow[] = [
  {
    id: 'sd-fig1',
    title: 'Figure 1: two-layer square net, GD (paper)',
    description: 'Width 50, 100 points on the sphere in R^20, 2-neuron teacher, delta 0.02, mean square loss, GD step 0.005 for 250,000 iterations.',
    spec: fig1('gd'),
  },
  {
    id: 'sd-fig1-flow',
    title: 'Figure 1: two-layer square net, gradient flow',
    description: 'The Figure 1 experiment by exact gradient flow (DOPRI5, rtol 1e-10, atol 1e-14 delta) to t = 1250 (= 250,000 GD steps of 0.005).',
    spec: fig1('flow'),
  },
  { id: 'sd-ex1-0.1', title: 'Figure 2: Example 1, δ = 0.1', description: 'L = (w1² − 4)² + (w2² − 1)², w0 = (1, 1)/√2, gradient flow to t = 3.', spec: example1(0.1) },
  { id: 'sd-ex1-0.05', title: 'Figure 2: Example 1, δ = 0.05', description: 'As above with δ = 0.05.', spec: example1(0.05) },
  { id: 'sd-ex1-0.001', title: 'Figure 2: Example 1, δ = 0.001', description: 'As above with δ = 0.001: the staircase 17 → 1 → 0.', spec: example1(0.001) },
  {
    id: 'sd-ex1-phase',
    title: 'Example 1: phase portrait (δ = 0.01)',
    description: 'Loss contours, the path from δw0 past the saddle (2, 0) to the minimum (2, 1), and the limit path p(t).',
    spec: example1(0.01),
  },
  {
    id: 'sd-ex1-gd',
    title: 'Example 1 by GD (η = 1e-3, δ = 0.001)',
    description: 'GD against the closed form: (2.0, 0.9999626) vs (2.0, 0.9999623) at t = 3.',
    spec: example1(0.001, 'gd'),
  },
  {
    id: 'sd-neuron',
    title: 'Single neuron H = v (a x)², δ = 0.01',
    description:
      'Lab spec 5.1: x = 1, y = 1, sum square loss, started at δw* with w* = (√(2/3), √(1/3)). a² − 2v² is conserved (0 here), so the path runs along a = √2 v to (1.122462, 0.793701); escape at 0.4330127/δ − 1.836.',
    spec: smallNetFlow(squareNet(1, [1]), { kind: 'single', y: 1 }, 0.01, [Math.sqrt(2 / 3), Math.sqrt(1 / 3)], 60),
  },
  {
    id: 'sd-sq2-tiny',
    title: 'Small square net (width 4, 2-D, δ = 0.01)',
    description: 'Lab spec 5.2: 8 points on the circle, exact predictions: N* = 2.976068, T_blow = 0.219080, first saddle at loss 2 − √3.',
    spec: smallNetFlow(squareNet(2, [4]), { kind: 'circle8' }, 0.01, SQ2_TINY_W0, 70),
  },
  {
    id: 'sd-sq3-tiny',
    title: 'Small three-layer square net (δ = 0.2)',
    description: 'Lab spec 5.2: Lh = 7, single-path KKT point with energies 4/7, 2/7, 1/7; escape near T_blow/δ⁵ = 11883.',
    spec: smallNetFlow(squareNet(2, [3, 3]), { kind: 'circle8' }, 0.2, SQ3_TINY_W0, 12_100),
  },
  {
    id: 'sd-fig4',
    title: 'Figure 4: three-layer square net, PGA warm start (clipped GD)',
    description:
      "W1, W2 20×20, δ = 0.1, sum square loss, warm start by projected gradient ascent on the NCF; clipped GD step η = min(0.2, 0.0005/‖∇L‖) (the safe default). Teacher draw 1: the warm start finds a single-path KKT point (N* = 2.19, 2 of 40 neurons active); the net escapes near iteration 9,000 and settles on the single-path saddle, the inactive neurons at ~1e-15 of the norm. A clip of 0.02 leaves GD bouncing across the saddle's valley 4 % above it. (Draws 2, 0 and 5 give KKT points with N ≈ 1e-7: no escape in 300,000 steps.)",
    spec: fig4({ kind: 'gd-schedule', lr: 0.2, rule: { kind: 'clipped', s: 0.0005 } }),
  },
  {
    id: 'sd-fig4-authors',
    title: "Figure 4 with the authors' step schedule",
    description:
      "Step 0.2, ×0.05 at 40k and 80k, 0.0003 from 250k. With this teacher draw the step 0.2 is still in force at the escape (near iteration 6,500) and GD diverges right after it, as the authors' schedule can; the clipped preset above is the safe one.",
    spec: fig4({ kind: 'gd-schedule', lr: 0.2, rule: { kind: 'piecewise', at: [40_000, 80_000, 250_000], lrs: [0.01, 0.0005, 0.0003] } }),
  },
  {
    id: 'sd-fig5',
    title: 'Figure 5: two-layer ReLU net (outside the theorems)',
    description:
      'Width 50, δ = 5e-5, mean square loss, GD step 2e-4 for 300,000 iterations. ReLU violates Assumption 1: sparsity is empirical. Teacher draw 0: L(0) = 2.16 (paper 2.0); the loss leaves its plateau within the horizon and ends at 0.036 (the paper shows a slow drop to about 0.25), with many neurons active.',
    spec: reluGd([50], sphere(100, 2, { teacherSeed: 0 }), 'mse-mean', 5e-5, 2e-4, 300_000),
  },
  {
    id: 'sd-fig6',
    title: 'Figure 6: three-layer ReLU net (outside the theorems)',
    description:
      "W1 20×20, W2 30×20, non-negative teacher W2, labels ×10, δ = 0.01, sum square loss, GD step 1e-4 for 200,000 iterations. Teacher draw 2: L(0) = 697 (paper 191.11); one sharp drop near iteration 130,000 (paper: near 186k) straight to about 0.004. The paper's intermediate plateau (about 41) does not appear for this draw, nor for draws 37, 41, 51 and 54. Grown neurons are balanced: small rows of W1 pair with small columns of W2, small rows of W2 with small entries of v.",
    spec: reluGd([20, 30], sphere(100, 2, { teacherNonneg: true, labelScale: 10 }), 'sq-sum', 0.01, 1e-4, 200_000),
  },
];

export const SADDLES_DEFAULT_PRESET = 'sd-fig1-flow';
