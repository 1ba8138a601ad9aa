import { interpolateViridis } from 'd3';
import { seriesColor } from '../../plots/palette';
import { TimeSeriesPlot, type PlotSeries } from '../../plots/TimeSeriesPlot';
import { ARMS, type Arm, type ArmRun } from '../../state/runs-store';
import { Stale } from '../../ui/Stale';
import { armSeries, sub, useArmPlots } from './arm-plots';
import { ARM_SHORT } from './arms';
import { GenByKPlot, ImpulsePlot } from './KPlots';

/** Most entries drawn per arm; beyond it, the largest at the current state. */
const MAX_ENTRIES = 12;

const entryColor = (j: number, d: number) => (d <= 8 ? seriesColor(j) : interpolateViridis(0.12 + 0.78 * (j / Math.max(1, d - 1)))); // not the near-black end: it vanishes in the dark theme

function entrySeries(run: ArmRun | undefined): PlotSeries[] {
  const b = run?.buffers;
  if (!b) return [];
  const d = run.blocks.find((x) => x.name === 'a')?.size ?? 0;
  const last = b.count - 1;
  let idx = Array.from({ length: d }, (_, j) => j);
  if (d > MAX_ENTRIES) idx = idx.sort((p, q) => b.absParams[q][last] - b.absParams[p][last]).slice(0, MAX_ENTRIES);
  return idx.map((j) => ({ id: `a${j + 1}`, label: `|a${sub(j + 1)}|`, color: entryColor(j, d), x: b.t, y: b.absParams[j], n: b.count, width: j < 2 ? 2 : 1.25 }));
}

/**
 * The live plots of the Theorem-1 page: entries, loss, and generalisation of both arms. Their markers (κ, the
 * window K, the stopping loss) are those of the spec that produced the run; an edit after the run marks the plots
 * out of date until the next Run.
 */
export function Thm1Plots() {
  const { arms, revision, stale, spec } = useArmPlots();
  const K = spec.metrics.genWindow;

  const label = (a: Arm) => ARM_SHORT[a];
  const loss = armSeries(
    arms,
    label,
    (b) => b.t,
    (b) => b.loss,
  );
  const genT = armSeries(
    arms,
    label,
    (b) => b.t,
    (b) => b.metric('gen'),
  );

  return (
    <Stale stale={stale} testId="thm1-plots-stale">
      <div className="grid gap-3 lg:grid-cols-2" data-testid="thm1-plots">
        {ARMS.map((arm) => (
          <TimeSeriesPlot
            key={arm}
            id={`entries-${arm}`}
            syncX="thm1-time"
            title={`Diagonal entries |aⱼ|, ${ARM_SHORT[arm]} (${arm === 'clean' ? '{e₁}' : '{e₁, e_(κ−1)}'})`}
            series={entrySeries(arms[arm])}
            xLabel="flow time t"
            yLabel="|aⱼ|"
            xScale="log"
            yScale="log"
            revision={revision}
          />
        ))}
        <TimeSeriesPlot
          id="loss"
          syncX="thm1-time"
          title="Training loss"
          series={loss}
          xLabel="flow time t"
          yLabel="loss"
          xScale="log"
          yScale="log"
          refLines={[{ axis: 'y', value: spec.stop.lossBelow, label: 'stop' }]}
          revision={revision}
        />
        <TimeSeriesPlot
          id="gen-time"
          syncX="thm1-time"
          title={`Generalisation error Gen${K === 20 ? '₂₀' : '_' + K} over training`}
          series={genT}
          xLabel="flow time t"
          yLabel="Gen_K / max|h*|"
          xScale="log"
          yScale="log"
          revision={revision}
        />
        <GenByKPlot runs={arms} K={K} kappa={spec.data.length} armLabel={label} revision={revision} genTitle="Generalisation error against length k (now)" />
        <ImpulsePlot runs={arms} K={K} kappa={spec.data.length} armLabel={label} revision={revision} impulseTitle="Impulse response hₖ = C Aᵏ B vs teacher" impulseScale="log" />
      </div>
    </Stale>
  );
}
