import type { GdResult } from '../../engine/stability/stability';
import { stableHalfWidth } from '../../engine/stability/stability';
import type { LandscapeOverlay } from '../../plots/Landscape';
import { OKABE_ITO } from '../../plots/palette';
import { fmt } from './format';
import type { Comparison, SpecBasics } from './compare';

export const GD_COLOR = OKABE_ITO[1];
export const GF_COLOR = OKABE_ITO[5];
/** The second start's GD path (shift-click): reddish purple, apart from GD's vermillion and GF's sky blue. */
export const GD2_COLOR = OKABE_ITO[3];

function branch(phi: number, sign: number, u0 = -4, u1 = 4, n = 400) {
  const s = Math.sqrt(phi);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = u0 + ((u1 - u0) * i) / (n - 1);
    x[i] = sign * s * Math.exp(u);
    y[i] = sign * s * Math.exp(-u);
  }
  return { x, y };
}

/** Most vertices a GD path is drawn with (longer recorded traces are thinned evenly for the landscape only). */
export const PATH_MAX_VERTICES = 1000;
/** Most iterate dots drawn on a GD path (each is an SVG element the page's thread updates with every new run). */
export const MAX_DOTS = 400;

/**
 * The first `upto` records of a trace as a path of at most PATH_MAX_VERTICES vertices, evenly thinned, the last one
 * kept; the arrays themselves when short enough.
 */
export function thinPath(x: Float64Array, y: Float64Array, upto: number, max = PATH_MAX_VERTICES): { x: ArrayLike<number>; y: ArrayLike<number>; n: number } {
  if (upto <= max) return { x, y, n: upto };
  const tx = new Float64Array(max);
  const ty = new Float64Array(max);
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (upto - 1)) / (max - 1));
    tx[k] = x[i];
    ty[k] = y[i];
  }
  return { x: tx, y: ty, n: max };
}

/**
 * Everything drawn over the loss landscape. The minima, circle, closed-form GF and the start follow the experiment
 * at once (b: from the spec); the GD paths, ODE samples and hyperbolas come from the last comparison c (hidden or
 * faded while `stale`, i.e. while a newer experiment is being computed; absent before the first result).
 *
 * The result's overlays are built once per (c, cursor, second, compare) and their fades once per overlay, so a drag,
 * which rebuilds this list at every mouse move, hands the landscape the same objects for them and it does not
 * re-render the last run's path and its hundreds of dots (see the memoised overlays in plots/Landscape).
 */
export function buildOverlays(c: Comparison | null, b: SpecBasics, cursor: number | null, second: GdResult | null = null, stale = false): LandscapeOverlay[] {
  const { phi, eta, spec } = b;
  const out: LandscapeOverlay[] = [];
  out.push(DIAGONALS[0], DIAGONALS[1]);
  out.push(...minimaOf(phi));
  if (spec.ui.circle) {
    const r = Math.sqrt(2 / eta);
    const n = 240;
    const x = Float64Array.from({ length: n + 1 }, (_, i) => r * Math.cos((2 * Math.PI * i) / n));
    const y = Float64Array.from({ length: n + 1 }, (_, i) => r * Math.sin((2 * Math.PI * i) / n));
    out.push({ kind: 'path', id: 'circle', x, y, color: OKABE_ITO[4], width: 1, dash: '5 3', label: 'a² + b² = 2/η' });
    const w = stableHalfWidth(eta, phi);
    if (Number.isFinite(w))
      for (const sgn of [1, -1])
        out.push({
          kind: 'path',
          id: `stable${sgn}`,
          ...branch(phi, sgn, -w, w, 120),
          color: OKABE_ITO[2],
          width: 5,
          opacity: 0.9,
          label: sgn > 0 ? 'stable minima (λ ≤ 2/η)' : undefined,
        });
  }
  // (whether a second start is set, not its object: every edit of the experiment makes a new spec object)
  const r = c ? resultOverlays(c, cursor, second, !!spec.ui.compare) : null;
  // Iso-imbalance hyperbolas a^2 - b^2 = Q(t) through the first iterates (Fig. 1's tangent-step picture).
  if (spec.ui.hyperbolas && r) out.push(...r.hyperbolas.map((o) => (stale ? hiddenOf(o) : o)));
  const flow = b.flow;
  if (spec.ui.gf && !flow.toSaddle) {
    // The exact flow (closed form) as a curve; the ODE solution at t = k eta as hollow dots on it.
    const tEnd = Math.max(8 / Math.max(flow.R, 1e-3), 1);
    const n = 400;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = flow.at(tEnd * (i / (n - 1)) ** 2);
      x[i] = p.a[0];
      y[i] = p.b[0];
    }
    out.push({ kind: 'path', id: 'gf', x, y, color: GF_COLOR, width: 2.5, label: 'gradient flow' });
    // the ODE samples belong to the last run's start: hidden while the start has moved on
    if (r) out.push(stale ? hiddenOf(r.gfOde) : r.gfOde);
    const lim = flow.limit();
    out.push({ kind: 'point', id: 'gf-end', x: lim.a[0], y: lim.b[0], color: GF_COLOR, shape: 'diamond', label: `R ${fmt(flow.R)}`, labelDy: 12 });
  }
  if (r) {
    // The second start under the first, so the experiment's own path stays on top where they overlap.
    if (r.second && spec.ui.compare) out.push(...r.second.map((o) => (stale ? fadedOf(o) : o)));
    if (spec.ui.compare) out.push(secondStart(spec.ui.compare));
    out.push(...r.gd.map((o) => (stale ? fadedOf(o) : o)));
  } else if (spec.ui.compare) out.push(secondStart(spec.ui.compare));
  out.push({ kind: 'point', id: 'init', x: b.a0, y: b.b0, color: '#111827', r: 6, legend: 'start (click/drag)' });
  return out;
}

const DIAGONALS: LandscapeOverlay[] = [
  { kind: 'path', id: 'diag', x: [-1e3, 1e3], y: [-1e3, 1e3], color: 'white', width: 0.75, dash: '2 4', opacity: 0.5 },
  { kind: 'path', id: 'antidiag', x: [-1e3, 1e3], y: [1e3, -1e3], color: 'white', width: 0.75, dash: '2 4', opacity: 0.5 },
];

/** The two branches of minima ab = Phi (kept while Phi stays). */
const minimaOf = lastOf((phi: number): LandscapeOverlay[] =>
  [1, -1].map((sgn) => ({ kind: 'path', id: `minima${sgn}`, ...branch(phi, sgn), color: 'white', width: 1.5, opacity: 0.9, label: sgn > 0 ? 'minima ab = Φ' : undefined })),
);

interface ResultOverlays {
  hyperbolas: LandscapeOverlay[];
  gfOde: LandscapeOverlay;
  /** The second start's path and end (its start marker follows the spec). */
  second: LandscapeOverlay[] | null;
  /** GD's path, dots, cursor and end. */
  gd: LandscapeOverlay[];
}

/** What the last comparison draws, up to the step-through cursor (one cached result: the latest arguments). */
const resultOverlays = lastOf((c: Comparison, cursor: number | null, second: GdResult | null, compare: boolean): ResultOverlays => {
  const gd = c.gd;
  const all = gd.trace!;
  // records shown: all, or up to the step-through cursor
  const upto = cursor === null ? all.n : cursor + 1;
  const hyperbolas: LandscapeOverlay[] = [];
  for (let k = 0; k < Math.min(all.n, 6); k++) {
    const Q = all.a[k] ** 2 - all.b[k] ** 2;
    const s = Math.sqrt(Math.abs(Q));
    const n = 200;
    const u = Float64Array.from({ length: n }, (_, i) => -3 + (6 * i) / (n - 1));
    const sa = Math.sign(Q >= 0 ? all.a[k] : all.b[k]) || 1;
    const x = Q >= 0 ? u.map((v) => sa * s * Math.cosh(v)) : u.map((v) => s * Math.sinh(v));
    const y = Q >= 0 ? u.map((v) => s * Math.sinh(v)) : u.map((v) => sa * s * Math.cosh(v));
    hyperbolas.push({ kind: 'path', id: `hyp${k}`, x, y, color: OKABE_ITO[3], width: 0.8, opacity: 0.8, label: k === 0 ? 'a² − b² = Q(t)' : undefined });
  }
  const gfOde: LandscapeOverlay = { kind: 'path', id: 'gf-ode', x: c.gf.a, y: c.gf.b, n: Math.min(upto, 400), color: GF_COLOR, width: 0, dots: 2.5, label: 'GF (ODE) at t = kη' };
  // The path (at most PATH_MAX_VERTICES vertices) and its dots (at most MAX_DOTS, evenly spaced), coloured by record
  // index over the whole run so the colours hold while stepping through. Faded (the line only: one attribute) while
  // a newer experiment is computed.
  const path = thinPath(all.a, all.b, upto);
  const dots = path.n <= MAX_DOTS ? path : thinPath(all.a, all.b, upto, MAX_DOTS);
  const idx = (k: number) => (dots.n === upto ? k : Math.round((k * (upto - 1)) / Math.max(1, dots.n - 1)));
  const last = Math.max(1, all.n - 1);
  // whole hue and lightness steps: dots of one colour are drawn as one element (plots/Landscape PathDots)
  const dotColor = (k: number) => `hsl(${Math.round(24 - 14 * (idx(k) / last))}, 95%, ${Math.round(72 - 40 * Math.min(1, idx(k) / Math.min(last, 60)))}%)`;
  const label = 'GD iterates (dark = later)';
  const gdOut: LandscapeOverlay[] = [];
  if (dots === path) gdOut.push({ kind: 'path', id: 'gd', ...path, color: GD_COLOR, width: 0.8, dots: 3, dotColor, label });
  else {
    gdOut.push({ kind: 'path', id: 'gd', ...path, color: GD_COLOR, width: 0.8, label });
    gdOut.push({ kind: 'path', id: 'gd-dots', ...dots, color: GD_COLOR, width: 0, dots: 3, dotColor });
  }
  if (cursor !== null)
    gdOut.push({ kind: 'point', id: 'gd-now', x: all.a[cursor], y: all.b[cursor], color: GD_COLOR, r: 7, shape: 'circle', label: `k = ${all.step[cursor]}`, labelDy: 14 });
  if (gd.outcome === 'converged' && (cursor === null || cursor === all.n - 1))
    gdOut.push({ kind: 'point', id: 'gd-end', x: gd.a, y: gd.b, color: GD_COLOR, shape: 'diamond', label: `λ ${fmt(gd.lam)}`, labelDy: -10 });
  return { hyperbolas, gfOde, second: second && compare ? secondOverlays(second, cursor === null ? null : all.step[cursor]) : null, gd: gdOut };
});

/**
 * A result overlay as drawn while a newer experiment is computed: a path's line faded (its dots as they were), an end
 * marker hidden (the run it marks is no longer the experiment's). One object per overlay, reused while stale.
 */
function fadedOf(o: LandscapeOverlay): LandscapeOverlay {
  return o.kind === 'point' ? hiddenOf(o) : cached(FADED, o, () => ({ ...o, opacity: 0.35 }));
}

/** An overlay kept in the document but not drawn (one object per overlay). */
function hiddenOf(o: LandscapeOverlay): LandscapeOverlay {
  return cached(HIDDEN, o, () => ({ ...o, hidden: true }));
}

const FADED = new WeakMap<LandscapeOverlay, LandscapeOverlay>();
const HIDDEN = new WeakMap<LandscapeOverlay, LandscapeOverlay>();
function cached(map: WeakMap<LandscapeOverlay, LandscapeOverlay>, o: LandscapeOverlay, make: () => LandscapeOverlay): LandscapeOverlay {
  const had = map.get(o);
  if (had) return had;
  const v = make();
  map.set(o, v);
  return v;
}

/** A function that remembers its last call: the same arguments (by identity) give the same result object. */
function lastOf<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let args: A | null = null;
  let out: R;
  return (...a: A) => {
    if (!args || a.length !== args.length || a.some((v, i) => v !== args![i])) {
      out = fn(...a);
      args = a;
    }
    return out;
  };
}

/** The second start's GD path up to the same step as the cursor and its end (with lam). */
function secondOverlays(g: GdResult, uptoStep: number | null): LandscapeOverlay[] {
  const tr = g.trace!;
  let n = tr.n;
  if (uptoStep !== null) {
    n = 0;
    while (n < tr.n && tr.step[n] <= uptoStep) n++;
  }
  const out: LandscapeOverlay[] = [
    {
      kind: 'path',
      id: 'gd2',
      ...thinPath(tr.a, tr.b, n, MAX_DOTS),
      color: GD2_COLOR,
      width: 0.8,
      dots: 3,
      dotColor: (i) => `hsl(322, 55%, ${Math.round(80 - 42 * Math.min(1, i / Math.max(1, Math.min(tr.n - 1, 60))))}%)`,
      label: '2nd start: GD iterates',
    },
  ];
  if (g.outcome === 'converged' && n === tr.n)
    out.push({ kind: 'point', id: 'gd2-end', x: g.a, y: g.b, color: GD2_COLOR, shape: 'diamond', label: `λ ${fmt(g.lam)}`, labelDy: 14 });
  return out;
}

const secondStart = (start: { a: number; b: number }): LandscapeOverlay => ({
  kind: 'point',
  id: 'init2',
  x: start.a,
  y: start.b,
  color: GD2_COLOR,
  r: 6,
  shape: 'cross',
  legend: '2nd start (shift-click)',
});
