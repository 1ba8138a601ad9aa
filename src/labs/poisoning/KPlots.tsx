import { useMemo, useState } from 'react';
import { TimeSeriesPlot, type AxisKind, type PlotSeries } from '../../plots/TimeSeriesPlot';
import { ARMS, type Arm, type ArmRun } from '../../state/runs-store';
import { ARM_COLORS } from './arms';

/** The plots against sequence length k shared by the Theorem-1 and Explore pages (both arms). */
interface KPlotsProps {
  runs: Partial<Record<Arm, ArmRun>>;
  /** Generalisation window K: h_0 .. h_K and Gen_1 .. Gen_K. */
  K: number;
  /** Training length kappa (marked on both plots). */
  kappa: number;
  armLabel: (arm: Arm) => string;
  revision: number;
  height?: number;
  impulseTitle: string;
  genTitle: string;
  /** Scale of the impulse response (the error view is always log). */
  impulseScale: AxisKind;
}

const TEACHER = '#6b7280';

export function GenByKPlot({ runs, K, kappa, armLabel, revision, height, genTitle }: Omit<KPlotsProps, 'impulseTitle' | 'impulseScale'>) {
  const kFrom1 = useMemo(() => Float64Array.from({ length: K }, (_, i) => i + 1), [K]);
  const series = ARMS.flatMap((arm): PlotSeries[] => {
    const g = runs[arm]?.views.genByK;
    return g ? [{ id: arm, label: armLabel(arm), color: ARM_COLORS[arm], x: kFrom1, y: g, n: g.length }] : [];
  });
  return (
    <TimeSeriesPlot
      id="gen-k"
      title={genTitle}
      series={series}
      xLabel="sequence length k"
      yLabel="Gen_k / max|h*|"
      yScale="log"
      refLines={[{ axis: 'x', value: kappa, label: `κ = ${kappa} (train length)` }]}
      revision={revision}
      height={height}
    />
  );
}

/**
 * The impulse response h_k = C A^k B of both arms against the teacher's h*, or their error |h_k - h*_k| (log):
 * where the poisoned arm's response leaves the teacher's shows at once in the error view.
 */
export function ImpulsePlot({ runs, K, kappa, armLabel, revision, height, impulseTitle, impulseScale }: Omit<KPlotsProps, 'genTitle'>) {
  const [view, setView] = useState<'h' | 'err'>('h');
  const ks = useMemo(() => Float64Array.from({ length: K + 1 }, (_, i) => i), [K]);
  const teacher = runs.clean?.views.hStar ?? runs.poisoned?.views.hStar;
  const arms = ARMS.flatMap((arm): PlotSeries[] => {
    const h = runs[arm]?.views.h;
    if (!h) return [];
    const y = view === 'h' ? h : teacher ? Float64Array.from(h, (v, k) => Math.abs(v - teacher[k])) : null;
    return y ? [{ id: arm, label: armLabel(arm), color: ARM_COLORS[arm], x: ks, y, n: y.length }] : [];
  });
  const series = view === 'h' && teacher ? [{ id: 'teacher', label: 'teacher h*', color: TEACHER, x: ks, y: teacher, n: teacher.length, dash: [5, 4], width: 2.5 }, ...arms] : arms;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex items-center gap-2 text-[11px]" role="radiogroup" aria-label="impulse response view">
        {(
          [
            ['h', 'hₖ and teacher h*ₖ'],
            ['err', 'error |hₖ − h*ₖ|'],
          ] as const
        ).map(([v, text]) => (
          <label key={v} className="flex items-center gap-1">
            <input type="radio" checked={view === v} onChange={() => setView(v)} data-testid={`impulse-view-${v}`} />
            {text}
          </label>
        ))}
      </div>
      <TimeSeriesPlot
        key={view}
        id="impulse"
        title={view === 'h' ? impulseTitle : 'Impulse-response error |hₖ − h*ₖ| against k'}
        series={series}
        xLabel="k"
        yLabel={view === 'h' ? 'hₖ' : '|hₖ − h*ₖ|'}
        yScale={view === 'h' ? impulseScale : 'log'}
        refLines={[{ axis: 'x', value: kappa - 1, label: `κ−1 = ${kappa - 1}` }]}
        revision={revision}
        height={height}
      />
    </div>
  );
}
