/**
 * Pure helpers of the Explore page of the Poisoning lab (paper 000): every edit of the page is a function
 * from the current spec to a candidate spec, which the page then validates and applies. Readouts
 * (labels, Gram matrix, gamma^(0) at initialisation, the (a_1, a_2) loss slice) are cheap float64
 * computations from the engine, safe on the main thread.
 */
import { tieDiff } from '../../../engine/ssm/init';
import { gramOfRows } from '../../../engine/ssm/ssm-data';
import { resolveTeacher, teacherImpulse } from '../../../engine/ssm/teachers';
import { Rng } from '../../../engine/core/rng';
import { activeRows, buildPoisoning, headless, initialEntries, initialTheta } from '../build';
import { type PoisoningSpec, type Teacher } from '../schema';

export type Arm = 'clean' | 'poisoned';
type Sequence = PoisoningSpec['data']['sequences'][number];

// ---------------------------------------------------------------- near-tie gap <-> tie exponent

/** Gap a_1 - a_2 of the reference near-tie: gap = 0.05 exp(c log10 scale) (docs/labs/poisoning.md Sec. 5.2). */
export const gapOfTie = (tieC: number, scale: number): number => tieDiff(tieC, scale);

/**
 * Inverse of gapOfTie: the tie exponent c giving the gap at this scale, or null when no c >= 0 does
 * (scale >= 1, or a gap above 0.05).
 */
export function tieOfGap(gap: number, scale: number): number | null {
  const l = Math.log10(scale);
  if (!(gap > 0) || !(l < 0)) return null;
  const c = Math.log(gap / 0.05) / l;
  return c >= 0 && Number.isFinite(c) ? c : null;
}

/** The scale the near-tie refers to (uniform-sorted: its scale; gd-normal: sd_A), or null for explicit inits. */
export function initScale(spec: PoisoningSpec): number | null {
  const i = spec.init;
  return i.kind === 'uniform-sorted' ? i.scale : i.kind === 'gd-normal' ? i.sdA : null;
}

// ---------------------------------------------------------------- teachers

export const TEACHER_PRESETS: { id: string; label: string; teacher: Teacher }[] = [
  { id: 'one', label: 'one: a* = 1 (1-dimensional)', teacher: { kind: 'one' } },
  { id: 'thm1', label: 'thm1: Theorem-1 teacher', teacher: { kind: 'thm1' } },
  { id: 'dim2', label: 'dim2: diag(0.99, 0.8)', teacher: { kind: 'diag', a: [0.99, 0.8] } },
  { id: 'dim3', label: 'dim3: diag(0.99, 0.8, 0.5)', teacher: { kind: 'diag', a: [0.99, 0.8, 0.5] } },
  { id: 'dim4', label: 'dim4: diag(0.99, 0.8, 0.5, 0.3)', teacher: { kind: 'diag', a: [0.99, 0.8, 0.5, 0.3] } },
];

/** The preset id a teacher matches, or 'custom'. */
export function teacherPresetId(t: Teacher): string {
  return TEACHER_PRESETS.find((p) => JSON.stringify(p.teacher) === JSON.stringify(t))?.id ?? 'custom';
}

// ---------------------------------------------------------------- labels

/**
 * The teacher's label of a sequence: y = sum_l h*_{kappa-l} x_l, and y = (width/2) relu(z*) under the
 * MLP head (teacher head D*_in = 1, D*_hid = I, D*_out = 0.5 1^T).
 */
export function teacherLabels(spec: PoisoningSpec): number[] {
  const kappa = spec.data.length;
  const hs = teacherImpulse(resolveTeacher(spec.model.teacher, spec.model.d), kappa);
  const head = spec.model.head;
  return spec.data.sequences.map((s) => {
    let z = 0;
    for (let l = 1; l <= kappa; l++) z += hs[kappa - l] * (s.x[l - 1] ?? 0);
    return head ? (head.width / 2) * Math.max(0, z) : z;
  });
}

// ---------------------------------------------------------------- training-set edits

const withSequences = (spec: PoisoningSpec, sequences: Sequence[]): PoisoningSpec => ({ ...spec, data: { ...spec.data, sequences } });

export function setValue(spec: PoisoningSpec, row: number, pos: number, value: number): PoisoningSpec {
  return withSequences(
    spec,
    spec.data.sequences.map((s, i) => (i === row ? { ...s, x: s.x.map((v, l) => (l === pos ? value : v)) } : s)),
  );
}

export function removeRow(spec: PoisoningSpec, row: number): PoisoningSpec {
  return withSequences(
    spec,
    spec.data.sequences.filter((_, i) => i !== row),
  );
}

export function setEnabled(spec: PoisoningSpec, row: number, enabled: boolean): PoisoningSpec {
  return withSequences(
    spec,
    spec.data.sequences.map((s, i) => (i === row ? { ...s, enabled } : s)),
  );
}

export function setSpecial(spec: PoisoningSpec, row: number, special: boolean): PoisoningSpec {
  return withSequences(
    spec,
    spec.data.sequences.map((s, i) => (i === row ? { ...s, special } : s)),
  );
}

/** A seeded stream for rows added by hand: reproducible from the spec, different for every new row. */
const addRng = (spec: PoisoningSpec, salt: number) => new Rng((spec.seed * 7919 + 104729 * spec.data.sequences.length + salt) >>> 0);

/** Appends `count` baseline rows with N(0, 1) values at the given 1-based positions (others 0). */
export function addRandomRows(spec: PoisoningSpec, count: number, positions: number[], special = false): PoisoningSpec {
  const kappa = spec.data.length;
  const rng = addRng(spec, special ? 2 : 1);
  const pos = [...new Set(positions)].filter((p) => p >= 1 && p <= kappa).sort((a, b) => a - b);
  const rows: Sequence[] = Array.from({ length: count }, () => {
    const x = new Array<number>(kappa).fill(0);
    for (const p of pos) x[p - 1] = rng.gauss();
    return { x, special, enabled: true };
  });
  return withSequences(spec, [...spec.data.sequences, ...rows]);
}

export type PoisonKind = 'unit' | 'random';

/**
 * Appends one special sequence: q e_(kappa-1) (Theorem 1), or N(0, 1) values at the chosen trailing
 * positions (kappa-1 and/or kappa).
 */
export function addSpecialRow(spec: PoisoningSpec, kind: PoisonKind, opts: { q?: number; penultimate?: boolean; last?: boolean } = {}): PoisoningSpec {
  const kappa = spec.data.length;
  if (kind === 'unit') {
    const x = new Array<number>(kappa).fill(0);
    x[kappa - 2] = opts.q ?? 1;
    return withSequences(spec, [...spec.data.sequences, { x, special: true, enabled: true }]);
  }
  const positions = [...((opts.penultimate ?? true) ? [kappa - 1] : []), ...((opts.last ?? true) ? [kappa] : [])];
  return addRandomRows(spec, 1, positions, true);
}

/** Changes kappa: sequences are padded with zeros or truncated at the end. */
export function setKappa(spec: PoisoningSpec, kappa: number): PoisoningSpec {
  const seqs = spec.data.sequences.map((s) => ({
    ...s,
    x: Array.from({ length: Number.isInteger(kappa) && kappa > 0 ? kappa : 0 }, (_, l) => s.x[l] ?? 0),
  }));
  return { ...spec, data: { length: kappa, sequences: seqs } };
}

/** Changes d; an explicit initialisation is padded (with its smallest entry) or truncated to match. */
export function setD(spec: PoisoningSpec, d: number): PoisoningSpec {
  const out: PoisoningSpec = { ...spec, model: { ...spec.model, d } };
  if (spec.init.kind === 'explicit' && Number.isInteger(d) && d > 0) {
    const fit = (v: number[] | undefined, fill: number) => (v ? Array.from({ length: d }, (_, j) => v[j] ?? fill) : undefined);
    const a = spec.init.a;
    const init = { kind: 'explicit' as const, a: fit(a, Math.min(...a.map(Math.abs)))! };
    const b = fit(spec.init.b, 1);
    const c = fit(spec.init.c, 1);
    out.init = { ...init, ...(b ? { b } : {}), ...(c ? { c } : {}) };
  }
  return out;
}

// ---------------------------------------------------------------- initialisation

/** Explicit initialisation with the given a entries, keeping the current b, c (when trained). */
export function explicitInit(spec: PoisoningSpec, a: number[]): PoisoningSpec {
  const theta = initialTheta(headless(spec));
  const d = spec.model.d;
  const init: PoisoningSpec['init'] = spec.model.trainBC
    ? { kind: 'explicit', a, b: Array.from(theta.subarray(d, 2 * d)), c: Array.from(theta.subarray(2 * d, 3 * d)) }
    : { kind: 'explicit', a };
  return { ...spec, init, model: { ...spec.model, d: a.length } };
}

/** Sets (a_1, a_2) of the initialisation, other entries kept (the click on the landscape). */
export function placeA12(spec: PoisoningSpec, a1: number, a2: number): PoisoningSpec {
  const a = initialEntries(spec);
  a[0] = a1;
  if (a.length > 1) a[1] = a2;
  return explicitInit(spec, a);
}

// ---------------------------------------------------------------- readouts

export const armSpec = (spec: PoisoningSpec, arm: Arm): PoisoningSpec => ({ ...spec, arm });

/** Whether an arm has at least one enabled row (else the model cannot be built). */
export const armHasRows = (spec: PoisoningSpec, arm: Arm) => activeRows(armSpec(spec, arm)).length > 0;

/** Gram matrix G (kappa x kappa, row-major; index k' = kappa - l) of one arm's rows. */
export function armGram(spec: PoisoningSpec, arm: Arm): Float64Array {
  return gramOfRows(activeRows(armSpec(spec, arm)), spec.data.length);
}

/** gamma^(0) at initialisation for one arm (signed), or null when the arm has no rows. */
/**
 * Floating-point work of one loss evaluation of a spec (rows x (kappa + d), or through the MLP head): what the page
 * may compute on its own thread is bounded by it.
 */
export function lossWork(spec: PoisoningSpec): number {
  const kappa = spec.data.length;
  const { d, head } = spec.model;
  const rows = spec.data.sequences.length;
  return head ? rows * (kappa + d + head.width * (2 + (head.depth - 1) * head.width)) : kappa * kappa + d * kappa;
}

/** The most lossWork for which the page computes gamma^(0) at initialisation itself (a few milliseconds). */
export const GAMMA0_PAGE_WORK = 2e5;

export function gamma0AtInit(spec: PoisoningSpec, arm: Arm): number | null {
  if (!armHasRows(spec, arm)) return null;
  const s = armSpec(spec, arm);
  const { problem, theta0 } = buildPoisoning(s);
  const out = new Float64Array(problem.metricNames.length);
  problem.metrics(theta0, out);
  const g = out[problem.metricNames.indexOf('gamma0')];
  return g === 0 ? 0 : g;
}

/**
 * Issues the validator cannot see because it checks one arm: the page trains both, so each arm needs an
 * enabled row. Field names follow the validator's.
 */
export function abIssues(spec: PoisoningSpec): { field: string; message: string }[] {
  return (['clean', 'poisoned'] as const)
    .filter((arm) => !armHasRows(spec, arm))
    .map((arm) => ({
      field: 'data.sequences',
      message: `the ${arm} arm has no enabled sequence (${arm === 'clean' ? 'keep at least one enabled baseline row' : 'enable a row'})`,
    }));
}

export interface Grid {
  nx: number;
  ny: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Row-major, values[iy * nx + ix] at (x0 + ix dx, y0 + iy dy). */
  values: Float64Array;
}

/**
 * Training loss of one arm over (a_1, a_2), every other parameter at its initial value (docs/labs/poisoning.md Sec. 8:
 * the landscape slice), or with b = c = 1 when bcOne. Needs d >= 2.
 */
export function lossSlice(spec: PoisoningSpec, arm: Arm, domain: [number, number], n: number, bcOne = false): Grid | null {
  if (spec.model.d < 2 || !armHasRows(spec, arm)) return null;
  const { problem, theta0 } = buildPoisoning(armSpec(spec, arm));
  const theta = Float64Array.from(theta0);
  // Optionally B = C = 1 in the slice (with learned B, C started small the slice is nearly flat).
  if (bcOne && spec.model.trainBC) theta.fill(1, spec.model.d, 3 * spec.model.d);
  const values = new Float64Array(n * n);
  const [lo, hi] = domain;
  const step = (hi - lo) / (n - 1);
  for (let iy = 0; iy < n; iy++) {
    theta[1] = lo + iy * step;
    for (let ix = 0; ix < n; ix++) {
      theta[0] = lo + ix * step;
      values[iy * n + ix] = problem.loss(theta);
    }
  }
  return { nx: n, ny: n, x0: lo, x1: hi, y0: lo, y1: hi, values };
}

/** Counts of rows by kind, for the summary line. */
export function rowCounts(spec: PoisoningSpec): { baseline: number; special: number; disabled: number } {
  const s = spec.data.sequences;
  return {
    baseline: s.filter((r) => !r.special && r.enabled).length,
    special: s.filter((r) => r.special && r.enabled).length,
    disabled: s.filter((r) => !r.enabled).length,
  };
}

/** The poison dose: how many special rows are in use, of how many, and the largest |value| among them. */
export function poisonDose(spec: PoisoningSpec): { used: number; total: number; amplitude: number } {
  const special = spec.data.sequences.filter((r) => r.special);
  let amplitude = 0;
  for (const r of special) if (r.enabled) for (const v of r.x) amplitude = Math.max(amplitude, Math.abs(v));
  return { used: special.filter((r) => r.enabled).length, total: special.length, amplitude };
}

/** Uses the first `m` special rows (in table order) and switches the others off; baseline rows are untouched. */
export function setPoisonCount(spec: PoisoningSpec, m: number): PoisoningSpec {
  let k = 0;
  return withSequences(
    spec,
    spec.data.sequences.map((s) => (s.special ? { ...s, enabled: k++ < m } : s)),
  );
}

/**
 * Rescales every special row so that the largest |value| among the special rows in use is `q` (their shapes
 * and relative sizes kept; rows switched off are scaled alike). A dose of all-zero rows cannot be scaled: null.
 */
export function setPoisonAmplitude(spec: PoisoningSpec, q: number): PoisoningSpec | null {
  const { amplitude } = poisonDose(spec);
  if (!(amplitude > 0) || !Number.isFinite(q)) return null;
  const f = q / amplitude;
  return withSequences(
    spec,
    spec.data.sequences.map((s) => (s.special ? { ...s, x: s.x.map((v) => v * f) } : s)),
  );
}

/** Parses "1, 2 5" into positive integers; null on anything else. */
export function parsePositions(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.length) return null;
  const v = parts.map(Number);
  return v.every((p) => Number.isInteger(p) && p >= 1) ? v : null;
}
