import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GdResult } from '../../engine/stability/stability';
import { Landscape, type View } from '../../plots/Landscape';
import { useLandscapeGrid } from '../../plots/landscape-client';
import { STABILITY_PRESET_ROWS, dataFit, stabilitySpecFromRow, tolOf, type StabilitySpec } from './schema';
import { shareUrl as shareLink } from '../../experiment/link';
import { labSpecNow, useExperiment, useLabSpec } from '../../state/experiment-store';
import { IssueBanner } from '../../ui/IssueBanner';
import { Claims } from './Claims';
import { Controls } from './Controls';
import { Narration } from './Narration';
import { Player } from './Player';
import { Sweeps } from './Sweeps';
import { TimePlots } from './TimePlots';
import { etaName, fmt } from './format';
import { buildOverlays } from './landscape-overlays';
import { Readout } from './Readout';
import { compare, compareSecond, type Comparison } from './compare';


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

  // Click / drag places the start; with shift held at the press, the second start (kept for the whole drag).
  const dragSecond = useRef(false);
  const onPick = useCallback(
    (a: number, b: number, info: { shift: boolean; phase: 'down' | 'move' }) => {
      if (info.phase === 'down') dragSecond.current = info.shift;
      const cur = labSpecNow('stability');
      const r = (v: number) => Number(Math.max(-1e3, Math.min(1e3, v)).toPrecision(4));
      if (dragSecond.current) update({ ...cur, ui: { ...cur.ui, compare: { a: r(a), b: r(b) } } });
      else update({ ...cur, model: { ...cur.model, d: 1 }, init: { kind: 'explicit', a: [r(a)], b: [r(b)] }, ui: { ...cur.ui, preset: undefined, view: undefined } });
    },
    [update],
  );
  const clearSecond = useCallback(() => {
    const cur = labSpecNow('stability');
    update({ ...cur, ui: { ...cur.ui, compare: undefined } });
  }, [update]);

  // The heatmap shows L, or Lbar = s L + Const in data mode.
  const fit = spec.model.data ? dataFit(spec.model.data) : null;
  const gridReq = useMemo(
    () => ({ field: 'stability-log-loss', params: { phi: spec.model.phi, s: fit?.s ?? 1, konst: fit?.konst ?? 0 }, x: view.x, y: view.y, nx: 200, ny: 200 }),
    [spec.model.phi, fit?.s, fit?.konst, view],
  );
  const grid = useLandscapeGrid(gridReq);
  // step-through cursor (a trace index; null = the whole run), cleared by every new run
  const [cursor, setCursor] = useState<number | null>(null);
  useEffect(() => setCursor(null), [c]);
  const second = useMemo(() => compareSecond(spec), [spec]);
  const overlays = useMemo(() => buildOverlays(c, spec, cursor, second), [c, spec, cursor, second]);

  const shareUrl = () => {
    const s = { ...spec, ui: { ...spec.ui, view: viewRef.current } };
    return shareLink(s, window.location);
  };

  const gd = c.gd;
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
              colorLabel={fit ? 'log₁₀ L̄' : 'log₁₀ L'}
              xLabel="a"
              yLabel="b"
              onPick={onPick}
              readout={(a, b) => `a ${fmt(a)}, b ${fmt(b)}, ε ${fmt(a * b - spec.model.phi)}, λ ${fmt(a * a + b * b)}`}
            />
            <Player c={c} cursor={cursor} setCursor={setCursor} />
            {grid && (
              <p className="mt-1 text-[11px] text-slate-500" data-testid="landscape-timing" data-grid-ms={grid.roundTripMs.toFixed(2)}>
                Click or drag to move the start; shift-click places a second start to compare. Wheel to zoom; “pan” to drag the view. 200 × 200 grid from the landscape worker in {grid.ms.toFixed(1)} ms ({grid.roundTripMs.toFixed(1)} ms round trip).
              </p>
            )}
          </div>
          <div className="flex min-w-0 flex-col gap-2 text-sm">
            <div role="status" aria-live="polite" data-testid="stability-status" data-outcome={gd.outcome} data-steps={gd.steps} className={`rounded border px-3 py-2 ${statusClass(gd.outcome)}`}>
              <strong>GD ({etaName(spec)} = {fmt(c.eta)}):</strong> {outcomeText(c)}
            </div>
            {second && (
              <div role="status" data-testid="compare-status" data-outcome={second.outcome} data-steps={second.steps} className={`rounded border px-3 py-1.5 ${statusClass(second.outcome)}`}>
                <strong>2nd start ({fmt(spec.ui.compare!.a)}, {fmt(spec.ui.compare!.b)}):</strong> {gdText(second, c.eta, tolOf(spec))}{' '}
                <button type="button" onClick={clearSecond} className="ml-1 rounded border border-slate-400 px-1.5 text-xs dark:border-slate-500" data-testid="compare-clear">
                  remove
                </button>
              </div>
            )}
            <Readout c={c} second={second} />
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

/** The second start's outcome in one line. */
function gdText(g: GdResult, eta: number, tol: number): string {
  if (g.outcome === 'converged') return `converged in ${g.steps} steps (|ε| < ${fmt(tol)}) to λ = ${fmt(g.lam)}, Q(T)/Q(0) = ${fmt(g.qRatio)}${g.lam <= 2 / eta ? '' : ` (above 2/η = ${fmt(2 / eta)})`}.`;
  if (g.outcome === 'diverged') return `diverged: |ε| > 1e8 at step ${g.steps}.`;
  if (g.outcome === 'periodic') return `period-${g.period} orbit after ${g.steps} steps (no convergence).`;
  return `not converged after ${g.steps} steps; last λ = ${fmt(g.lam)}.`;
}

function outcomeText(c: Comparison): string {
  const g = c.gd;
  const tol = tolOf(c.spec);
  switch (g.outcome) {
    case 'converged': {
      // enough digits to tell lam from R when they are close (small steps, small starts)
      const d = Math.abs(g.lam - c.flow.R) < 1e-3 * c.flow.R ? 10 : 4;
      return `converged in ${g.steps} steps (|ε| < ${fmt(tol)}) to a minimum with λ = ${fmt(g.lam, d)}, ${g.lam < c.flow.R ? `flatter than gradient flow’s R = ${fmt(c.flow.R, d)}` : `not flatter than R = ${fmt(c.flow.R, d)}`}${g.lam <= 2 / c.eta ? ` and below 2/${etaName(c.spec)} = ${fmt(2 / c.eta)}` : ''}.`;
    }
    case 'diverged':
      return `diverged: |ε| > 1e8 at step ${g.steps}.`;
    case 'periodic':
      return `settled into a period-${g.period} orbit after ${g.steps} steps (no convergence).`;
    default:
      return `not converged after ${g.steps} steps (oscillating, chaotic or very slow); last λ = ${fmt(g.lam)}.`;
  }
}

