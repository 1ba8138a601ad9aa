import { interpolateViridis } from 'd3';
import { useState } from 'react';
import { seriesColor } from '../../../plots/palette';
import { TimeSeriesPlot, type PlotSeries } from '../../../plots/TimeSeriesPlot';
import { useLabSpec } from '../../../state/experiment-store';
import { ARMS, useRuns, type Arm, type ArmRun } from '../../../state/runs-store';
import { Stale, useIsStale } from '../../../ui/Stale';
import { ARM_COLORS } from '../arms';
import { ARM_EXPLORE_LABELS, ARM_EXPLORE_SHORT } from './commit';
import { LandscapeSlice } from './LandscapeSlice';
import { GenByKPlot, ImpulsePlot } from '../KPlots';

/** Entries drawn per arm: the largest |a_j| at the latest snapshot. */
const TOP = 7;
const SUBS = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => String(n).replace(/\d/g, (c) => SUBS[Number(c)]);
const entryColor = (r: number) => (r < 6 ? seriesColor(r === 0 ? 7 : r - 1) : interpolateViridis(0.3 + 0.1 * r));

type XAxis = 'step' | 't';

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

function armSeries(runs: Partial<Record<Arm, ArmRun>>, pick: (run: ArmRun) => { x: ArrayLike<number>; y: ArrayLike<number>; n: number } | null): PlotSeries[] {
  return ARMS.flatMap((arm) => {
    const run = runs[arm];
    const xy = run && pick(run);
    return xy ? [{ id: arm, label: ARM_EXPLORE_SHORT[arm] + ' special', color: ARM_COLORS[arm], ...xy }] : [];
  });
}

/**
 * The live plots of the Explore page, both arms side by side or overlaid. Axes and markers are those of the spec
 * that produced the run; an edit after it marks them out of date until the next Run.
 */
export function ExplorePlots() {
  const arms = useRuns((s) => s.arms);
  const revision = useRuns((s) => s.revision);
  const edited = useLabSpec('poisoning');
  const ran = arms.clean?.spec ?? arms.poisoned?.spec;
  const stale = useIsStale(ran, edited, ['arm']);
  const spec = ran ?? edited;
  const flow = spec.optim.kind === 'flow';
  const [xAxis, setXAxis] = useState<XAxis | null>(null);
  const x: XAxis = flow ? 't' : (xAxis ?? 'step');
  const xLabel = x === 'step' ? 'iteration' : flow ? 'flow time t' : 'time t = Σ ηₛ';
  const K = spec.metrics.genWindow;
  const xs = (b: NonNullable<ArmRun['buffers']>) => (x === 'step' ? b.step : b.t);

  const loss = armSeries(arms, (r) => (r.buffers ? { x: xs(r.buffers), y: r.buffers.loss, n: r.buffers.count } : null));
  const erank = armSeries(arms, (r) => (r.buffers ? { x: xs(r.buffers), y: r.buffers.metric('erank'), n: r.buffers.count } : null));
  const gamma0 = armSeries(arms, (r) => (r.buffers ? { x: xs(r.buffers), y: r.buffers.metric('gamma0'), n: r.buffers.count } : null));
  const xLog = flow;

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
              className={`px-2 py-0.5 disabled:opacity-40 ${x === v ? 'bg-sky-600 text-white' : ''}`}
              data-testid={`xaxis-${v}`}
            >
              {v === 'step' ? 'iteration' : 'time t'}
            </button>
          ))}
        </div>
        {flow && <span className="text-slate-500">(gradient flow: flow time only)</span>}
      </div>
      <Stale stale={stale} testId="explore-plots-stale">
        <div className="grid gap-3 lg:grid-cols-2">
          {ARMS.map((arm) => (
            <div key={arm} className="rounded border-t-4 pt-1" style={{ borderColor: ARM_COLORS[arm] }}>
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
          <TimeSeriesPlot
            key={`loss-${x}-${flow}`}
            id="loss"
            syncX="explore-time"
            title="Training loss"
            series={loss}
            xLabel={xLabel}
            yLabel="loss"
            xScale={xLog ? 'log' : 'linear'}
            yScale="log"
            refLines={[{ axis: 'y', value: spec.stop.lossBelow, label: 'stop ε' }]}
            revision={revision}
            height={180}
          />
          <TimeSeriesPlot
            key={`erank-${x}-${flow}`}
            id="erank"
            syncX="explore-time"
            title="Effective rank of a"
            series={erank}
            xLabel={xLabel}
            yLabel="erank"
            xScale={xLog ? 'log' : 'linear'}
            yScale="linear"
            yDomain={[0, spec.model.d]}
            revision={revision}
            height={180}
          />
          <TimeSeriesPlot
            key={`gamma0-${x}-${flow}`}
            id="gamma0"
            syncX="explore-time"
            title="γ⁽⁰⁾ (signed)"
            series={gamma0}
            xLabel={xLabel}
            yLabel="γ⁽⁰⁾"
            xScale={xLog ? 'log' : 'linear'}
            yScale="linear"
            refLines={[{ axis: 'y', value: 0 }]}
            revision={revision}
            height={180}
          />
        </div>
      </Stale>
      <div className="grid gap-3 lg:grid-cols-[1fr_auto]">
        <Stale stale={stale} badge={false}>
          <div className="flex min-w-0 flex-col gap-3">
            <GenByKPlot
              runs={arms}
              K={K}
              kappa={spec.data.length}
              armLabel={(a) => ARM_EXPLORE_SHORT[a] + ' special'}
              revision={revision}
              height={170}
              genTitle="Generalisation error against length k"
            />
            <ImpulsePlot
              runs={arms}
              K={K}
              kappa={spec.data.length}
              armLabel={(a) => ARM_EXPLORE_SHORT[a] + ' special'}
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
