import { useMemo } from 'react';
import { logspace, smallEtaLam } from '../../engine/stability/compare';
import { closedFormFlow } from '../../engine/stability/stability';
import { OKABE_ITO } from '../../plots/palette';
import { type PlotSeries, type RefLine, TimeSeriesPlot } from '../../plots/TimeSeriesPlot';
import { fmt } from './format';
import { Button } from '../../ui/Button';
import { selectCls } from './styles';
import { Stale } from '../../ui/Stale';
import { sweepIsStale } from './sweep-stale';
import { runScaleSweep, runSweepDef, useSweepView } from './sweep-view-store';
import { useSweeps, type SweepPoint } from './sweeps-store';
import type { SpecBasics } from './compare';

/** Converged runs of a sweep as plot columns (|Q| from the exact product). */
function converged(points: (SweepPoint | null)[]) {
  const ok = points.filter((p): p is SweepPoint => !!p && p.outcome === 'converged');
  return {
    x: Float64Array.from(ok, (p) => p.x),
    lam: Float64Array.from(ok, (p) => p.lam),
    steps: Float64Array.from(ok, (p) => p.steps),
    q: Float64Array.from(ok, (p) => Math.abs(p.qRatio)),
  };
}

function outcomeBands(points: (SweepPoint | null)[]): string {
  const ok = points.filter((p): p is SweepPoint => !!p);
  if (!ok.length) return '';
  const firstBad = ok.find((p) => p.outcome !== 'converged');
  const firstDiv = ok.find((p) => p.outcome === 'diverged');
  const nConv = ok.filter((p) => p.outcome === 'converged').length;
  return `${nConv} of ${ok.length} runs converged; ${firstBad ? `the first that did not is at η = ${fmt(firstBad.x)} (${firstBad.outcome})` : 'all converged'}${firstDiv ? `; first divergence at η = ${fmt(firstDiv.x)}` : ''}.`;
}

/** Each sweep's x: its symbol on the axes, and how the sharpness plot's title names it. */
const SWEEP_X = { eta: { symbol: 'η', words: 'η' }, scale: { symbol: 'σ', words: 'init scale σ' } } as const;

/**
 * The three plots of a sweep against its x (log), over the converged runs: the final sharpness (with the curves and
 * lines it is read against), the steps to converge and the imbalance left |Q∞/Q0|.
 */
function SweepPlots({
  tab,
  data,
  revision,
  curves,
  refLines,
  yDomain,
  qRefLines,
}: {
  tab: keyof typeof SWEEP_X;
  data: ReturnType<typeof converged>;
  revision: number;
  /** The sharpness plot's curves (after the runs), lines and domain. */
  curves: PlotSeries[];
  refLines: RefLine[];
  yDomain?: [number, number];
  qRefLines?: RefLine[];
}) {
  const x = { xLabel: SWEEP_X[tab].symbol, xScale: 'log', revision } as const;
  // a column of the runs on log y, named the same on its axis and in its legend
  const logColumn = (key: 'steps' | 'q', title: string, name: string, color: string, refLines?: RefLine[]) => (
    <TimeSeriesPlot
      id={`sw-${tab}-${key}`}
      title={title}
      yLabel={name}
      yScale="log"
      {...x}
      series={[{ id: key, label: name, color, x: data.x, y: data[key] }]}
      refLines={refLines}
    />
  );
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <TimeSeriesPlot
        id={`sw-${tab}-lam`}
        title={`Final sharpness λ∞ vs ${SWEEP_X[tab].words}`}
        yLabel="λ∞"
        {...x}
        series={[{ id: 'lam', label: 'GD λ∞ (converged runs)', color: OKABE_ITO[1], x: data.x, y: data.lam }, ...curves]}
        refLines={refLines}
        yDomain={yDomain}
      />
      {logColumn('steps', 'Steps to converge', 'steps', OKABE_ITO[0])}
      {logColumn('q', '|Q∞/Q0| (imbalance left)', '|Q∞/Q0|', OKABE_ITO[3], qRefLines)}
    </div>
  );
}

/** S-sweep: final sharpness, steps and imbalance left against eta (lab spec Sec. 7, plot 6). */
export function EtaSweep({ c }: { c: SpecBasics }) {
  const sw = useSweeps();
  const n = useSweepView((s) => s.etaN);
  const setView = useSweepView((s) => s.set);
  const run = () => runSweepDef({ tab: 'eta', n }, c.spec);
  // out of date once the experiment's start, Phi or tol (or the number of step sizes) changed since it ran
  const stale = sw.kind === 'eta' && sweepIsStale('eta', sw.spec, sw.settings, c.spec, { kind: 'eta', n });
  const data = sw.kind === 'eta' ? converged(sw.points) : null;
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
        <Button onClick={run} disabled={sw.running} data-testid="run-eta-sweep">
          Run η sweep ({n} step sizes from 1e-3 to 1.2/Φ)
        </Button>
        <label className="inline-flex items-center gap-1 text-xs">
          points
          <select value={n} onChange={(e) => setView({ etaN: Number(e.target.value) })} className={selectCls}>
            {[100, 400, 2000].map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <span className="text-xs text-slate-500">
          start ({fmt(c.a0)}, {fmt(c.b0)}), T = 20000
        </span>
      </div>
      <Stale stale={stale} testId="sweep-stale">
        {summary && (
          <p className="text-sm" data-testid="eta-sweep-summary">
            {summary}
          </p>
        )}
        {data && curves && (
          <SweepPlots
            tab="eta"
            data={data}
            revision={sw.revision}
            curves={[
              { id: '2eta', label: '2/η', color: OKABE_ITO[4], x: curves.xs, y: curves.twoOverEta, dash: [5, 3] },
              { id: 'small', label: 'small-η law', color: OKABE_ITO[0], x: curves.xs, y: curves.small, dash: [2, 3] },
            ]}
            refLines={[
              { axis: 'y', value: R, label: 'GF: R', color: OKABE_ITO[5] },
              { axis: 'y', value: 2 * meta.phi, label: '2Φ', color: OKABE_ITO[2] },
            ]}
            yDomain={[0, Math.max(R, 2 * meta.phi) * 1.15]}
            qRefLines={[{ axis: 'y', value: 1, label: 'GF', color: OKABE_ITO[5] }]}
          />
        )}
      </Stale>
    </div>
  );
}

/** Final sharpness, steps and imbalance against the init scale along the start's direction. */
export function ScaleSweep({ c }: { c: SpecBasics }) {
  const sw = useSweeps();
  const data = sw.kind === 'scale' ? converged(sw.points) : null;
  const meta = sw.meta as { dir: number[]; eta: number; phi: number };
  // the GF limit along the sweep's own direction (meta is replaced by every new sweep)
  const rCurve = useMemo(() => {
    if (sw.kind !== 'scale') return null;
    const xs = logspace(-2, Math.log10(4), 120);
    return { xs: Float64Array.from(xs), R: Float64Array.from(xs, (s) => closedFormFlow([s * meta.dir[0]], [s * meta.dir[1]], meta.phi).R) };
  }, [sw.kind, meta]);
  // out of date once the start's direction, Phi, eta or tol changed since it ran
  const stale = sw.kind === 'scale' && sweepIsStale('scale', sw.spec, sw.settings, c.spec, { kind: 'scale' });
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Button onClick={() => runScaleSweep(c.spec)} disabled={sw.running} data-testid="run-scale-sweep">
          Run init-scale sweep (σ from 0.01 to 4 along the start’s direction, η = {fmt(c.eta)})
        </Button>
      </div>
      <Stale stale={stale} testId="sweep-stale">
        {data && rCurve && (
          <SweepPlots
            tab="scale"
            data={data}
            revision={sw.revision}
            curves={[{ id: 'R', label: 'GF limit R', color: OKABE_ITO[5], x: rCurve.xs, y: rCurve.R, dash: [5, 3] }]}
            refLines={[
              { axis: 'y', value: 2 / meta.eta, label: '2/η', color: OKABE_ITO[4] },
              { axis: 'y', value: 2 * meta.phi, label: '2Φ', color: OKABE_ITO[2] },
            ]}
          />
        )}
      </Stale>
    </div>
  );
}
