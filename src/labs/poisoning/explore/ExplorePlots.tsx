import { interpolateViridis } from 'd3';
import { useState } from 'react';
import { seriesColor } from '../../../plots/palette';
import { TimeSeriesPlot, type PlotSeries, type TimeSeriesPlotProps } from '../../../plots/TimeSeriesPlot';
import { ARMS, type Arm, type ArmRun } from '../../../state/runs-store';
import { Stale } from '../../../ui/Stale';
import { armSeries, sub, useArmPlots } from '../arm-plots';
import { ARM_COLORS } from '../arms';
import { ARM_EXPLORE_LABELS, ARM_EXPLORE_SHORT } from './commit';
import { LandscapeSlice } from './LandscapeSlice';
import { GenByKPlot, ImpulsePlot } from '../KPlots';

/** Entries drawn per arm: the largest |a_j| at the latest snapshot. */
const TOP = 7;
const entryColor = (r: number) => (r < 6 ? seriesColor(r === 0 ? 7 : r - 1) : interpolateViridis(0.3 + 0.1 * r));

type XAxis = 'step' | 't';
type Buffers = NonNullable<ArmRun['buffers']>;

function entrySeries(run: ArmRun | undefined, x: XAxis): PlotSeries[] {
  const b = run?.buffers;
  if (!b || b.count === 0) return [];
  const d = run.blocks.find((q) => q.name === 'a')?.size ?? 0;
  const last = b.count - 1;
  const idx = Array.from({ length: d }, (_, j) => j)
    .sort((p, q) => b.absParams[q][last] - b.absParams[p][last])
    .slice(0, TOP);
  const xs = x === 'step' ? b.step : b.t;
  return idx.map((j, r) => ({ id: `a${j + 1}`, label: `|a${sub(j + 1)}|`, color: entryColor(r), x: xs, y: b.absParams[j], n: b.count, width: r < 2 ? 2 : 1.25 }));
}

/**
 * The live plots of the Explore page, both arms side by side or overlaid. Axes and markers are those of the spec
 * that produced the run; an edit after it marks them out of date until the next Run.
 */
export function ExplorePlots() {
  const { arms, revision, stale, spec } = useArmPlots();
  const flow = spec.optim.kind === 'flow';
  const [xAxis, setXAxis] = useState<XAxis | null>(null);
  const x: XAxis = flow ? 't' : (xAxis ?? 'step');
  const xLabel = x === 'step' ? 'iteration' : flow ? 'flow time t' : 'time t = Σ ηₛ';
  const K = spec.metrics.genWindow;
  const xs = (b: Buffers) => (x === 'step' ? b.step : b.t);

  const label = (a: Arm) => `${ARM_EXPLORE_SHORT[a]} special`;
  const xLog = flow;
  // the small plots under the entries, on the same time axis
  const small: ({ id: string; title: string; yLabel: string; y: (b: Buffers) => ArrayLike<number> } & Pick<TimeSeriesPlotProps, 'yScale' | 'refLines' | 'yDomain'>)[] = [
    { id: 'loss', title: 'Training loss', yLabel: 'loss', y: (b) => b.loss, yScale: 'log', refLines: [{ axis: 'y', value: spec.stop.lossBelow, label: 'stop ε' }] },
    { id: 'erank', title: 'Effective rank of a', yLabel: 'erank', y: (b) => b.metric('erank'), yDomain: [0, spec.model.d] },
    { id: 'gamma0', title: 'γ⁽⁰⁾ (signed)', yLabel: 'γ⁽⁰⁾', y: (b) => b.metric('gamma0'), refLines: [{ axis: 'y', value: 0 }] },
  ];

  return (
    <div className="flex flex-col gap-3" data-testid="explore-plots">
      <div className="flex items-center gap-2 text-xs">
        <span className="text-slate-500">x axis:</span>
        <div role="radiogroup" aria-label="x axis" className="flex overflow-hidden rounded border border-slate-300 dark:border-slate-700">
          {(['step', 't'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="radio"
              aria-checked={x === v}
              disabled={flow && v === 'step'}
              onClick={() => setXAxis(v)}
              className={`px-2 py-0.5 disabled:opacity-40 ${x === v ? 'bg-sky-700 text-white' : ''}`}
              data-testid={`xaxis-${v}`}
            >
              {v === 'step' ? 'iteration' : 'time t'}
            </button>
          ))}
        </div>
        {flow && <span className="text-slate-500">(gradient flow: flow time only)</span>}
      </div>
      <Stale stale={stale} testId="explore-plots-stale">
        <div className="grid grid-cols-[minmax(0,1fr)] gap-3 lg:grid-cols-2">
          {ARMS.map((arm) => (
            <div key={arm} className="min-w-0 rounded border-t-4 pt-1" style={{ borderColor: ARM_COLORS[arm] }}>
              <TimeSeriesPlot
                key={`${x}-${flow}`}
                id={`entries-${arm}`}
                syncX="explore-time"
                title={`Largest |aⱼ|: ${ARM_EXPLORE_LABELS[arm].toLowerCase()}`}
                series={entrySeries(arms[arm], x)}
                xLabel={xLabel}
                yLabel="|aⱼ|"
                xScale={xLog ? 'log' : 'linear'}
                yScale="linear"
                refLines={[{ axis: 'y', value: 1, label: 'teacher a* = 1' }]}
                revision={revision}
              />
            </div>
          ))}
        </div>
        <div className="grid gap-3 lg:grid-cols-3">
          {small.map((p) => (
            <TimeSeriesPlot
              key={`${p.id}-${x}-${flow}`}
              id={p.id}
              syncX="explore-time"
              title={p.title}
              series={armSeries(arms, label, xs, p.y)}
              xLabel={xLabel}
              yLabel={p.yLabel}
              xScale={xLog ? 'log' : 'linear'}
              yScale={p.yScale ?? 'linear'}
              refLines={p.refLines}
              yDomain={p.yDomain}
              revision={revision}
              height={180}
            />
          ))}
        </div>
      </Stale>
      <div className="grid gap-3 lg:grid-cols-[1fr_auto]">
        <Stale stale={stale} badge={false}>
          <div className="flex min-w-0 flex-col gap-3">
            <GenByKPlot runs={arms} K={K} kappa={spec.data.length} armLabel={label} revision={revision} height={170} genTitle="Generalisation error against length k" />
            <ImpulsePlot
              runs={arms}
              K={K}
              kappa={spec.data.length}
              armLabel={label}
              revision={revision}
              height={170}
              impulseTitle="Impulse response hₖ vs teacher h*"
              impulseScale="linear"
            />
          </div>
        </Stale>
        <LandscapeSlice />
      </div>
    </div>
  );
}
