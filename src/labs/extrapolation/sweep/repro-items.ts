import type { Verdict } from '../../../ui/Repro';
import { fmt } from '../../../ui/format';
import { EXTRAPOLATION_PRESET_ROWS } from '../presets';
import type { Prop3Demo } from '../prop3';
import type { ExtrapolationSpec } from '../schema';
import { logLogSlope, type PointResult, pointSpec, type SweepPoint, sweepPoints } from '../sweeps';

/**
 * The Extrapolation lab's Reproduce page (pure, unit-tested): one item per preset of Sec. 6 with the paper's claim in
 * a sentence, the lab spec's assertion, the lab values it quotes, which runs reproduce it, and the verdict computed
 * from the assertion on the runs just made. Where the paper's claim and the numbers disagree the item says what is
 * true.
 */

/** A run of an item: a sweep point (or one k of an overlay preset) with its spec. */
export type ItemPoint = SweepPoint;

/** A finished run: its score, and for overlay items the final impulse response h and the teacher's w over [0, H). */
export type ItemResult = PointResult & { h?: number[]; w?: number[] };

export type Metric = 'E' | 'loss' | 'betaBC' | 'alphaA';

/** A line of lab values: what the lab spec quotes, and the same quantity measured on the runs `pick` selects. */
export interface LabRow {
  label: string;
  lab: string;
  pick: (p: ItemPoint) => boolean;
  metric: Metric;
  /** 'list': each selected run's value in sweep order (seeds s0 / s1 / s2); 'range': min – max over them. */
  show: 'list' | 'range';
}

export interface ReproItem {
  id: string;
  figure: string;
  title: string;
  /** The paper's (or, for lab extras, the lab's) qualitative claim, in a sentence. */
  claim: string;
  /** The lab spec's assertion in words, or null for a preset shown without one. */
  assertion: string | null;
  /** What is true where the paper's claim fails numerically (or needs a qualifier), for a student to read. */
  truth?: string;
  kind: 'sweep' | 'overlay' | 'static';
  spec: ExtrapolationSpec;
  points: ItemPoint[];
  /** The runs the assertion needs, when they are a strict subset worth offering on their own (long sweeps). */
  quick?: (p: ItemPoint) => boolean;
  rows: LabRow[];
  /** The verdict on the runs made (results by point index; null where a run is missing), or null until enough are in. */
  verdict(points: ItemPoint[], results: (ItemResult | null)[]): Verdict | null;
  /** The static construction's verdict (E-P3). */
  staticVerdict?: (demo: Prop3Demo) => Verdict;
}

const row = (id: string) => {
  const r = EXTRAPOLATION_PRESET_ROWS.find((p) => p.id === id);
  if (!r) throw new Error(`no preset ${id}`);
  return r;
};

const v2 = (x: number) => fmt(x, 2);
const v3 = (x: number) => fmt(x, 3);
const metricOf = (r: ItemResult, m: Metric) => (m === 'loss' ? r.loss : r[m]);

/** The measured side of a lab row, or null when one of its runs is not in. */
export function measure(rowDef: LabRow, points: ItemPoint[], results: (ItemResult | null)[]): string | null {
  const values: number[] = [];
  for (let i = 0; i < points.length; i++) {
    if (!rowDef.pick(points[i])) continue;
    const r = results[i];
    if (!r) return null;
    values.push(metricOf(r, rowDef.metric));
  }
  if (!values.length) return null;
  if (rowDef.show === 'list') return values.map(v3).join(' / ');
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? v3(lo) : `${v2(lo)} – ${v2(hi)}`;
}

/** Runs of a seed keyed by a selector; `get` returns the result of the one run matching, or null if missing. */
function lookup(points: ItemPoint[], results: (ItemResult | null)[]) {
  return (match: (p: ItemPoint) => boolean): ItemResult | null => {
    const i = points.findIndex(match);
    return i >= 0 ? results[i] : null;
  };
}

const seedsOf = (points: ItemPoint[]) => [...new Set(points.map((p) => p.seed))];

/**
 * "For every seed" assertions: `check(get, seed)` returns [holds, the numbers it used] for one seed, or null when a
 * run it needs is missing. The verdict lists each seed's numbers.
 */
function everySeed(
  points: ItemPoint[],
  results: (ItemResult | null)[],
  check: (get: (m: (p: ItemPoint) => boolean) => ItemResult | null, seed: number) => [boolean, string] | null,
): Verdict | null {
  const get = lookup(points, results);
  const parts: string[] = [];
  let holds = true;
  for (const seed of seedsOf(points)) {
    const c = check((m) => get((p) => p.seed === seed && m(p)), seed);
    if (!c) return null;
    holds &&= c[0];
    parts.push(`s${seed}: ${c[1]}`);
  }
  return parts.length ? { holds, text: parts.join('; ') } : null;
}

const atK = (k: number) => (p: ItemPoint) => p.k === k;
const listRow = (label: string, lab: string, pick: (p: ItemPoint) => boolean, metric: Metric = 'E'): LabRow => ({ label, lab, pick, metric, show: 'list' });
const rangeRow = (label: string, lab: string, pick: (p: ItemPoint) => boolean, metric: Metric = 'E'): LabRow => ({ label, lab, pick, metric, show: 'range' });

/** List rows of E at single k's, one a k (in increasing k: the keys of `labs`): the first names the seeds (`k = 4, s0 / s1 / s2`), the rest only their k. */
const kRows = (labs: Record<number, string>): LabRow[] => Object.entries(labs).map(([k, lab], i) => listRow(i ? `k = ${k}` : `k = ${k}, s0 / s1 / s2`, lab, atK(Number(k))));

/** Range rows of E at single k's (min – max over the seeds), one a k in increasing k. */
const kRangeRows = (labs: Record<number, string>): LabRow[] => Object.entries(labs).map(([k, lab]) => rangeRow(`k = ${k}`, lab, atK(Number(k))));

/** "For every seed" on E at two k's: `holds(E(a), E(b))`, the verdict quoting both. */
const twoK =
  (a: number, b: number, holds: (ea: number, eb: number) => boolean): ReproItem['verdict'] =>
  (points, results) =>
    everySeed(points, results, (get) => {
      const ra = get(atK(a));
      const rb = get(atK(b));
      if (!ra || !rb) return null;
      return [holds(ra.E, rb.E), `E(${a}) = ${v3(ra.E)}, E(${b}) = ${v3(rb.E)}`];
    });

function sweepItem(id: string, rest: Omit<ReproItem, 'id' | 'figure' | 'title' | 'kind' | 'spec' | 'points'>): ReproItem {
  const r = row(id);
  return { id, figure: r.figure, title: r.title, kind: 'sweep', spec: r.spec, points: sweepPoints(r.spec), ...rest };
}

/** An overlay preset (E-5, E-6): its own k and its overlay ks, one run each at the spec's seed. */
function overlayItem(id: string, rest: Omit<ReproItem, 'id' | 'figure' | 'title' | 'kind' | 'spec' | 'points'>): ReproItem {
  const r = row(id);
  const ks = [r.spec.training.k, ...(r.spec.ui?.overlay?.ks ?? [])].sort((a, b) => a - b);
  const points = ks.map((k) => ({ teacher: 0, teacherLabel: '', k, sigma: r.spec.student.sigma, seed: r.spec.seed, spec: pointSpec(r.spec, { k }) }));
  return { id, figure: r.figure, title: r.title, kind: 'overlay', spec: r.spec, points, ...rest };
}

const fails = (v: Verdict | null, why: string): Verdict | null => v && { ...v, text: `${v.text}${v.holds ? '' : ` — ${why}`}` };

export const REPRO_ITEMS: ReproItem[] = [
  sweepItem('E-1A', {
    claim: 'Fig. 1(a): a balanced diagonal student stops extrapolating badly once k passes about 2d̂ = 10, twice the teacher’s state dimension.',
    assertion: 'For every seed: max over k ≤ 4 of E > 1, and min over k ≥ 16 of E < 0.2.',
    truth:
      'The drop is real but smeared, not a sharp switch at k = 10: E is above 1 for k ≤ 4, between about 0.03 and 0.5 for k = 8–12, and below 0.2 only from k ≈ 16. The teacher’s eigenvalue 1.05 amplifies small errors in the learned eigenvalues; E-X3 shows the sharp version.',
    rows: kRows({ 4: '33 / 150 / 4.9', 8: '0.50 / 0.31 / 0.37', 10: '0.47 / 0.027 / 0.33', 12: '0.40 / 0.073 / 0.22', 16: '0.19 / 0.052 / 0.040', 20: '0.12 / 0.0077 / 0.11' }),
    verdict: (points, results) =>
      everySeed(points, results, (get) => {
        const small = [2, 3, 4].map((k) => get(atK(k)));
        const large = [16, 17, 18, 19, 20].map((k) => get(atK(k)));
        if (small.some((r) => !r) || large.some((r) => !r)) return null;
        const hi = Math.max(...small.map((r) => r!.E));
        const lo = Math.min(...large.map((r) => r!.E));
        return [hi > 1 && lo < 0.2, `max E(k ≤ 4) = ${v3(hi)}, min E(k ≥ 16) = ${v3(lo)}`];
      }),
  }),
  sweepItem('E-X3', {
    claim: 'Lemma 7 and Fig. 1(a), sharp: with three teacher atoms, k = 2d̂ + 1 = 7 samples pin the teacher down; the paper’s figure places the transition near k = 2d̂.',
    assertion: 'For every seed: E(7) < 3e-3 and E(6) > 2e-2.',
    truth:
      'At k = 2d̂ = 6 the balanced student still fails (E ≈ 0.05–0.2); one more sample, k = 7 = 2d̂ + 1, is what switches extrapolation on (E ≈ 1e-3), as Lemma 7 says. “Near 2d̂” means just above it.',
    rows: kRows({ 6: '0.045 / 0.19 / 0.064', 7: '1.4e-3 / 5.0e-4 / 8.7e-4', 9: '1.4e-4 / 9.3e-5 / 1.2e-4' }),
    verdict: twoK(6, 7, (e6, e7) => e7 < 3e-3 && e6 > 2e-2),
  }),
  sweepItem('E-1B', {
    claim: 'Fig. 1(b): a full, unbalanced student learns the delay line d̂ = 10 and extrapolates once k exceeds about 2d̂ = 20.',
    assertion: 'For every seed: E(8) = 1 ± 1e-3, E(10), E(12), E(14) > 10, E(18) > 0.03, E(20) < 0.03, E(24) < 1e-4.',
    truth:
      'Three regimes, not one switch: at k = 8 the data are all zeros and the student learns h = 0 (E = 1); at k = 10–14 it fits the window with a spectral radius above 1 and explodes afterwards (E up to 1e40); from k = 16 E falls steadily, and k = 20 = 2d̂ is already enough for this (unbalanced) teacher.',
    quick: (p) => [8, 10, 12, 14, 18, 20, 24].includes(p.k),
    rows: [
      ...kRangeRows({ 8: '1.000' }),
      rangeRow('k = 10–14', '1e11 to 1e40', (p) => p.k >= 10 && p.k <= 14),
      ...kRangeRows({ 16: '0.21 – 0.26', 18: '0.053 – 0.086', 20: '0.0031 – 0.014', 22: '2e-5 – 7e-5', 24: '6e-7 – 2.3e-6', 28: '5e-9 – 1e-8' }),
    ],
    verdict: (points, results) =>
      everySeed(points, results, (get) => {
        const e = (k: number) => get(atK(k))?.E;
        const ks = [8, 10, 12, 14, 18, 20, 24];
        if (ks.some((k) => e(k) === undefined)) return null;
        const E = (k: number) => e(k)!;
        const holds = Math.abs(E(8) - 1) <= 1e-3 && [10, 12, 14].every((k) => E(k) > 10) && E(18) > 0.03 && E(20) < 0.03 && E(24) < 1e-4;
        return [holds, `E(8) = ${fmt(E(8), 4)}, min E(10–14) = ${v2(Math.min(E(10), E(12), E(14)))}, E(18) = ${v3(E(18))}, E(20) = ${v3(E(20))}, E(24) = ${v2(E(24))}`];
      }),
  }),
  sweepItem('E-ESC', {
    claim: 'From too small a start a full student never leaves the zero saddle of the delay teacher; a larger start escapes and fits.',
    assertion: 'For every seed: the final loss L(σ = 0.01) > 0.99, and L(0.02), L(0.05) < 1e-3.',
    truth:
      'The stuck σ = 0.01 student has a tiny E (the teacher’s tail past k = 20 is zero, and so is its response): E alone would call it perfect. The final loss — and the hollow “not fitted” mark — is what tells.',
    rows: [
      listRow('σ = 0.01: final L, s0 / s1 / s2', '1.00', (p) => p.sigma === 0.01, 'loss'),
      listRow('σ = 0.02: final L', '< 1e-3', (p) => p.sigma === 0.02, 'loss'),
      listRow('σ = 0.05: final L', '3.5e-5 / 1.8e-7 (s0 / s1)', (p) => p.sigma === 0.05, 'loss'),
      listRow('σ = 0.05: E', '0.024 / 0.019 (s0 / s1)', (p) => p.sigma === 0.05),
    ],
    verdict: (points, results) =>
      everySeed(points, results, (get) => {
        const L = (s: number) => get((p) => p.sigma === s)?.loss;
        if ([0.01, 0.02, 0.05].some((s) => L(s) === undefined)) return null;
        return [L(0.01)! > 0.99 && L(0.02)! < 1e-3 && L(0.05)! < 1e-3, `L = ${v3(L(0.01)!)}, ${v2(L(0.02)!)}, ${v2(L(0.05)!)}`];
      }),
  }),
  sweepItem('E-3A', {
    claim: 'Fig. 3(a): full students from a small start (σ = 1e-5) also switch to extrapolating once k passes about 2d̂ = 10.',
    assertion: 'For every seed: E(20) < E(4).',
    truth:
      'At this budget (15000 Adam steps) there is no transition: E only declines slowly with k, from about 1 at k = 4 to 0.1–0.3 at k = 20, and two k = 16 runs end before fitting. What holds is the direction (longer training sequences extrapolate better), not the sharp switch of the paper’s figure.',
    rows: kRows({ 4: '0.99 / 1.0 / 0.98', 10: '0.68 / 0.18 / 0.59', 16: '0.49 / 0.12 / 0.35', 20: '0.29 / 0.094 / 0.30' }),
    verdict: twoK(4, 20, (e4, e20) => e20 < e4),
  }),
  sweepItem('E-3B', {
    claim: 'Fig. 3(b): a full student on a random non-symmetric (bidiagonal) teacher extrapolates better and better as k grows past 2d̂.',
    assertion: 'For every seed: E(k ≤ 4) = 1 ± 1e-3, E(12) < 3e-3, E(16) < 1e-3.',
    rows: [
      rangeRow('k ≤ 4 (data all zero)', '1.000', (p) => p.k <= 4),
      ...kRows({ 5: '0.67 / 0.038 / 0.27', 6: '0.37 / 0.036 / 0.14' }),
      ...kRangeRows({ 8: '0.029 – 0.054', 10: '0.0048 – 0.027', 12: '5.6e-4 – 7.7e-4', 16: '2.7e-6 – 9.1e-5' }),
    ],
    verdict: (points, results) =>
      everySeed(points, results, (get) => {
        const small = [2, 4].map((k) => get(atK(k)));
        const e12 = get(atK(12));
        const e16 = get(atK(16));
        if (small.some((r) => !r) || !e12 || !e16) return null;
        const off = Math.max(...small.map((r) => Math.abs(r!.E - 1)));
        return [off <= 1e-3 && e12.E < 3e-3 && e16.E < 1e-3, `|E(k ≤ 4) − 1| ≤ ${v2(off)}, E(12) = ${v2(e12.E)}, E(16) = ${v2(e16.E)}`];
      }),
  }),
  sweepItem('E-4', {
    claim: 'Fig. 4: the larger the initialisation scale, the worse the extrapolation and the less balanced the learned student.',
    assertion: 'For every seed, at k = 10: E and β_BC are larger at σ = 0.1 than at σ = 1e-5, β_BC by at least 10×.',
    truth:
      'Holds between σ = 1e-5 and 0.1, but not step by step: below σ = 1e-3 Adam plateaus, so β_BC is not monotone in σ there, and σ = 0.3 (spectral radius near 2) may diverge.',
    quick: (p) => p.k === 10 && (p.sigma === 1e-5 || p.sigma === 0.1),
    rows: [
      listRow('k = 10, σ = 1e-5: E, s0 / s1 (/ s2)', '0.68 / 0.19', (p) => p.k === 10 && p.sigma === 1e-5),
      listRow('σ = 1e-5: β_BC', '8.6e-3 / 5.1e-3', (p) => p.k === 10 && p.sigma === 1e-5, 'betaBC'),
      listRow('σ = 1e-3: E', '0.68 / 0.19', (p) => p.k === 10 && p.sigma === 1e-3),
      listRow('σ = 1e-3: β_BC', '8.1e-3 / 8.1e-3', (p) => p.k === 10 && p.sigma === 1e-3, 'betaBC'),
      listRow('σ = 0.1: E', '0.88 / 0.73', (p) => p.k === 10 && p.sigma === 0.1),
      listRow('σ = 0.1: β_BC', '0.24 / 0.25', (p) => p.k === 10 && p.sigma === 0.1, 'betaBC'),
    ],
    verdict: (points, results) =>
      everySeed(points, results, (get) => {
        const small = get((p) => p.k === 10 && p.sigma === 1e-5);
        const big = get((p) => p.k === 10 && p.sigma === 0.1);
        if (!small || !big) return null;
        const ratio = big.betaBC / small.betaBC;
        return [big.E > small.E && ratio >= 10, `E ${v3(small.E)} → ${v3(big.E)}, β_BC ×${fmt(ratio, 3)}`];
      }),
  }),
  overlayItem('E-5', {
    claim: 'Fig. 5: students trained at k = 10 and k = 20 both fit their data; the k = 20 one follows the teacher far beyond it, the k = 10 one drifts off.',
    assertion: 'Both fit j < k (|h_j − w_j| < 1e-2), and E(20) < E(10).',
    rows: [listRow('k = 10: E', '0.47', atK(10)), listRow('k = 20: E', '0.12', atK(20))],
    verdict: (points, results) => {
      if (results.some((r) => !r?.h)) return null;
      const fitErr = points.map((p, i) => {
        const r = results[i]!;
        let m = 0;
        for (let j = 0; j < p.k; j++) m = Math.max(m, Math.abs(r.h![j] - r.w![j]));
        return m;
      });
      const e = (k: number) => results[points.findIndex(atK(k))]!.E;
      return {
        holds: fitErr.every((m) => m < 1e-2) && e(20) < e(10),
        text: `max |h_j − w_j| on the data: ${fitErr.map(v2).join(', ')}; E(10) = ${v3(e(10))}, E(20) = ${v3(e(20))}`,
      };
    },
  }),
  overlayItem('E-6', {
    claim: 'Fig. 6: on the delay teacher, k = 8 learns the zero response, k = 18 departs soon after j = 18, k = 20 is near exact.',
    assertion: null,
    rows: [listRow('k = 8: E', '1', atK(8)), listRow('k = 18: E', '0.085', atK(18)), listRow('k = 20: E', '0.0047', atK(20))],
    verdict: (points, results) => {
      if (results.some((r) => !r)) return null;
      return { holds: null, text: points.map((p, i) => `E(${p.k}) = ${v3(results[i]!.E)}`).join(', ') };
    },
  }),
  sweepItem('E-2', {
    claim:
      'Fig. 2 (GRU teacher 10, student 100): the GRU error falls once k_g passes about 4 d̂_g = 40 (k_g = 30 fails, 60 extrapolates). Fig. 2(b) plots the mean response over random inputs, which the paper calls an impulse response (erratum 12).',
    assertion: null,
    truth:
      'Scaled for the browser (teacher 4, student 32, k_g = 4 … 32, 3000 Adam steps): a threshold near k_g = 16 is expected but unverified; the lab asserts nothing here. The lab spec quotes no values for the scaled preset.',
    rows: [listRow('k_g = 4: E', '—', atK(4)), listRow('k_g = 16: E', '— (threshold near 16 expected)', atK(16)), listRow('k_g = 32: E', '—', atK(32))],
    verdict: (points, results) => {
      if (results.some((r) => !r)) return null;
      const ks = [...new Set(points.map((p) => p.k))];
      const mean = (k: number) => {
        const es = points.flatMap((p, i) => (p.k === k ? [results[i]!.E] : []));
        return es.reduce((a, b) => a + b, 0) / es.length;
      };
      return { holds: null, text: `mean E over seeds: ${ks.map((k) => `k_g = ${k}: ${v3(mean(k))}`).join(', ')} (no assertion)` };
    },
  }),
  sweepItem('E-TWIN', {
    claim: 'App. A: two teachers that agree on w_0 … w_2 cannot be told apart from k = 3 = 2d̂ − 1 samples; a fourth sample separates them.',
    assertion: 'For every seed: E(T2, 3) = 0.333 ± 0.01, E(T1, 3) < 2e-3, E(T2, 4) < 0.15.',
    rows: [
      rangeRow('k = 2: E(T1), E(T2)', '0.5 (both)', atK(2)),
      listRow('k = 3: E(T1), s0 / s1 / s2', '9.9e-4', (p) => p.k === 3 && p.teacherLabel === 'T1'),
      listRow('k = 3: E(T2)', '0.333', (p) => p.k === 3 && p.teacherLabel === 'T2'),
      listRow('E(T2, s0) at k = 4 / 5 / 6', '0.080 / 0.039 / 0.026', (p) => p.teacherLabel === 'T2' && p.seed === 0 && p.k >= 4),
    ],
    verdict: (points, results) =>
      everySeed(points, results, (get) => {
        const t2k3 = get((p) => p.teacherLabel === 'T2' && p.k === 3);
        const t1k3 = get((p) => p.teacherLabel === 'T1' && p.k === 3);
        const t2k4 = get((p) => p.teacherLabel === 'T2' && p.k === 4);
        if (!t2k3 || !t1k3 || !t2k4) return null;
        return [Math.abs(t2k3.E - 1 / 3) <= 0.01 && t1k3.E < 2e-3 && t2k4.E < 0.15, `E(T2, 3) = ${v3(t2k3.E)}, E(T1, 3) = ${v2(t1k3.E)}, E(T2, 4) = ${v3(t2k4.E)}`];
      }),
  }),
  {
    id: 'E-P3',
    figure: row('E-P3').figure,
    title: row('E-P3').title,
    kind: 'static',
    spec: row('E-P3').spec,
    points: [],
    claim: 'Prop. 3: with more state than data (d > k) infinitely many students fit every training sequence exactly, yet extrapolate differently.',
    assertion: 'Fit error < 1e-12, E(6, 50) = 0.8832, 6 negative masses g_i, cond(V) = 1.14e4.',
    rows: [],
    verdict: () => null,
    staticVerdict: (d) => ({
      holds: d.fitError < 1e-12 && Math.abs(d.E - 0.8832) < 5e-5 && d.negative === 6 && Math.abs(d.condV / 1.14e4 - 1) < 5e-3,
      text: `fit error ${v2(d.fitError)}, E = ${fmt(d.E, 5)}, ${d.negative} negative, cond(V) = ${fmt(d.condV, 4)}`,
    }),
  },
  sweepItem('E-P9', {
    claim: 'Prop. 9: gradient descent from a start of scale ε leaves the student balanced up to O(ε): β_BC shrinks in proportion to ε.',
    assertion: 'The log-log slope of the final β_BC against ε over ε ∈ [1e-4, 1e-2] lies in [0.8, 1.2].',
    truth: 'Under GD, as stated. Adam instead plateaus (near β_BC ≈ 3e-3), so the proportionality is a property of gradient descent, not of every optimiser.',
    rows: [
      listRow('β_BC at ε = 0.1 / 1e-2 / 1e-3 / 1e-4 / 1e-6', '3.8e-3 / 1.3e-4 / 1.4e-5 / 1.6e-6 / 2.2e-8', () => true, 'betaBC'),
      listRow('α_A', '0.101 / 1.0e-2 / 1.0e-3 / 1.0e-4 / 1.0e-6', () => true, 'alphaA'),
    ],
    verdict: (points, results) => {
      const idx = points.map((p, i) => (p.sigma >= 1e-4 && p.sigma <= 1e-2 ? i : -1)).filter((i) => i >= 0);
      if (idx.some((i) => !results[i])) return null;
      const slope = logLogSlope(
        idx.map((i) => points[i].sigma),
        idx.map((i) => results[i]!.betaBC),
      );
      return { holds: slope >= 0.8 && slope <= 1.2, text: `slope ${fmt(slope, 3)} over ε = ${idx.map((i) => fmt(points[i].sigma)).join(', ')}` };
    },
  }),
];

export const reproItem = (id: string) => REPRO_ITEMS.find((i) => i.id === id);

/** An item's verdict with the why of a failure attached (verdicts of items whose claim is known to fail say what is true). */
export function itemVerdict(item: ReproItem, results: (ItemResult | null)[]): Verdict | null {
  const v = item.verdict(item.points, results);
  return item.truth ? fails(v, 'see “what is true” below') : v;
}
