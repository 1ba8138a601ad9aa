import { FlowPath } from '../../engine/core/flow-path';
import { AbObjective } from '../../engine/flow-descent/ab';
import { abT1Bracket } from '../../engine/flow-descent/ab-regions';
import { DLN3_CURV_IM } from '../../engine/flow-descent/dln3-printed';
import { Tracking } from '../../engine/flow-descent/tracking';
import { objectiveProblem } from '../../engine/flow-descent/tracking-run';
import { trackingOptions } from './build';
import { loadLiveMnist } from './mnist/live-data';
import { fdPresetRow } from './presets';
import { armEtas, type FlowVsDescentSpec } from './schema';

/**
 * The Reproduce page's cards (docs/labs/flow-vs-descent.md Sec. 5): each runs its preset and sets the lab's values
 * beside the spec's, row by row, with a verdict. The expected numbers are the lab spec's (its float64 reference
 * implementation); a row holds when the lab value lies within the tolerance stated.
 */
export interface ReproRow {
  what: string;
  lab: number;
  expected: string;
  holds: boolean;
}

export interface ReproCard {
  id: string;
  figure: string;
  title: string;
  /** What the paper says (or "lab result" for what the lab adds). */
  claim: string;
  /** What the lab spec asserts. */
  assertion: string;
  rows: ReproRow[];
  ms: number;
}

type Row = Record<string, number>;

/** Every stamp's row of a spec's tracking, by column name (with t). */
export function trackRows(spec: FlowVsDescentSpec): Row[] {
  const { objective, options } = trackingOptions(spec);
  const tr = new Tracking(objective, options);
  const take = (): Row => ({ t: tr.t, ...Object.fromEntries(tr.columns.map((c, i) => [c, tr.row[i]])) });
  const rows = [take()];
  while (!tr.done) {
    const failed = tr.next();
    if (failed) throw new Error(failed);
    rows.push(take());
  }
  return rows;
}

/** The stamp at time t (a stamp must sit there). */
export const rowAt = (rows: Row[], t: number) => {
  const r = rows.find((x) => Math.abs(x.t - t) < 1e-9);
  if (!r) throw new Error(`no stamp at t = ${t}`);
  return r;
};
const argmax = (rows: Row[], key: string) => rows.reduce((b, r) => (r[key] > b[key] ? r : b), rows[0]);
const argmin = (rows: Row[], key: string) => rows.reduce((b, r) => (r[key] < b[key] ? r : b), rows[0]);

/** A row: the lab value within rel (relative) of the expected value. */
const rel = (what: string, lab: number, want: number, tol: number): ReproRow => ({
  what,
  lab,
  expected: `${want} (±${tol * 100}%)`,
  holds: Math.abs(lab - want) <= tol * Math.abs(want),
});
/** A row: the lab value within an absolute tolerance. */
const abs = (what: string, lab: number, want: number, tol: number): ReproRow => ({ what, lab, expected: `${want} ± ${tol}`, holds: Math.abs(lab - want) <= tol });
/** A row: an inequality. */
const ineq = (what: string, lab: number, expected: string, holds: boolean): ReproRow => ({ what, lab, expected, holds });

/** The distinct iterates of arm i in a coordinate, read off the stamps (each stamp holds the latest iterate). */
function iterates(rows: Row[], arm: number, coord: number): number[] {
  const out: number[] = [];
  let lastT = -1;
  for (const r of rows) {
    if (r[`gd${arm}.t`] !== lastT) out.push(r[`gd${arm}.x${coord}`]);
    lastT = r[`gd${arm}.t`];
  }
  return out;
}

/** How GD moved in one coordinate: monotone, oscillating (sign flips, shrinking), period 2 (|q| constant) or divergent. */
export function motion(qs: number[]): 'monotone' | 'oscillating' | 'period 2' | 'divergent' {
  const flips = qs.slice(1).every((q, i) => Math.sign(q) === -Math.sign(qs[i]));
  const ratio = Math.abs(qs[qs.length - 1] / qs[0]);
  if (!flips) return 'monotone';
  if (Math.abs(ratio - 1) < 1e-12) return 'period 2';
  return ratio > 1 ? 'divergent' : 'oscillating';
}
const MOTIONS = ['monotone', 'oscillating', 'period 2', 'divergent'] as const;
const motionRow = (what: string, qs: number[], want: (typeof MOTIONS)[number]): ReproRow => ({
  what,
  lab: MOTIONS.indexOf(motion(qs)),
  expected: want,
  holds: motion(qs) === want,
});

const CHECKS: Record<string, { claim: string; assertion: string; rows: (rows: Row[], spec: FlowVsDescentSpec) => ReproRow[] }> = {
  'FD-Q1': {
    claim: 'GD on a quadratic is monotone for eta lam < 1, oscillates up to 2, and diverges beyond 2/lam; its gap to the flow is first order in eta.',
    assertion: 'max_k |q_k − q(kη)| = 0.0018471 (η 0.01) and 0.019201 (η 0.1), at t = 1; the four regimes at η = 0.5, 1.5, 2.0, 2.05.',
    rows: (rows) => [
      rel('max gap, η = 0.01', rowAt(rows, 20)['gd0.maxD'], 0.0018471, 1e-4),
      rel('max gap, η = 0.1', rowAt(rows, 20)['gd1.maxD'], 0.019201, 1e-4),
      abs('t of the max gap, η = 0.01', rowAt(rows, 20)['gd0.maxDt'], 1, 1e-9),
      motionRow('η = 0.5', iterates(rows, 2, 0), 'monotone'),
      motionRow('η = 1.5', iterates(rows, 3, 0), 'oscillating'),
      motionRow('η = 2.0', iterates(rows, 4, 0), 'period 2'),
      motionRow('η = 2.05', iterates(rows, 5, 0), 'divergent'),
    ],
  },
  'FD-Q1c': {
    claim: 'Negative curvature amplifies the Euler error: on f = −q²/2 the gap grows like q₀ eᵗ η t / 2.',
    assertion: 'gap at t = 8: 0.118921, 1.161269, 9.325578; ratio to q₀ eᵗ η t/2: 0.9973, 0.9739, 0.7821 (η = 1e-3, 1e-2, 1e-1).',
    rows: (rows) => {
      const last = rowAt(rows, 8);
      const small = (eta: number) => 0.01 * Math.exp(8) * eta * 4;
      return [
        rel('gap, η = 1e-3', last['gd0.D'], 0.118921, 1e-5),
        rel('gap, η = 1e-2', last['gd1.D'], 1.161269, 1e-5),
        rel('gap, η = 1e-1', last['gd2.D'], 9.325578, 1e-5),
        abs('ratio, η = 1e-3', last['gd0.D'] / small(1e-3), 0.9973, 1e-4),
        abs('ratio, η = 1e-2', last['gd1.D'] / small(1e-2), 0.9739, 1e-4),
        abs('ratio, η = 1e-1', last['gd2.D'] / small(1e-1), 0.7821, 1e-4),
      ];
    },
  },
  'FD-Q2': {
    claim: 'With two curvatures the largest sets the thresholds: oscillation above 1/λmax, divergence above 2/λmax.',
    assertion: 'λ = (1, 10): q₂ monotone at η = 0.05, oscillating at 0.15 and 0.19, period 2 at exactly 0.2, divergent at 0.21.',
    rows: (rows) => [
      motionRow('q₂ at η = 0.05', iterates(rows, 0, 1), 'monotone'),
      motionRow('q₂ at η = 0.15', iterates(rows, 1, 1), 'oscillating'),
      motionRow('q₂ at η = 0.19', iterates(rows, 2, 1), 'oscillating'),
      motionRow('q₂ at η = 0.20', iterates(rows, 3, 1), 'period 2'),
      motionRow('q₂ at η = 0.21', iterates(rows, 4, 1), 'divergent'),
    ],
  },
  'FD-AB': {
    claim:
      'App. B: along a path of negative curvature −a the Euler error grows like e^{at}, so a fixed accuracy needs η shrinking like e^{−at}; GD diverges in q₃ once η > 1/(6a).',
    assertion:
      't_{1−ρ} = 10.581578; the flow reaches q₂ = 1 at t₁ = 10.591620 inside [10.591603, 10.591629]; GD’s ray angle exceeds the flow’s by 2.647η (relative); min_k ‖θ_k − θ(t̃)‖ = 0.187 η e^{t̃} (±3%).',
    rows: (rows, spec) => {
      const o = spec.objective as Extract<FlowVsDescentSpec['objective'], { family: 'ab' }>;
      const obj = new AbObjective({ a: o.a, zc: o.zc, zb: o.zb, rho: o.rho });
      const path = new FlowPath(objectiveProblem(obj), Float64Array.from(o.q0), spec.solver.rtol, spec.solver.atol, 'dopri5');
      path.advance(11);
      const q2 = (th: Float64Array) => th[1];
      const tExit = path.crossing(q2, 1 - o.rho, 1e-13);
      const t1 = path.crossing(q2, 1, 1e-13);
      const { lo, hi } = abT1Bracket(o.q0[1], o.a, o.rho);
      const angleExcess = (arm: number, eta: number) => {
        const r = rowAt(rows, 12.5);
        const gf = Math.atan2(r['gf.x1'], r['gf.x0']);
        return (Math.atan2(r[`gd${arm}.x1`], r[`gd${arm}.x0`]) - gf) / gf / eta;
      };
      const closest = (tTilde: number, eta: number) => {
        const r = rowAt(rows, tTilde);
        const target = [r['gf.x0'], r['gf.x1'], r['gf.x2']];
        return minDistanceAlongGd(obj, Float64Array.from(o.q0), eta, target, tTilde + 1) / (eta * Math.exp(tTilde));
      };
      return [
        abs('t_{1−ρ} (flow crosses q₂ = 1 − ρ)', tExit, 10.581578, 2e-6),
        abs('t₁ (flow crosses q₂ = 1)', t1, 10.59162, 2e-6),
        ineq('t₁ inside the Lemma 75 bracket', t1, `in [${lo.toFixed(6)}, ${hi.toFixed(6)}]`, t1 >= lo && t1 <= hi),
        rel('ray-angle excess / η, η = 1e-4', angleExcess(0, 1e-4), 2.647, 5e-3),
        rel('ray-angle excess / η, η = 1e-3', angleExcess(1, 1e-3), 2.647, 5e-3),
        rel('min_k ‖θ_k − θ(11.5)‖ / (η e^t̃), η = 1e-3', closest(11.5, 1e-3), 0.187, 0.03),
        rel('min_k ‖θ_k − θ(12.5)‖ / (η e^t̃), η = 1e-3', closest(12.5, 1e-3), 0.187, 0.03),
        ineq('|q₃| after 400 GD steps at η = 0.99/(6a)', gdQ3(obj, o.q0, 0.99 / (6 * o.a)), '< |q₃(0)| (converges)', gdQ3(obj, o.q0, 0.99 / (6 * o.a)) < Math.abs(o.q0[2])),
        ineq('|q₃| after 400 GD steps at η = 1.01/(6a)', gdQ3(obj, o.q0, 1.01 / (6 * o.a)), '> |q₃(0)| (diverges)', gdQ3(obj, o.q0, 1.01 / (6 * o.a)) > Math.abs(o.q0[2])),
      ];
    },
  },
  'FD-MN-live': {
    claim: 'Figs. 1 and 3: on an MNIST network GD at η₀ already tracks the flow: the runs at η₀, η₀/r and the flow lie on top of each other.',
    assertion:
      'all loss curves coincide at plot resolution (within 1% of the initial loss of each other at every stamp); the drift between runs stays within 5% of the distance from the start.',
    rows: (rows, spec) => {
      const arms = armEtas(spec).map((_, i) => i);
      // plot resolution: the spread between the curves against the plot's scale, the initial loss
      const f0 = rows[0]['gf.f'];
      const spread = Math.max(...rows.map((r) => (Math.max(r['gf.f'], ...arms.map((i) => r[`gd${i}.f`])) - Math.min(r['gf.f'], ...arms.map((i) => r[`gd${i}.f`]))) / f0));
      const drift = Math.max(...rows.slice(1).flatMap((r) => arms.slice(1).map((i) => r[`gd${i}.drift`] / r['gd0.dist'])));
      const last = rows[rows.length - 1];
      return [
        ineq('loss falls (final / initial, flow)', last['gf.f'] / rows[0]['gf.f'], '< 1', last['gf.f'] < rows[0]['gf.f']),
        ineq('max spread of the loss curves / initial loss', spread, '< 1%', spread < 0.01),
        ineq('max drift / distance from the start', drift, '≤ 5%', drift <= 0.05),
      ];
    },
  },
  'FD-DLN3': {
    claim: 'From a small balanced start the flow meets only mild negative curvature, so GD with ordinary step sizes tracks it: D ≈ η ‖E(t)‖.',
    assertion: 'The Sec. 5.2 reference table (1e-4 relative); max ‖E‖ = 0.38794, ‖E(30)‖ = 0.08820; max D/η = 0.38792, 0.38776, 0.38541.',
    rows: (rows) => {
      const m = argmax(rows, 'gf.E');
      const last = rowAt(rows, 30);
      return [
        rel('f − min f at t = 3', rowAt(rows, 3)['gf.f'], 9.50285e-2, 1e-4),
        rel('λmin at t = 4', rowAt(rows, 4)['gf.lmin'], -0.13539, 1e-4),
        rel('λmax at t = 6', rowAt(rows, 6)['gf.lmax'], 2.9972, 1e-4),
        rel('max ‖E‖', m['gf.E'], 0.38794, 2e-4),
        rel('‖E(30)‖', last['gf.E'], 0.0882, 1e-4),
        rel('max D/η, η = 1e-3', last['gd0.maxD'] / 1e-3, 0.38792, 2e-4),
        rel('max D/η, η = 1e-2', last['gd1.maxD'] / 1e-2, 0.38776, 2e-4),
        rel('max D/η, η = 1e-1', last['gd2.maxD'] / 1e-1, 0.38541, 2e-4),
      ];
    },
  },
  'FD-DLN3-curv': {
    claim: 'Along the flow from near zero, λmin stays above the Eq. 14 bound and its integral I_m saturates: the flow is roughly convex.',
    assertion: 'I_m(t) = 0.6023, 1.2295, 1.9515, 2.0674, 2.0852, 2.0855 at t = 1, 2, 4, 6, 10, 20; min λmin = −0.6465 at t = 1.375; λmin / bound = 0.5 from t = 3.',
    rows: (rows) => [
      ...DLN3_CURV_IM.map(([t, v]) => abs(`I_m(${t})`, rowAt(rows, t)['gf.Im'], v, 1e-4)),
      abs('min λmin', argmin(rows, 'gf.lmin')['gf.lmin'], -0.6465, 1e-4),
      abs('λmin / bound at t = 10', rowAt(rows, 10)['gf.lmin'] / rowAt(rows, 10)['gf.bound'], 0.5, 5e-4),
    ],
  },
  'FD-DLN3-unbal': {
    claim: 'Lab result: GD unbalances the layers, by exactly η² (G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) per step; the flow conserves balance (Eq. 19).',
    assertion: 'U(t = 20) = 2.161e-4, 2.161e-3, 2.168e-2, 0.1103 for η = 1e-3, 1e-2, 1e-1, 0.5; the flow keeps U below 1e-9.',
    rows: (rows) => {
      const last = rowAt(rows, 20);
      return [
        rel('U(20), η = 1e-3', last['gd0.U'], 2.161e-4, 5e-4),
        rel('U(20), η = 1e-2', last['gd1.U'], 2.161e-3, 5e-4),
        rel('U(20), η = 1e-1', last['gd2.U'], 2.168e-2, 5e-4),
        rel('U(20), η = 0.5', last['gd3.U'], 0.1103, 5e-4),
        ineq(
          'max U along the flow',
          Math.max(...rows.map((r) => r['gf.U'])),
          '< 1e-9',
          rows.every((r) => r['gf.U'] < 1e-9),
        ),
      ];
    },
  },
  'FD-DLN2': {
    claim: 'For n = 2 Lemma 7 is tight at the start, and the flow converges to a minimum of sharpness 2.',
    assertion: 'f − min f = 0.37574, 0.120239, 1.04278e-2, 9.40053e-5 at t = 1, 2, 3, 5; λmin(0) = −1.005; λmax → 2; max ‖E‖ = 0.26194.',
    rows: (rows) => [
      rel('f − min f at t = 1', rowAt(rows, 1)['gf.f'], 0.37574, 1e-4),
      rel('f − min f at t = 5', rowAt(rows, 5)['gf.f'], 9.40053e-5, 1e-4),
      rel('λmin(0)', rowAt(rows, 0)['gf.lmin'], -1.005, 1e-4),
      rel('λmin(0) / Lemma 7 bound', rowAt(rows, 0)['gf.lmin'] / rowAt(rows, 0)['gf.bound'], 1, 1e-9),
      abs('λmax(10)', rowAt(rows, 10)['gf.lmax'], 2, 1e-5),
      rel('max ‖E‖', argmax(rows, 'gf.E')['gf.E'], 0.26194, 3e-4),
    ],
  },
  'FD-DLN-gauss': {
    claim: 'From a near-zero Gaussian start the flow rests on a plateau, escapes, and converges; λmin stays above the Eq. 14 bound (Prop. 8).',
    assertion: 'plateau at f − min f = 0.5, escape roughly between t = 25 and 50, convergence by t = 150; λmin ≥ bound at every stamp.',
    rows: (rows) => {
      const escapeT = rows.find((r) => r['gf.f'] < 0.25)?.t ?? Number.NaN;
      return [
        abs('f − min f at t = 10 (plateau)', rowAt(rows, 10)['gf.f'], 0.5, 0.02),
        ineq('escape time (f − min f < 0.25)', escapeT, 'in [25, 50]', escapeT >= 25 && escapeT <= 50),
        ineq('f − min f at t = 150', rowAt(rows, 150)['gf.f'], '< 1e-6', rowAt(rows, 150)['gf.f'] < 1e-6),
        ineq(
          'min (λmin − bound)',
          Math.min(...rows.map((r) => r['gf.lmin'] - r['gf.bound'])),
          '≥ −1e-9',
          rows.every((r) => r['gf.lmin'] - r['gf.bound'] >= -1e-9),
        ),
      ];
    },
  },
  'FD-relu': {
    claim: 'For ReLU nets the curvature along the flow is only mildly negative, above the Lemma 11 bound, so GD stays close; η = 1.0 meets 2/λmax late.',
    assertion: 'loss below 1e-3 by t = 200; λmin above the Lemma 11 bound at every stamp; per-neuron q flat under the flow (to solver tolerance), drifting under GD.',
    rows: (rows, spec) => {
      const last = rowAt(rows, 200);
      return [
        ineq('f − min f at t = 200', last['gf.f'], '< 1e-3', last['gf.f'] < 1e-3),
        ineq(
          'min (λmin − Lemma 11 bound)',
          Math.min(...rows.map((r) => r['gf.lmin'] - r['gf.bound'])),
          '≥ 0',
          rows.every((r) => r['gf.lmin'] >= r['gf.bound']),
        ),
        ineq(
          'max q drift, flow',
          Math.max(...rows.map((r) => r['gf.qDrift'])),
          `< 100 × rtol = ${100 * spec.solver.rtol}`,
          rows.every((r) => r['gf.qDrift'] < 100 * spec.solver.rtol),
        ),
        ineq('q drift, GD η = 0.05, at t = 200', last['gd0.qDrift'], '> flow drift', last['gd0.qDrift'] > last['gf.qDrift']),
        ineq('max λmax along the flow', Math.max(...rows.map((r) => r['gf.lmax'])), '> 1 (so η = 1.0 > 2/λmax late)', Math.max(...rows.map((r) => r['gf.lmax'])) > 1),
      ];
    },
  },
};

/** min over GD iterates k (t_k <= tMax) of ||theta_k - target||. */
function minDistanceAlongGd(obj: AbObjective, q0: Float64Array, eta: number, target: number[], tMax: number): number {
  const th = Float64Array.from(q0);
  const g = new Float64Array(3);
  let best = Infinity;
  for (let k = 0; k * eta <= tMax; k++) {
    best = Math.min(best, Math.sqrt((th[0] - target[0]) * (th[0] - target[0]) + (th[1] - target[1]) * (th[1] - target[1]) + (th[2] - target[2]) * (th[2] - target[2])));
    obj.grad(th, g);
    for (let i = 0; i < 3; i++) th[i] -= eta * g[i];
  }
  return best;
}

/** |q3| after 400 GD steps (q3 is its own coordinate: q3_k = (1 - 12 a eta)^k q3_0). */
function gdQ3(obj: AbObjective, q0: readonly number[], eta: number): number {
  const th = Float64Array.from(q0);
  const g = new Float64Array(3);
  for (let k = 0; k < 400; k++) {
    obj.grad(th, g);
    th[2] -= eta * g[2];
  }
  return Math.abs(th[2]);
}

/** The ids with a card, in page order. */
export const REPRO_IDS = Object.keys(CHECKS);

/** Runs one card's preset (or a smaller version of it: `over` replaces fields of its spec) and checks it. */
export async function reproduceCard(id: string, over: Partial<FlowVsDescentSpec> = {}): Promise<ReproCard> {
  const preset = fdPresetRow(id);
  const check = CHECKS[id];
  if (!preset || !check) throw new Error(`no reproduction for ${id}`);
  const spec = { ...preset.spec, ...over };
  const t0 = performance.now();
  if (spec.objective.family === 'mnist') await loadLiveMnist();
  const rows = check.rows(trackRows(spec), spec);
  return { id, figure: preset.figure, title: preset.title, claim: check.claim, assertion: check.assertion, rows, ms: performance.now() - t0 };
}
