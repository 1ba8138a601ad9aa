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
 * at once (b: from the spec); the GD paths, ODE samples and hyperbolas come from the last comparison c (drawn faded
 * while `stale`, i.e. while a newer experiment is being computed; absent before the first result).
 */
export function buildOverlays(c: Comparison | null, b: SpecBasics, cursor: number | null, second: GdResult | null = null, stale = false): LandscapeOverlay[] {
  const { phi, eta, spec } = b;
  const out: LandscapeOverlay[] = [];
  const far = 1e3;
  out.push({ kind: 'path', id: 'diag', x: [-far, far], y: [-far, far], color: 'white', width: 0.75, dash: '2 4', opacity: 0.5 });
  out.push({ kind: 'path', id: 'antidiag', x: [-far, far], y: [far, -far], color: 'white', width: 0.75, dash: '2 4', opacity: 0.5 });
  for (const sgn of [1, -1])
    out.push({ kind: 'path', id: `minima${sgn}`, ...branch(phi, sgn), color: 'white', width: 1.5, opacity: 0.9, label: sgn > 0 ? 'minima ab = Φ' : undefined });
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
  const tr = c && !stale ? c.gd.trace! : null;
  if (spec.ui.hyperbolas && tr) {
    // Iso-imbalance hyperbolas a^2 - b^2 = Q(t) through the first iterates (Fig. 1's tangent-step picture).
    for (let k = 0; k < Math.min(tr.n, 6); k++) {
      const Q = tr.a[k] ** 2 - tr.b[k] ** 2;
      const s = Math.sqrt(Math.abs(Q));
      const n = 200;
      const u = Float64Array.from({ length: n }, (_, i) => -3 + (6 * i) / (n - 1));
      const sa = Math.sign(Q >= 0 ? tr.a[k] : tr.b[k]) || 1;
      const x = Q >= 0 ? u.map((v) => sa * s * Math.cosh(v)) : u.map((v) => s * Math.sinh(v));
      const y = Q >= 0 ? u.map((v) => s * Math.sinh(v)) : u.map((v) => sa * s * Math.cosh(v));
      out.push({ kind: 'path', id: `hyp${k}`, x, y, color: OKABE_ITO[3], width: 0.8, opacity: 0.8, label: k === 0 ? 'a² − b² = Q(t)' : undefined });
    }
  }
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
    if (c && tr) {
      const upto = cursor === null ? tr.n : cursor + 1;
      out.push({ kind: 'path', id: 'gf-ode', x: c.gf.a, y: c.gf.b, n: Math.min(upto, 400), color: GF_COLOR, width: 0, dots: 2.5, label: 'GF (ODE) at t = kη' });
    }
    const lim = flow.limit();
    out.push({ kind: 'point', id: 'gf-end', x: lim.a[0], y: lim.b[0], color: GF_COLOR, shape: 'diamond', label: `R ${fmt(flow.R)}`, labelDy: 12 });
  }
  if (c) {
    const gd = c.gd;
    const all = gd.trace!;
    // records shown: all, or up to the step-through cursor
    const upto = cursor === null ? all.n : cursor + 1;
    // The second start under the first, so the experiment's own path stays on top where they overlap.
    if (second && spec.ui.compare) out.push(...secondOverlays(second, cursor === null ? null : all.step[cursor], spec.ui.compare, stale));
    else if (spec.ui.compare) out.push(secondStart(spec.ui.compare));
    // The path (at most PATH_MAX_VERTICES vertices) and its dots (at most MAX_DOTS, evenly spaced), coloured by record
    // index over the whole run so the colours hold while stepping through. Faded (the line only: one attribute) while
    // a newer experiment is computed.
    const path = thinPath(all.a, all.b, upto);
    const dots = path.n <= MAX_DOTS ? path : thinPath(all.a, all.b, upto, MAX_DOTS);
    const idx = (k: number) => (dots.n === upto ? k : Math.round((k * (upto - 1)) / Math.max(1, dots.n - 1)));
    const last = Math.max(1, all.n - 1);
    const dotColor = (k: number) => `hsl(${24 - 14 * (idx(k) / last)}, 95%, ${72 - 40 * Math.min(1, idx(k) / Math.min(last, 60))}%)`;
    const label = 'GD iterates (dark = later)';
    if (dots === path) out.push({ kind: 'path', id: 'gd', ...path, color: GD_COLOR, width: 0.8, opacity: stale ? 0.35 : 1, dots: 3, dotColor, label });
    else {
      out.push({ kind: 'path', id: 'gd', ...path, color: GD_COLOR, width: 0.8, opacity: stale ? 0.35 : 1, label });
      out.push({ kind: 'path', id: 'gd-dots', ...dots, color: GD_COLOR, width: 0, dots: 3, dotColor });
    }
    if (cursor !== null)
      out.push({ kind: 'point', id: 'gd-now', x: all.a[cursor], y: all.b[cursor], color: GD_COLOR, r: 7, shape: 'circle', label: `k = ${all.step[cursor]}`, labelDy: 14 });
    if (!stale && gd.outcome === 'converged' && (cursor === null || cursor === all.n - 1))
      out.push({ kind: 'point', id: 'gd-end', x: gd.a, y: gd.b, color: GD_COLOR, shape: 'diamond', label: `λ ${fmt(gd.lam)}`, labelDy: -10 });
  } else if (spec.ui.compare) out.push(secondStart(spec.ui.compare));
  out.push({ kind: 'point', id: 'init', x: b.a0, y: b.b0, color: '#111827', r: 6, legend: 'start (click/drag)' });
  return out;
}

/** The second start's GD path up to the same step as the cursor, its end (with lam) and its start marker. */
function secondOverlays(g: GdResult, uptoStep: number | null, start: { a: number; b: number }, stale: boolean): LandscapeOverlay[] {
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
      opacity: stale ? 0.35 : 1,
      color: GD2_COLOR,
      width: 0.8,
      dots: 3,
      dotColor: (i) => `hsl(322, 55%, ${80 - 42 * Math.min(1, i / Math.max(1, Math.min(tr.n - 1, 60)))}%)`,
      label: '2nd start: GD iterates',
    },
  ];
  if (!stale && g.outcome === 'converged' && n === tr.n)
    out.push({ kind: 'point', id: 'gd2-end', x: g.a, y: g.b, color: GD2_COLOR, shape: 'diamond', label: `λ ${fmt(g.lam)}`, labelDy: 14 });
  out.push(secondStart(start));
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
