import { interpolateViridis } from 'd3';
import { useState } from 'react';
import { seriesColor } from '../../plots/palette';
import type { Predictions } from '../../engine/homogeneous/problem';
import { plateaus } from '../../engine/homogeneous/staircase';
import type { SeriesBuffers } from '../../state/series';
import { TimeSeriesPlot, type Band, type PlotSeries, type RefLine } from '../../plots/TimeSeriesPlot';
import { autoMarkers, escapeIndex, predictionsFrom, resolveMarkers, staircaseAxis, timeToIteration } from './derive';
import { NeuronPlane } from './NeuronPlane';
import { NeuronPolar } from './NeuronPolar';
import { restrictedShift } from './overlay';
import type { SaddlesSpec } from './schema';
import { PhasePortrait } from './PhasePortrait';
import { Snapshots } from './Snapshots';
import { useRestrictedRun, useSaddlesRun } from './store';
import { overrideFor, useSaddlesUi } from './ui-store';
import { ZeroedCheck } from './ZeroedCheck';
import { fmt } from '../../ui/format';

const MAX_UNITS = 12;

/** The live plots: loss staircase with predicted escape, neuron race, NCF alignment, sparsity, conservation, heatmaps. */
export function SaddlesPlots() {
  const run = useSaddlesRun((s) => s.run);
  const revision = useSaddlesRun((s) => s.revision);
  const markerState = useSaddlesUi((s) => s.markers);
  const [scrub, setScrub] = useState<number | null>(null);
  // GD runs plot against iterations by default (the paper's axis; with clipped steps nearly all flow time is spent
  // before the escape), gradient flow against t
  const [xAxis, setXAxis] = useState<'t' | 'iter'>('iter');
  const b = run?.buffers ?? null;
  const spec = run?.spec;
  const isGd = !!spec && spec.optim.kind !== 'flow';
  const byIter = isGd && xAxis === 'iter';
  // x of every time plot: flow time t, or the GD iteration (the paper's axis)
  const xs = b ? (byIter ? b.step : b.t) : null;
  const toX = (t: number) => (byIter && b && spec ? timeToIteration(b, spec, t) : t);
  const pred = run ? predictionsFrom(run.views) : null;
  const n = b?.count ?? 0;
  const esc = b && pred ? escapeIndex(b, pred.L0) : -1;
  const auto = b && spec ? autoMarkers(b, spec, esc) : null;
  const manual = overrideFor(markerState, run?.id);
  const marks = resolveMarkers(auto, manual, n);
  const line = (id: string, label: string, y: ArrayLike<number> | undefined, color: string, extra: Partial<PlotSeries> = {}): PlotSeries[] =>
    b && xs && y ? [{ id, label, color, x: xs, y, n, ...extra }] : [];

  const refs: RefLine[] = [];
  if (pred && Number.isFinite(pred.tEscW0)) refs.push({ axis: 'x', value: toX(pred.tEscW0), label: 'predicted escape (from w0)', color: '#D55E00' });
  if (pred && Number.isFinite(pred.tEscWstar) && spec?.init.dir.kind === 'kkt')
    refs.push({ axis: 'x', value: toX(pred.tEscWstar), label: 'predicted escape (from w*)', color: '#CC79A7' });
  if (pred && Number.isFinite(pred.saddleLoss)) refs.push({ axis: 'y', value: pred.saddleLoss, label: 'predicted first saddle', color: '#009E73' });
  if (b && esc >= 0) refs.push({ axis: 'x', value: xs![esc], label: 'measured escape', color: '#0072B2' });
  if (b && marks.i1 !== null) refs.push({ axis: 'x', value: xs![marks.i1], label: 'i1', color: '#94a3b8' });
  if (b && marks.i2 !== null) refs.push({ axis: 'x', value: xs![marks.i2], label: 'i2', color: '#94a3b8' });

  const restricted = useRestrictedLine(b, spec, pred, byIter);

  // the staircase's plateaus (docs/labs/saddles.md Sec. 4.4), shaded
  const bands: Band[] = b
    ? plateaus(staircaseAxis(b, spec!), b.loss, n).map((p) => ({
        from: xs![p.from],
        to: xs![p.to],
        label: `plateau ${fmt(p.level, 4)}`,
        shortLabel: fmt(p.level, 4),
        color: '#009E73',
      }))
    : [];

  const isToy = spec?.model.kind === 'toy';
  // per-unit norms: the largest at the current state (the race winner drawn thick)
  let units: PlotSeries[] = [];
  if (b) {
    const names = b.metricNames.filter((m) => m.startsWith('unit:'));
    const last = n - 1;
    const order = names.map((name) => ({ name, v: b.metric(name)[last] })).sort((p, q) => q.v - p.v);
    units = order.slice(0, MAX_UNITS).map(({ name }, k) => ({
      id: name,
      label: `${isToy ? '' : 'neuron '}${name.slice(5)}${k === 0 ? ' (winner)' : ''}`,
      color: names.length <= 8 ? seriesColor(names.indexOf(name)) : interpolateViridis(0.9 * (k / MAX_UNITS)),
      x: xs!,
      y: b.metric(name),
      n,
      width: k === 0 ? 2.5 : 1.2,
    }));
  }
  const dims = spec && spec.model.kind === 'ff' ? [spec.model.d, ...spec.model.widths, 1] : [];
  const scrubIdx = b ? Math.min(scrub ?? n - 1, n - 1) : -1;
  const xLabel = byIter ? 'iteration k' : isGd ? 't = Σ η_k (flow time of the steps)' : 'flow time t';

  return (
    <div className="flex flex-col gap-3" data-testid="saddles-plots">
      {isGd && (
        <div className="flex items-center gap-2 text-xs" role="radiogroup" aria-label="x-axis of the time plots">
          <span className="text-slate-600 dark:text-slate-400">x-axis:</span>
          {(
            [
              ['t', 'time t = Σ η_k'],
              ['iter', 'iteration k'],
            ] as const
          ).map(([v, text]) => (
            <label key={v} className="flex items-center gap-1">
              <input type="radio" name="sd-xaxis" data-testid={`xaxis-${v}`} checked={xAxis === v} onChange={() => setXAxis(v)} />
              {text}
            </label>
          ))}
        </div>
      )}
      <div className="grid gap-3 lg:grid-cols-2">
        <TimeSeriesPlot
          id="sd-loss"
          syncX="saddles-time"
          title="Loss staircase L(w(t))"
          series={[...line('loss', 'loss', b?.loss, '#0072B2', { width: 2 }), ...restricted.series]}
          xLabel={xLabel}
          yLabel="loss"
          yScale="log"
          refLines={refs}
          bands={bands}
          revision={revision + restricted.revision}
        />
        <div className="flex min-w-0 flex-col gap-1">
          <TimeSeriesPlot
            id="sd-units"
            syncX="saddles-time"
            title={isToy ? 'Coordinates |w₁|, |w₂| (log)' : 'Per-neuron norms ‖(in, out)‖: the race'}
            series={units}
            xLabel={xLabel}
            yLabel="norm"
            yScale="log"
            revision={revision}
          />
          {b && spec && dims.length > 0 && <ZeroedCheck b={b} dims={dims} zeroed={spec.init.zeroNeurons ?? []} />}
        </div>
        <TimeSeriesPlot
          id="sd-ncf"
          syncX="saddles-time"
          title="Direction: N(w/‖w‖) / N* and cos(w, w*)"
          series={[
            ...line('ncf', 'N(w/‖w‖) / N*', b && pred ? Float64Array.from(b.metric('ncf').subarray(0, n), (v) => v / pred.Nstar) : undefined, '#0072B2'),
            ...line('cos', 'cos(w, w*)', b?.metric('cosStar'), '#D55E00'),
          ]}
          xLabel={xLabel}
          yLabel="value"
          xScale="log"
          revision={revision}
        />
        <TimeSeriesPlot
          id="sd-sparsity"
          syncX="saddles-time"
          title="Sparsity ‖w_z‖/‖w‖ (units inactive in w*) and KKT residual"
          series={[...line('sparsity', 'sparsity ratio', b?.metric('sparsity'), '#009E73'), ...line('kkt', 'KKT residual', b?.metric('kktRes'), '#CC79A7')]}
          xLabel={xLabel}
          yLabel="ratio"
          yScale="log"
          xScale="log"
          revision={revision}
        />
        {!isToy && (
          <TimeSeriesPlot
            id="sd-cons"
            syncX="saddles-time"
            title="Drift of the conserved ‖in‖² − p‖out‖² (max over neurons, relative to energy)"
            series={line('drift', 'max drift', b?.metric('consDrift'), '#E69F00')}
            xLabel={xLabel}
            yLabel="relative drift"
            yScale="log"
            revision={revision}
            emptyText="No drift yet (exactly conserved so far) — or press Run"
          />
        )}
        {isToy && spec?.model.kind === 'toy' && spec.model.Lh === 2 && spec.data.kind === 'toy' && spec.data.y[0] === 4 && spec.data.y[1] === 1 && <PhasePortrait buffers={b} />}
        {spec?.model.kind === 'ff' && spec.model.d === 1 && spec.model.widths.length === 1 && spec.model.widths[0] === 1 && (
          <NeuronPlane
            buffers={b}
            y={spec.data.kind === 'single' ? spec.data.y : NaN}
            p={spec.model.p}
            square={spec.data.kind === 'single' && spec.model.p === 2 && spec.model.alpha === 1}
            index={scrubIdx}
          />
        )}
        {b && spec?.model.kind === 'ff' && spec.model.d === 2 && spec.model.widths.length === 1 && spec.model.p === 2 && spec.model.alpha === 1 && (
          <NeuronPolar buffers={b} spec={spec} index={scrubIdx} />
        )}
      </div>
      {b && run && <Snapshots run={run} b={b} scrubIdx={scrubIdx} onScrub={setScrub} marks={marks} manual={manual} />}
    </div>
  );
}

/**
 * The restricted first-saddle run (second worker) as a line on the loss plot, when it is shown: moved to the full
 * run's predicted escape when asked, and drawn up to the full run's horizon; with the revision it is drawn at.
 */
function useRestrictedLine(b: SeriesBuffers | null, spec: SaddlesSpec | undefined, pred: Predictions | null, byIter: boolean): { series: PlotSeries[]; revision: number } {
  const restricted = useRestrictedRun((s) => s.run);
  const revision = useRestrictedRun((s) => s.revision);
  const show = useSaddlesUi((s) => s.restrict);
  const align = useSaddlesUi((s) => s.alignRestricted);
  const rb = show && restricted?.buffers && restricted.spec ? restricted.buffers : null;
  if (b && spec && pred && rb && restricted) {
    const shift = align ? restrictedShift({ b, spec }, { b: rb, spec: restricted.spec }, pred.tEscW0, pred.tEscWstar, byIter) : 0;
    const rx = byIter ? rb.step : rb.t;
    const label = `restricted sub-network from δw*${shift !== 0 ? ` (shifted by ${fmt(shift, 3)}${byIter ? ' iterations' : ''})` : ''}`;
    // drawn up to the full run's horizon only, so the shifted curve does not stretch the axis past it
    const end = byIter ? spec.stop.maxSteps : spec.optim.kind === 'flow' ? spec.stop.maxTime : Infinity;
    const x = Float64Array.from(rx.subarray(0, rb.count), (v) => v + shift);
    let m = 0;
    while (m < rb.count && x[m] <= end) m++;
    return { series: [{ id: 'restricted', label, color: '#009E73', x, y: rb.loss, n: m, width: 2, dash: [6, 4] }], revision };
  }
  return { series: [], revision };
}
