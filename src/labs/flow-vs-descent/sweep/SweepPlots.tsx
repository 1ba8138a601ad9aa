import { memo } from 'react';
import { type PlotSeries, TimeSeriesPlot } from '../../../plots/TimeSeriesPlot';
import { PlotPanel } from '../../../plots/PlotPanel';
import { fmt } from '../../../ui/format';
import { maxDSlope, OUTCOME_STYLE, type OutcomeKind, outcomeBands, pointsOf, slopeOneGuide, type SweepRow, twoOverEta } from './model';

const DATA = 'currentColor';
const GUIDE = '#0072B2';

/** The colour key of the outcome band shaded behind both plots. */
export function OutcomeLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Outcome band colours" data-testid="sweep-outcome-legend">
      {(Object.keys(OUTCOME_STYLE) as OutcomeKind[]).map((k) => (
        <li key={k} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm opacity-40" style={{ background: OUTCOME_STYLE[k].color }} />
          {OUTCOME_STYLE[k].label}
        </li>
      ))}
    </ul>
  );
}

/** Sec. 7 item 9: max_t D(t) against eta (log-log, slope-1 guide) and final lmax against eta with 2/eta, over the outcome band. */
export const SweepPlots = memo(function SweepPlots({ rows, revision }: { rows: SweepRow[]; revision: number }) {
  const bands = outcomeBands(rows);
  const etas = rows.map((r) => r.eta);
  const d = pointsOf(rows, (r) => r.maxD);
  const guide = slopeOneGuide(rows);
  const lmax = pointsOf(rows, (r) => r.lmax);
  const cap = twoOverEta(etas);
  const slope = maxDSlope(rows);
  const dSeries: PlotSeries[] = [
    { id: 'maxD', label: 'max_t D(t)', color: DATA, x: d.x, y: d.y, width: 2 },
    ...(guide ? [{ id: 'slope1', label: 'slope 1 (D ∝ η)', color: GUIDE, x: guide.x, y: guide.y, dash: [5, 4], width: 1 }] : []),
  ];
  const lSeries: PlotSeries[] = [
    { id: 'lmax', label: 'final λmax of GD', color: DATA, x: lmax.x, y: lmax.y, width: 2 },
    { id: 'two-over-eta', label: '2/η', color: GUIDE, x: cap.x, y: cap.y, dash: [5, 4], width: 1 },
  ];
  const common = { xLabel: 'step size η', xScale: 'log' as const, bands, revision, emptyText: 'No finished runs yet' };
  return (
    <div className="flex flex-col gap-2">
      <OutcomeLegend />
      <div className="grid gap-3 xl:grid-cols-2" data-testid="sweep-plots">
        <PlotPanel
          testId="panel-sweep-maxd"
          caption={
            <>
              The largest gap to the flow over [0, T], one GD run per η. While GD tracks the flow, D ≈ η‖E(t)‖ grows linearly in η (the dashed slope-1 line).
              {slope !== null && (
                <span data-testid="sweep-slope" data-slope={slope}>
                  {' '}
                  Fitted log-log slope over the converged runs: {fmt(slope, 3)}.
                </span>
              )}
            </>
          }
        >
          <TimeSeriesPlot id="fd-sweep-maxd" title="max D(t) against η" yLabel="max D" yScale="log" series={dSeries} {...common} />
        </PlotPanel>
        <PlotPanel
          testId="panel-sweep-lmax"
          caption="λmax of the Hessian where GD stopped. A converged run ends below 2/η (dashed); past the edge GD orbits, sharper than 2/η allows a minimum to be."
        >
          <TimeSeriesPlot id="fd-sweep-lmax" title="Final λmax against η, with 2/η" yLabel="λmax" yScale="log" series={lSeries} {...common} />
        </PlotPanel>
      </div>
    </div>
  );
});
