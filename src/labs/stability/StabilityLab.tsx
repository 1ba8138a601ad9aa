import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { compare, type Comparison } from '../../engine/analysis/stability';
import { stableHalfWidth } from '../../engine/models/stability';
import { Landscape, type LandscapeOverlay, type View } from '../../plots/Landscape';
import { useLandscapeGrid } from '../../plots/landscape-client';
import { OKABE_ITO } from '../../plots/palette';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow, tolOf, type StabilitySpec } from '../../spec/labs/stability';
import { shareUrl as shareLink } from '../../spec/link';
import { labSpecNow, useExperiment, useLabSpec } from '../../state/experiment-store';
import { IssueBanner } from '../../ui/IssueBanner';
import { Claims } from './Claims';
import { Controls } from './Controls';
import { Narration } from './Narration';
import { Player } from './Player';
import { Sweeps } from './Sweeps';
import { TimePlots } from './TimePlots';
import { fmt } from './format';

export const GD_COLOR = OKABE_ITO[1];
export const GF_COLOR = OKABE_ITO[5];

/** Home view: [-3, 3]^2 sqrt(Phi), widened to hold the start and the GD and GF limits (auto-fit). */
function fitView(c: Comparison): View {
  const s = 3 * Math.sqrt(c.phi);
  let lo = -s;
  let hi = s;
  const lim = c.flow.limit();
  for (const v of [c.a0, c.b0, c.gd.outcome === 'converged' ? c.gd.a : 0, c.gd.outcome === 'converged' ? c.gd.b : 0, lim.a[0], lim.b[0]]) {
    if (Number.isFinite(v) && Math.abs(v) < 100) {
      lo = Math.min(lo, v * 1.15);
      hi = Math.max(hi, v * 1.15);
    }
  }
  const m = Math.max(-lo, hi);
  return { x: [-m, m], y: [-m, m] };
}

export function StabilityLab() {
  const spec = useLabSpec('stability');
  const apply = useExperiment((s) => s.apply);
  const autoRun = useExperiment((s) => s.autoRun);
  const c = useMemo(() => compare(spec), [spec]);
  const [home, setHome] = useState<View>(() => spec.ui.view ?? fitView(c));
  const viewRef = useRef<View>(home);
  const [view, setView] = useState<View>(home);

  // A link for this lab: restore its view (the run itself is recomputed instantly from the spec).
  useEffect(() => {
    if (autoRun !== 'stability') return;
    useExperiment.getState().requestAutoRun(null);
    const s = labSpecNow('stability');
    setHome(s.ui.view ?? fitView(compare(s)));
  }, [autoRun]);

  const update = useCallback(
    (next: StabilitySpec, refit = false) => {
      if (!apply(next, 'controls')) return false;
      if (refit) setHome(next.ui.view ?? fitView(compare(next)));
      return true;
    },
    [apply],
  );
  const loadPreset = (id: string) => {
    const row = STABILITY_PRESET_ROWS.find((r) => r.id === id);
    if (row) update(stabilitySpecFromRow(row), true);
  };
  const onView = useCallback((v: View) => {
    viewRef.current = v;
    setView(v);
  }, []);

  const onPick = useCallback(
    (a: number, b: number) => {
      const cur = labSpecNow('stability');
      const r = (v: number) => Number(v.toPrecision(4));
      update({ ...cur, model: { ...cur.model, d: 1 }, init: { kind: 'explicit', a: [r(a)], b: [r(b)] }, ui: { ...cur.ui, preset: undefined, view: undefined } });
    },
    [update],
  );

  const gridReq = useMemo(
    () => ({ field: 'stability-log-loss', params: { phi: spec.model.phi }, x: view.x, y: view.y, nx: 200, ny: 200 }),
    [spec.model.phi, view],
  );
  const grid = useLandscapeGrid(gridReq);
  // step-through cursor (a trace index; null = the whole run), cleared by every new run
  const [cursor, setCursor] = useState<number | null>(null);
  useEffect(() => setCursor(null), [c]);
  const overlays = useMemo(() => buildOverlays(c, spec, cursor), [c, spec, cursor]);

  const shareUrl = () => {
    const s = { ...spec, ui: { ...spec.ui, view: viewRef.current } };
    return shareLink(s, window.location);
  };

  const gd = c.gd;
  const limit = c.flow.limit();
  return (
    <div className="grid gap-4 lg:grid-cols-[340px_1fr]" data-testid="lab-stability">
      <aside className="flex flex-col gap-4">
        <div>
          <h2 className="text-xl font-semibold">Stability · GD vs gradient flow</h2>
          <p className="text-xs text-slate-500">Paper 004: gradient descent with a large step finds flatter minima</p>
        </div>
        <Controls spec={spec} c={c} update={update} loadPreset={loadPreset} shareUrl={shareUrl} />
        <Narration />
      </aside>
      <section className="flex min-w-0 flex-col gap-4">
        <IssueBanner />
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)]">
          <div className="min-w-0">
            <Landscape
              id="stability"
              title={spec.model.d === 1 ? 'Loss landscape in the (a, b) plane' : `Loss landscape: exact (a, b)-plane embedding of the d = ${spec.model.d} run`}
              grid={grid}
              domain={home}
              onViewChange={onView}
              overlays={overlays}
              colorLabel="log₁₀ L"
              xLabel="a"
              yLabel="b"
              onPick={onPick}
              readout={(a, b) => `a ${fmt(a)}, b ${fmt(b)}, ε ${fmt(a * b - spec.model.phi)}, λ ${fmt(a * a + b * b)}`}
            />
            <Player c={c} cursor={cursor} setCursor={setCursor} />
            {grid && (
              <p className="mt-1 text-[11px] text-slate-500" data-testid="landscape-timing" data-grid-ms={grid.roundTripMs.toFixed(2)}>
                200 × 200 grid computed in the landscape worker in {grid.ms.toFixed(1)} ms ({grid.roundTripMs.toFixed(1)} ms round trip). Wheel to zoom; “pan” to drag the view.
              </p>
            )}
          </div>
          <div className="flex min-w-0 flex-col gap-2 text-sm">
            <div role="status" aria-live="polite" data-testid="stability-status" data-outcome={gd.outcome} data-steps={gd.steps} className={`rounded border px-3 py-2 ${statusClass(gd.outcome)}`}>
              <strong>GD (η = {fmt(c.eta)}):</strong> {outcomeText(c)}
            </div>
            <table className="num w-full text-xs" data-testid="stability-readout">
              <thead>
                <tr className="text-left text-slate-500">
                  <th className="font-normal"></th>
                  <th className="font-normal">GD</th>
                  <th className="font-normal">gradient flow</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>end point (a, b)</td>
                  <td>{gd.outcome === 'diverged' ? '—' : `(${fmt(gd.a)}, ${fmt(gd.b)})`}</td>
                  <td>{c.flow.toSaddle ? 'saddle (0, 0)' : `(${fmt(limit.a[0])}, ${fmt(limit.b[0])})`}</td>
                </tr>
                <tr>
                  <td>sharpness λ at the end</td>
                  <td data-testid="gd-lam">{gd.outcome === 'diverged' ? '—' : fmt(gd.lam)}</td>
                  <td>R = {fmt(c.flow.R)}</td>
                </tr>
                <tr>
                  <td>Q(T)/Q(0)</td>
                  <td>{gd.outcome === 'diverged' ? '—' : fmt(gd.qRatio)}</td>
                  <td>1 (conserved)</td>
                </tr>
                <tr>
                  <td>steps / time</td>
                  <td>
                    {gd.steps} steps (t = {fmt(gd.steps * c.eta)})
                  </td>
                  <td>ODE vs closed form: {fmt(c.gf.odeVsClosed)}</td>
                </tr>
                <tr>
                  <td>stability limit</td>
                  <td colSpan={2}>
                    2/η = {fmt(2 / c.eta)} · flattest 2Φ = {fmt(2 * c.phi)} · ηΦ = {fmt(c.eta * c.phi)}
                    {c.eta * c.phi >= 1 ? ' (no minimum is stable)' : ''}
                  </td>
                </tr>
              </tbody>
            </table>
            <Claims c={c} />
          </div>
        </div>
        <TimePlots c={c} cursor={cursor} />
        <Sweeps spec={spec} c={c} />
      </section>
    </div>
  );
}

function statusClass(o: string) {
  if (o === 'converged') return 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40';
  if (o === 'diverged') return 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40';
  return 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40';
}

function outcomeText(c: Comparison): string {
  const g = c.gd;
  const tol = tolOf(c.spec);
  switch (g.outcome) {
    case 'converged':
      return `converged in ${g.steps} steps (|ε| < ${fmt(tol)}) to a minimum with λ = ${fmt(g.lam)}, ${g.lam < c.flow.R ? `flatter than gradient flow’s R = ${fmt(c.flow.R)}` : `not flatter than R = ${fmt(c.flow.R)}`}${g.lam <= 2 / c.eta ? ` and below 2/η = ${fmt(2 / c.eta)}` : ''}.`;
    case 'diverged':
      return `diverged: |ε| > 1e8 at step ${g.steps}.`;
    case 'periodic':
      return `settled into a period-${g.period} orbit after ${g.steps} steps (no convergence).`;
    default:
      return `not converged after ${g.steps} steps (oscillating, chaotic or very slow); last λ = ${fmt(g.lam)}.`;
  }
}

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

function buildOverlays(c: Comparison, spec: StabilitySpec, cursor: number | null): LandscapeOverlay[] {
  const { phi, eta, gd } = c;
  const tr = gd.trace!;
  // records shown: all, or up to the step-through cursor
  const upto = cursor === null ? tr.n : cursor + 1;
  const out: LandscapeOverlay[] = [];
  const far = 1e3;
  out.push({ kind: 'path', id: 'diag', x: [-far, far], y: [-far, far], color: 'white', width: 0.75, dash: '2 4', opacity: 0.5 });
  out.push({ kind: 'path', id: 'antidiag', x: [-far, far], y: [far, -far], color: 'white', width: 0.75, dash: '2 4', opacity: 0.5 });
  for (const sgn of [1, -1]) out.push({ kind: 'path', id: `minima${sgn}`, ...branch(phi, sgn), color: 'white', width: 1.5, opacity: 0.9, label: sgn > 0 ? 'minima ab = Φ' : undefined });
  if (spec.ui.circle) {
    const r = Math.sqrt(2 / eta);
    const n = 240;
    const x = Float64Array.from({ length: n + 1 }, (_, i) => r * Math.cos((2 * Math.PI * i) / n));
    const y = Float64Array.from({ length: n + 1 }, (_, i) => r * Math.sin((2 * Math.PI * i) / n));
    out.push({ kind: 'path', id: 'circle', x, y, color: OKABE_ITO[4], width: 1, dash: '5 3', label: 'a² + b² = 2/η' });
    const w = stableHalfWidth(eta, phi);
    if (Number.isFinite(w)) for (const sgn of [1, -1]) out.push({ kind: 'path', id: `stable${sgn}`, ...branch(phi, sgn, -w, w, 120), color: OKABE_ITO[2], width: 5, opacity: 0.9, label: sgn > 0 ? 'stable minima (λ ≤ 2/η)' : undefined });
  }
  if (spec.ui.hyperbolas) {
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
  if (spec.ui.gf && !c.flow.toSaddle) {
    // The exact flow (closed form) as a curve; the ODE solution at t = k eta as hollow dots on it.
    const tEnd = Math.max(8 / Math.max(c.flow.R, 1e-3), 1);
    const n = 400;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = c.flow.at(tEnd * (i / (n - 1)) ** 2);
      x[i] = p.a[0];
      y[i] = p.b[0];
    }
    out.push({ kind: 'path', id: 'gf', x, y, color: GF_COLOR, width: 2.5, label: 'gradient flow' });
    out.push({ kind: 'path', id: 'gf-ode', x: c.gf.a, y: c.gf.b, n: Math.min(upto, 400), color: GF_COLOR, width: 0, dots: 2.5, label: 'GF (ODE) at t = kη' });
    const lim = c.flow.limit();
    out.push({ kind: 'point', id: 'gf-end', x: lim.a[0], y: lim.b[0], color: GF_COLOR, shape: 'diamond', label: `R ${fmt(c.flow.R)}`, labelDy: 12 });
  }
  out.push({
    kind: 'path',
    id: 'gd',
    x: tr.a,
    y: tr.b,
    n: upto,
    color: GD_COLOR,
    width: 0.8,
    dots: 3,
    // coloured by step over the whole run, so the colours hold while stepping through
    dotColor: (i) => `hsl(${24 - 14 * (i / Math.max(1, tr.n - 1))}, 95%, ${72 - 40 * Math.min(1, i / Math.max(1, Math.min(tr.n - 1, 60)))}%)`,
    label: 'GD iterates (dark = later)',
  });
  if (cursor !== null) out.push({ kind: 'point', id: 'gd-now', x: tr.a[cursor], y: tr.b[cursor], color: GD_COLOR, r: 7, shape: 'circle', label: `k = ${tr.step[cursor]}`, labelDy: 14 });
  if (gd.outcome === 'converged' && (cursor === null || cursor === tr.n - 1)) out.push({ kind: 'point', id: 'gd-end', x: gd.a, y: gd.b, color: GD_COLOR, shape: 'diamond', label: `λ ${fmt(gd.lam)}`, labelDy: -10 });
  out.push({ kind: 'point', id: 'init', x: c.a0, y: c.b0, color: '#111827', r: 6, legend: 'start (click/drag)' });
  return out;
}
