import { useEffect, useMemo, useState } from 'react';
import { linspace, logspace, smallEtaLam, sweepSpec, type Comparison } from '../../engine/analysis/stability';
import { balancedTwoCycle, closedFormFlow, TWO_CYCLE_END } from '../../engine/models/stability';
import { Landscape, type LandscapeOverlay } from '../../plots/Landscape';
import { landscapeWorker, type GridResult } from '../../plots/landscape-client';
import type { LandscapeGrid } from '../../plots/landscape-draw';
import { OKABE_ITO } from '../../plots/palette';
import { TimeSeriesPlot } from '../../plots/TimeSeriesPlot';
import type { StabilitySpec } from '../../spec/labs/stability';
import { sharedPool } from '../../state/worker-pool';
import { fmt } from './format';
import { useSweeps, type SweepPoint } from './sweeps-store';

type Tab = 'eta' | 'scale' | 'fig3' | 'bif';
const btn = 'rounded px-3 py-1.5 text-sm font-medium border border-slate-300 dark:border-slate-700 hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-40';

/** Sweeps over the worker pool (eta, init scale, the Figure 3 stand-in) and the bifurcation view. */
export function Sweeps({ spec, c }: { spec: StabilitySpec; c: Comparison }) {
  const [tab, setTab] = useState<Tab>('eta');
  const sw = useSweeps();
  const tabs: [Tab, string][] = [
    ['eta', 'Sweep η'],
    ['scale', 'Sweep init scale'],
    ['fig3', 'Figure 3 heatmaps'],
    ['bif', 'Beyond the edge: bifurcation'],
  ];
  return (
    <section className="flex flex-col gap-3 rounded border border-slate-200 p-3 dark:border-slate-800" data-testid="stability-sweeps" aria-label="Sweeps">
      <div className="flex flex-wrap items-center gap-1" role="tablist">
        {tabs.map(([t, label]) => (
          <button key={t} role="tab" type="button" aria-selected={tab === t} onClick={() => setTab(t)} className={`rounded px-3 py-1.5 text-sm ${tab === t ? 'bg-sky-100 font-medium text-sky-900 dark:bg-sky-900/60 dark:text-sky-100' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}>
            {label}
          </button>
        ))}
        <span className="ml-auto text-xs text-slate-500">{sharedPool().size} workers</span>
      </div>
      {tab !== 'bif' && (
        <div className="flex items-center gap-3 text-sm" role="status" aria-live="polite" data-testid="sweep-status">
          {sw.running && (
            <>
              <progress max={sw.total} value={sw.done} className="w-48" />
              <span className="num">
                {sw.done}/{sw.total}
              </span>
              <button type="button" className={btn} onClick={sw.cancel}>
                Cancel
              </button>
            </>
          )}
          {!sw.running && sw.kind && sw.done === sw.total && sw.total > 0 && (
            <span className="num" data-testid="sweep-done" data-runs={sw.total} data-ms={sw.ms.toFixed(0)}>
              {sw.total} GD runs in {(sw.ms / 1000).toFixed(2)} s ({fmt(sw.total / (sw.ms / 1000), 3)} runs/s on {sharedPool().size} workers)
            </span>
          )}
        </div>
      )}
      {tab === 'eta' && <EtaSweep c={c} />}
      {tab === 'scale' && <ScaleSweep c={c} />}
      {tab === 'fig3' && <Fig3 />}
      {tab === 'bif' && <Bifurcation eta={c.eta * c.phi} />}
      <p className="text-[11px] text-slate-500">Sweeps use the start, Φ and tolerance of the experiment{spec.model.d > 1 ? ' (through the exact reduction to d = 1)' : ''}.</p>
    </section>
  );
}

function split(points: (SweepPoint | null)[], kind: string) {
  const ok = points.filter((p): p is SweepPoint => !!p && p.outcome === 'converged');
  const x = Float64Array.from(ok, (p) => p.x);
  return {
    ok,
    x,
    lam: Float64Array.from(ok, (p) => p.lam),
    steps: Float64Array.from(ok, (p) => p.steps),
    q: Float64Array.from(ok, (p) => Math.abs(p.qRatio)),
    kind,
  };
}

function EtaSweep({ c }: { c: Comparison }) {
  const sw = useSweeps();
  const [n, setN] = useState(400);
  const run = () => {
    const etas = logspace(-3, Math.log10(1.2 / c.phi), n);
    void sw.start(
      'eta',
      etas.map((eta) => ({ spec: sweepSpec(c.a0, c.b0, c.phi, eta, c.spec.stop.lossBelow, 20000), x: eta })),
      { a0: c.a0, b0: c.b0, phi: c.phi },
    );
  };
  const data = sw.kind === 'eta' ? split(sw.points, 'eta') : null;
  const meta = sw.meta as { a0: number; b0: number; phi: number };
  const curves = useMemo(() => {
    if (!data || data.x.length === 0) return null;
    const xs = logspace(-3, Math.log10(1.2 / meta.phi), 200);
    return { xs: Float64Array.from(xs), twoOverEta: Float64Array.from(xs, (e) => 2 / e), small: Float64Array.from(xs, (e) => smallEtaLam(meta.a0, meta.b0, meta.phi, e)) };
  }, [data?.x.length, sw.revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const R = sw.kind === 'eta' ? closedFormFlow([meta.a0], [meta.b0], meta.phi).R : NaN;
  const summary = sw.kind === 'eta' && !sw.running ? outcomeBands(sw.points) : '';
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-2 text-sm">
        <button type="button" className={btn} onClick={run} disabled={sw.running} data-testid="run-eta-sweep">
          Run η sweep ({n} step sizes from 1e-3 to 1.2/Φ)
        </button>
        <label className="inline-flex items-center gap-1 text-xs">
          points
          <select value={n} onChange={(e) => setN(Number(e.target.value))} className="rounded border border-slate-300 px-1 dark:border-slate-700 dark:bg-slate-900">
            {[100, 400, 2000].map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <span className="text-xs text-slate-500">start ({fmt(c.a0)}, {fmt(c.b0)})</span>
      </div>
      {summary && <p className="text-sm" data-testid="eta-sweep-summary">{summary}</p>}
      {data && curves && (
        <div className="grid gap-4 md:grid-cols-3">
          <TimeSeriesPlot
            id="sw-eta-lam"
            title="Final sharpness λ∞ vs η"
            xLabel="η"
            yLabel="λ∞"
            xScale="log"
            revision={sw.revision}
            series={[
              { id: 'lam', label: 'GD λ∞ (converged runs)', color: OKABE_ITO[1], x: data.x, y: data.lam },
              { id: '2eta', label: '2/η', color: OKABE_ITO[4], x: curves.xs, y: curves.twoOverEta, dash: [5, 3] },
              { id: 'small', label: 'small-η law', color: OKABE_ITO[0], x: curves.xs, y: curves.small, dash: [2, 3] },
            ]}
            refLines={[
              { axis: 'y', value: R, label: 'GF: R', color: OKABE_ITO[5] },
              { axis: 'y', value: 2 * meta.phi, label: '2Φ', color: OKABE_ITO[2] },
            ]}
            yDomain={[0, Math.max(R, 2 * meta.phi) * 1.15]}
          />
          <TimeSeriesPlot id="sw-eta-steps" title="Steps to converge" xLabel="η" yLabel="steps" xScale="log" yScale="log" revision={sw.revision} series={[{ id: 'steps', label: 'steps', color: OKABE_ITO[0], x: data.x, y: data.steps }]} />
          <TimeSeriesPlot id="sw-eta-q" title="|Q∞/Q0| (imbalance left)" xLabel="η" yLabel="|Q∞/Q0|" xScale="log" yScale="log" revision={sw.revision} series={[{ id: 'q', label: '|Q∞/Q0|', color: OKABE_ITO[3], x: data.x, y: data.q }]} refLines={[{ axis: 'y', value: 1, label: 'GF', color: OKABE_ITO[5] }]} />
        </div>
      )}
    </div>
  );
}

function outcomeBands(points: (SweepPoint | null)[]): string {
  const ok = points.filter((p): p is SweepPoint => !!p);
  if (!ok.length) return '';
  const firstBad = ok.find((p) => p.outcome !== 'converged');
  const firstDiv = ok.find((p) => p.outcome === 'diverged');
  const nConv = ok.filter((p) => p.outcome === 'converged').length;
  return `${nConv} of ${ok.length} runs converged; ${firstBad ? `the first that did not is at η = ${fmt(firstBad.x)} (${firstBad.outcome})` : 'all converged'}${firstDiv ? `; first divergence at η = ${fmt(firstDiv.x)}` : ''}.`;
}

function ScaleSweep({ c }: { c: Comparison }) {
  const sw = useSweeps();
  const norm = Math.hypot(c.a0, c.b0);
  const dir = norm > 0 ? [c.a0 / norm, c.b0 / norm] : [Math.cos(Math.PI / 9), Math.sin(Math.PI / 9)];
  const run = () => {
    const sig = logspace(-2, Math.log10(4), 100);
    void sw.start(
      'scale',
      sig.map((s) => ({ spec: sweepSpec(s * dir[0], s * dir[1], c.phi, c.eta, c.spec.stop.lossBelow, 20000), x: s })),
      { dir, eta: c.eta, phi: c.phi },
    );
  };
  const data = sw.kind === 'scale' ? split(sw.points, 'scale') : null;
  const meta = sw.meta as { dir: number[]; eta: number; phi: number };
  const rCurve = useMemo(() => {
    if (sw.kind !== 'scale') return null;
    const xs = logspace(-2, Math.log10(4), 120);
    return { xs: Float64Array.from(xs), R: Float64Array.from(xs, (s) => closedFormFlow([s * meta.dir[0]], [s * meta.dir[1]], meta.phi).R) };
  }, [sw.kind, sw.revision === 0]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className={btn} onClick={run} disabled={sw.running} data-testid="run-scale-sweep">
          Run init-scale sweep (σ from 0.01 to 4 along the start’s direction, η = {fmt(c.eta)})
        </button>
      </div>
      {data && rCurve && (
        <div className="grid gap-4 md:grid-cols-3">
          <TimeSeriesPlot
            id="sw-scale-lam"
            title="Final sharpness λ∞ vs init scale σ"
            xLabel="σ"
            yLabel="λ∞"
            xScale="log"
            revision={sw.revision}
            series={[
              { id: 'lam', label: 'GD λ∞', color: OKABE_ITO[1], x: data.x, y: data.lam },
              { id: 'R', label: 'GF limit R', color: OKABE_ITO[5], x: rCurve.xs, y: rCurve.R, dash: [5, 3] },
            ]}
            refLines={[
              { axis: 'y', value: 2 / meta.eta, label: '2/η', color: OKABE_ITO[4] },
              { axis: 'y', value: 2 * meta.phi, label: '2Φ', color: OKABE_ITO[2] },
            ]}
          />
          <TimeSeriesPlot id="sw-scale-steps" title="Steps to converge" xLabel="σ" yLabel="steps" xScale="log" yScale="log" revision={sw.revision} series={[{ id: 'steps', label: 'steps', color: OKABE_ITO[0], x: data.x, y: data.steps }]} />
          <TimeSeriesPlot id="sw-scale-q" title="|Q∞/Q0|" xLabel="σ" yLabel="|Q∞/Q0|" xScale="log" yScale="log" revision={sw.revision} series={[{ id: 'q', label: '|Q∞/Q0|', color: OKABE_ITO[3], x: data.x, y: data.q }]} />
        </div>
      )}
    </div>
  );
}

type Panel = 'q' | 'steps' | 'lam' | 'outcome';

/** The lab's Figure 3 stand-in: sigma (cos 20 deg, sin 20 deg), eta on a linear grid, T = 20000, tol 1e-6. */
function Fig3() {
  const sw = useSweeps();
  const [res, setRes] = useState<'coarse' | 'full'>('coarse');
  const [panel, setPanel] = useState<Panel>('q');
  const run = () => {
    const nS = res === 'full' ? 100 : 40;
    const nE = res === 'full' ? 120 : 48;
    const sig = logspace(-2, Math.log10(4), nS);
    const etas = linspace(0.01, 1.2, nE);
    const th = (20 * Math.PI) / 180;
    const jobs = [];
    for (let i = nS - 1; i >= 0; i--) for (const eta of etas) jobs.push({ spec: sweepSpec(sig[i] * Math.cos(th), sig[i] * Math.sin(th), 1, eta, 0.5e-12, 20000), x: eta, y: sig[i] });
    void sw.start('fig3', jobs, { nS, nE });
  };
  const meta = sw.meta as { nS: number; nE: number };
  const grid: LandscapeGrid | null = useMemo(() => {
    if (sw.kind !== 'fig3') return null;
    const { nS, nE } = meta;
    const values = new Float64Array(nS * nE).fill(NaN);
    sw.points.forEach((p, k) => {
      if (!p) return;
      const conv = p.outcome === 'converged';
      values[k] =
        panel === 'outcome'
          ? p.outcome === 'diverged'
            ? 3
            : conv
              ? p.qRatio < 0
                ? 1
                : 0
              : 2
          : panel === 'q'
            ? conv || p.outcome === 'max-steps'
              ? Math.max(-4, Math.log10(Math.abs(p.qRatio) || 1e-300))
              : NaN
            : panel === 'steps'
              ? conv
                ? Math.log10(Math.max(1, p.steps))
                : NaN
              : conv
                ? p.lam
                : NaN;
    });
    const de = (1.2 - 0.01) / (nE - 1) / 2;
    const ds = (Math.log10(4) + 2) / (nS - 1) / 2;
    return { values, nx: nE, ny: nS, x: [0.01 - de, 1.2 + de], y: [-2 - ds, Math.log10(4) + ds] };
  }, [sw.kind, sw.revision, panel]); // eslint-disable-line react-hooks/exhaustive-deps
  const labels: Record<Panel, string> = { q: 'log₁₀ |Q(T)/Q(0)|', steps: 'log₁₀ steps', lam: 'final λ', outcome: '0 conv · 1 conv, Q flipped · 2 not conv · 3 diverged' };
  const overlays: LandscapeOverlay[] = [{ kind: 'path', id: 'eta1', x: [1, 1], y: [-3, 1], color: 'white', dash: '4 3', width: 1, label: 'ηΦ = 1 (no stable minimum beyond)' }];
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className={btn} onClick={run} disabled={sw.running} data-testid="run-fig3">
          Run Figure 3 grid
        </button>
        <select value={res} onChange={(e) => setRes(e.target.value as 'coarse' | 'full')} className="rounded border border-slate-300 px-1 text-xs dark:border-slate-700 dark:bg-slate-900">
          <option value="coarse">40 σ × 48 η</option>
          <option value="full">100 σ × 120 η (spec grid)</option>
        </select>
        <span className="text-xs text-slate-500">Φ = 1, start σ(cos 20°, sin 20°), T = 20000, converged at |ε| &lt; 1e-6. The paper gives no protocol: this is the lab’s stand-in.</span>
      </div>
      <div className="flex gap-1 text-xs" role="group" aria-label="Panel">
        {(Object.keys(labels) as Panel[]).map((p) => (
          <button key={p} type="button" aria-pressed={panel === p} onClick={() => setPanel(p)} className={`rounded border px-2 py-0.5 ${panel === p ? 'border-sky-600 bg-sky-600 text-white' : 'border-slate-300 dark:border-slate-600'}`}>
            {p === 'q' ? 'Q(T)/Q(0)' : p === 'steps' ? 'steps' : p === 'lam' ? 'final λ' : 'outcome'}
          </button>
        ))}
      </div>
      {grid && (
        <div className="max-w-3xl">
          <Landscape
            id="fig3"
            title={`Figure 3 stand-in: ${labels[panel]}`}
            grid={grid}
            domain={{ x: grid.x, y: grid.y }}
            levels="none"
            colorDomain={panel === 'q' ? [-4, 0] : panel === 'outcome' ? [0, 3] : undefined}
            colorLabel={labels[panel]}
            xLabel="η"
            yLabel="log₁₀ σ"
            height={360}
            overlays={overlays}
            readout={(x, y) => `η ${fmt(x)}, σ ${fmt(10 ** y)}`}
          />
        </div>
      )}
    </div>
  );
}

function Bifurcation({ eta }: { eta: number }) {
  const [grid, setGrid] = useState<(GridResult & { diverged: number[] }) | null>(null);
  const [burnIn, setBurnIn] = useState(20000);
  useEffect(() => {
    let live = true;
    void landscapeWorker()
      .bifurcation({ phi: 1, eta: [0.8, 2.05], nEta: 500, r0: 0.7, burnIn, keep: 64, lam: [0, 4.6], nLam: 300 })
      .then((g) => {
        if (!live) return;
        for (let i = 0; i < g.values.length; i++) g.values[i] = g.values[i] > 0 ? Math.log10(g.values[i]) : Number.isNaN(g.values[i]) ? NaN : -0.5;
        setGrid(g);
      });
    return () => {
      live = false;
    };
  }, [burnIn]);
  const overlays = useMemo<LandscapeOverlay[]>(() => {
    const hs = linspace(1.0001, TWO_CYCLE_END, 100);
    const cyc = hs.map((h) => balancedTwoCycle(h, 1)!);
    const hAll = linspace(0.8, 2.05, 200);
    return [
      { kind: 'path', id: 'two-over-eta', x: hAll, y: hAll.map((h) => 2 / h), color: OKABE_ITO[4], width: 1.5, dash: '5 3', label: '2/η' },
      { kind: 'path', id: 'lam-plus', x: hs, y: cyc.map((c) => c.lamPlus), color: OKABE_ITO[1], width: 1.2, dash: '2 2', label: 'λ± of the 2-cycle (Sec. 3.6)' },
      { kind: 'path', id: 'lam-minus', x: hs, y: cyc.map((c) => c.lamMinus), color: OKABE_ITO[1], width: 1.2, dash: '2 2' },
      { kind: 'path', id: 'now', x: [eta, eta], y: [0, 5], color: 'white', width: 1, label: `current ηΦ = ${fmt(eta)}` },
    ];
  }, [eta]);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm">
        GD on the balanced line a = b (Φ = 1, start 0.7) after a burn-in; the density of the next 64 values of λ for each ηΦ. A fixed point up to ηΦ = 1, then the 2-cycle (whose λ± have geometric mean exactly
        2/η), period doubling near 1.24, chaos with windows (period 3 at 1.7), divergence past 2. Columns left white diverged.
      </p>
      <label className="inline-flex items-center gap-2 text-xs">
        burn-in
        <select value={burnIn} onChange={(e) => setBurnIn(Number(e.target.value))} className="rounded border border-slate-300 px-1 dark:border-slate-700 dark:bg-slate-900">
          <option value={20000}>2e4 steps</option>
          <option value={100000}>1e5 steps (spec)</option>
        </select>
      </label>
      <div className="max-w-3xl">
        <Landscape
          id="bifurcation"
          title="Bifurcation diagram of λ on a = b"
          grid={grid}
          domain={{ x: [0.8, 2.05], y: [0, 4.6] }}
          levels="none"
          colorLabel="log₁₀ count"
          xLabel="ηΦ"
          yLabel="λ"
          height={360}
          overlays={overlays}
          readout={(x, y) => `ηΦ ${fmt(x)}, λ ${fmt(y)}`}
        />
      </div>
    </div>
  );
}
