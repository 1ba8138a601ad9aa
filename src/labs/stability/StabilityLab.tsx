import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { GdResult } from '../../engine/stability/stability';
import { Landscape, type View } from '../../plots/Landscape';
import { useLandscapeGrid } from '../../plots/landscape-client';
import { finiteExtent } from '../../plots/landscape-draw';
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
import { specBasics, traceCoverage, type Comparison, type SpecBasics } from './compare';
import { comparisonKey, useComparison } from './compare-client';
import { downloadJson, downloadText } from '../../ui/download';
import { runCsv, runExport } from './export-json';
import { Button } from '../../ui/Button';
import { grouped } from '../../ui/format';

/**
 * Home view: [-3, 3]^2 sqrt(Phi), widened to hold the start and the GF limit (known from the spec at once) and the
 * GD limit (once the run is back).
 */
function fitView(b: Pick<SpecBasics, 'phi' | 'a0' | 'b0' | 'flow'>, gd: GdResult | null): View {
  const s = 3 * Math.sqrt(b.phi);
  let lo = -s;
  let hi = s;
  const lim = b.flow.limit();
  const conv = gd?.outcome === 'converged';
  for (const v of [b.a0, b.b0, conv ? gd.a : 0, conv ? gd.b : 0, lim.a[0], lim.b[0]]) {
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
  // The controls follow the experiment at once; everything drawn from it (landscape, sweeps) and from its comparison
  // renders as a deferred, interruptible update, so a drag stays responsive however much there is to draw. The
  // comparison is computed in its own worker: the last result stays on screen, marked "updating…", until the
  // current experiment's arrives.
  const controlBasics = useMemo(() => specBasics(spec), [spec]);
  const shown = useDeferredValue(spec);
  const basics = useMemo(() => specBasics(shown), [shown]);
  const live = useComparison(spec);
  const { c, second, pending, error, ms, restarts } = useDeferredValue(live);
  const stale = pending && c !== null;
  const [home, setHome] = useState<View>(() => spec.ui.view ?? fitView(basics, null));
  const viewRef = useRef<View>(home);
  const [view, setView] = useState<View>(home);
  // The experiment whose home view waits for its GD limit (a preset, a link, the first load).
  const refitFor = useRef<string | null>(spec.ui.view ? null : comparisonKey(spec));
  const refit = useCallback((s: StabilitySpec) => {
    if (s.ui.view) {
      refitFor.current = null;
      setHome(s.ui.view);
    } else {
      refitFor.current = comparisonKey(s);
      setHome(fitView(specBasics(s), null));
    }
  }, []);
  useEffect(() => {
    if (!c || refitFor.current !== comparisonKey(c.spec)) return;
    refitFor.current = null;
    const v = fitView(c, c.gd);
    setHome((h) => (sameView(h, v) ? h : v));
  }, [c]);

  // A link for this lab: restore its view (the run itself is recomputed from the spec in the worker).
  useEffect(() => {
    if (autoRun !== 'stability') return;
    useExperiment.getState().requestAutoRun(null);
    refit(labSpecNow('stability'));
  }, [autoRun, refit]);

  const update = useCallback(
    (next: StabilitySpec, doRefit = false) => {
      if (!apply(next, 'controls')) return false;
      if (doRefit) refit(labSpecNow('stability'));
      return true;
    },
    [apply, refit],
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
  const fit = shown.model.data ? dataFit(shown.model.data) : null;
  const gridReq = useMemo(
    () => ({ field: 'stability-log-loss', params: { phi: shown.model.phi, s: fit?.s ?? 1, konst: fit?.konst ?? 0 }, x: view.x, y: view.y, nx: 200, ny: 200 }),
    [shown.model.phi, fit?.s, fit?.konst, view],
  );
  const grid = useLandscapeGrid(gridReq);
  // step-through cursor (a trace index; null = the whole run), cleared by every new run
  const [cursor, setCursor] = useState<number | null>(null);
  useEffect(() => setCursor(null), [c]);
  const overlays = useMemo(() => buildOverlays(c, basics, cursor, second, stale), [c, basics, cursor, second, stale]);
  // The result's panels re-render only with the result (or the cursor), not on every edit of the experiment: a long
  // run's traces hold up to 2e5 iterates, and a drag edits the experiment at every mouse move.
  const player = useMemo(() => (c ? <Player c={c} cursor={cursor} setCursor={setCursor} /> : null), [c, cursor]);
  const tables = useMemo(
    () =>
      c ? (
        <>
          <Readout c={c} second={second} />
          <Claims c={c} />
        </>
      ) : null,
    [c, second],
  );
  const timePlots = useMemo(() => (c ? <TimePlots c={c} cursor={cursor} /> : null), [c, cursor]);
  const { d, phi } = shown.model;
  // Contours at the top CONTOUR_DECADES whole decades of the loss: the deeper ones hug the minima (drawn in white
  // anyway), and every contour's path is rebuilt at each render of the landscape, i.e. at every mouse move of a drag.
  const levels = useMemo(() => {
    const ext = grid ? finiteExtent(grid.values) : null;
    if (!ext) return undefined;
    const hi = Math.floor(ext[1]);
    const out: number[] = [];
    for (let v = Math.max(Math.ceil(ext[0]), hi - CONTOUR_DECADES + 1); v <= hi; v++) out.push(v);
    return out;
  }, [grid]);
  const landscape = useMemo(
    () => (
      <Landscape
        id="stability"
        title={d === 1 ? 'Loss landscape in the (a, b) plane' : `Loss landscape: exact (a, b)-plane embedding of the d = ${d} run`}
        grid={grid}
        domain={home}
        onViewChange={onView}
        overlays={overlays}
        levels={levels}
        colorLabel={fit ? 'log₁₀ L̄' : 'log₁₀ L'}
        xLabel="a"
        yLabel="b"
        onPick={onPick}
        readout={(a, b) => `a ${fmt(a)}, b ${fmt(b)}, ε ${fmt(a * b - phi)}, λ ${fmt(a * a + b * b)}`}
      />
    ),
    [d, phi, grid, home, onView, overlays, levels, !!fit, onPick], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const sweeps = useMemo(() => <Sweeps spec={shown} c={basics} />, [shown, basics]);
  const narration = useMemo(() => <Narration />, []);

  const shareUrl = () => {
    const s = { ...spec, ui: { ...spec.ui, view: viewRef.current } };
    return shareLink(s, window.location);
  };

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[340px_minmax(0,1fr)]" data-testid="lab-stability">
      <aside className="flex min-w-0 flex-col gap-4">
        <div>
          <h2 className="text-xl font-semibold">Stability · GD vs gradient flow</h2>
          <p className="text-xs text-slate-500">Paper 004: gradient descent with a large step finds flatter minima</p>
        </div>
        <Controls spec={spec} c={controlBasics} update={update} loadPreset={loadPreset} shareUrl={shareUrl} />
        {narration}
      </aside>
      <section className="flex min-w-0 flex-col gap-4">
        <IssueBanner />
        <div className="grid gap-4 xl:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)]">
          <div className="min-w-0">
            {landscape}
            {player ?? <Placeholder className="mt-2 h-16" />}
            {grid && (
              <p className="mt-1 text-[11px] text-slate-500" data-testid="landscape-timing" data-grid-ms={grid.roundTripMs.toFixed(2)}>
                Click or drag to move the start; shift-click places a second start to compare. Wheel to zoom; “pan” to drag the view. 200 × 200 grid from the landscape worker in{' '}
                {grid.ms.toFixed(1)} ms ({grid.roundTripMs.toFixed(1)} ms round trip).
              </p>
            )}
          </div>
          <div className="flex min-w-0 flex-col gap-2 text-sm">
            {c ? (
              <div
                role="status"
                aria-live="polite"
                data-testid="stability-status"
                data-outcome={c.gd.outcome}
                data-steps={c.gd.steps}
                data-updating={pending ? 'true' : 'false'}
                data-ms={ms.toFixed(1)}
                data-restarts={restarts}
                className={`rounded border px-3 py-2 ${statusClass(c.gd.outcome)}`}
              >
                <UpdatingBadge shown={stale} />
                <strong>
                  GD ({etaName(c.spec)} = {fmt(c.eta)}):
                </strong>{' '}
                {outcomeText(c)}
                <ThinnedNote g={c.gd} />
                {error && <span className="block text-xs text-red-700 dark:text-red-400">The newest experiment failed to run: {error}</span>}
                <Button
                  variant="link"
                  className="float-right"
                  testId="run-export"
                  title="This run's spec (the one that produced it), GD's end state, GF's limit and the second start's run, as JSON"
                  onClick={() => downloadJson('implicit-bias-lab-stability-run.json', runExport(c, second))}
                >
                  Export JSON
                </Button>
                <Button
                  variant="link"
                  className="float-right mr-3"
                  testId="run-export-csv"
                  title="The GD iterates on screen, one row per recorded step (the spec and its link in # lines above)"
                  onClick={() => downloadText('implicit-bias-lab-stability-run.csv', runCsv(c), 'text/csv')}
                >
                  Export CSV
                </Button>
              </div>
            ) : (
              <div
                role="status"
                aria-live="polite"
                data-testid="stability-status"
                data-updating="true"
                className="rounded border border-dashed border-slate-300 px-3 py-2 text-slate-500 dark:border-slate-700"
              >
                {error ? `The experiment failed to run: ${error}` : 'Running GD and gradient flow…'}
              </div>
            )}
            {c && second && shown.ui.compare && (
              <div
                role="status"
                data-testid="compare-status"
                data-outcome={second.outcome}
                data-steps={second.steps}
                className={`rounded border px-3 py-1.5 ${statusClass(second.outcome)}`}
              >
                <strong>
                  2nd start ({fmt(shown.ui.compare.a)}, {fmt(shown.ui.compare.b)}):
                </strong>{' '}
                {gdText(second, c.eta, tolOf(c.spec))}
                <ThinnedNote g={second} />{' '}
                <button type="button" onClick={clearSecond} className="ml-1 rounded border border-slate-400 px-1.5 text-xs dark:border-slate-500" data-testid="compare-clear">
                  remove
                </button>
              </div>
            )}
            {c ? (
              <div className="flex flex-col gap-2" data-stale={stale ? 'true' : 'false'}>
                {tables}
              </div>
            ) : (
              <Placeholder className="h-64" />
            )}
          </div>
        </div>
        {c ? (
          <div data-testid="stability-timeplots-wrap" data-stale={stale ? 'true' : 'false'}>
            {/* always laid out (visibility only): a line appearing above the plots would move, and repaint, all of them */}
            <p className={`mb-1 text-xs font-medium text-amber-700 dark:text-amber-400${stale ? '' : ' invisible'}`} aria-hidden={!stale}>
              updating… (these plots are the previous experiment’s)
            </p>
            {timePlots}
          </div>
        ) : (
          <Placeholder className="h-72" />
        )}
        {sweeps}
      </section>
    </div>
  );
}

/** Whole decades of the loss with a contour line on the landscape (the highest ones in view). */
const CONTOUR_DECADES = 6;

/** Where a plot or table will be once the first comparison is back (first load). */
function Placeholder({ className = '' }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      data-testid="stability-placeholder"
      className={`animate-pulse rounded border border-dashed border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/40 ${className}`}
    />
  );
}

/**
 * The mark on a result whose experiment has been changed since (the newer one is being computed). Always laid out,
 * shown by visibility, so that marking and unmarking does not reflow the page at every mouse move of a drag.
 */
function UpdatingBadge({ shown }: { shown: boolean }) {
  return (
    <span
      data-testid={shown ? 'stability-updating' : undefined}
      aria-hidden={!shown}
      className={`float-right ml-2 inline-block rounded bg-amber-200 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-amber-900 dark:bg-amber-800 dark:text-amber-100${shown ? '' : ' invisible'}`}
    >
      updating…
    </span>
  );
}

/** Says so when the recorded trace is thinned (long runs: the run goes to its stop rule, every stride-th iterate is kept). */
function ThinnedNote({ g }: { g: GdResult }) {
  const t = traceCoverage(g);
  if (!t.thinned) return null;
  return (
    <span className="block text-xs text-slate-600 dark:text-slate-400" data-testid="trace-thinned" data-recorded={t.recorded} data-stride={t.stride}>
      Trace thinned for display: every {grouped(t.stride)}th of {grouped(t.iterates)} iterates recorded ({grouped(t.recorded)} points); the run itself went to its stop rule.
    </span>
  );
}

const sameView = (a: View, b: View) => a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];

function statusClass(o: string) {
  if (o === 'converged') return 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40';
  if (o === 'diverged') return 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40';
  return 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40';
}

/** The second start's outcome in one line. */
function gdText(g: GdResult, eta: number, tol: number): string {
  if (g.outcome === 'converged')
    return `converged in ${g.steps} steps (|ε| < ${fmt(tol)}) to λ = ${fmt(g.lam)}, Q(T)/Q(0) = ${fmt(g.qRatio)}${g.lam <= 2 / eta ? '' : ` (above 2/η = ${fmt(2 / eta)})`}.`;
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
