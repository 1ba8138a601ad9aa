import { memo, type ReactNode, useEffect, useMemo, useState } from 'react';
import { OKABE_ITO } from '../../plots/palette';
import { type Band, type PlotSeries, type RefLine, TimeSeriesPlot, type TimeSeriesPlotProps } from '../../plots/TimeSeriesPlot';
import type { Comparison } from './compare';
import type { Envelope } from './envelope';
import { GD_COLOR, GF_COLOR } from './landscape-overlays';
import { type PlotData, plotData } from './plot-data';

/** What one plot draws of a comparison, prepared once per comparison. */
interface View {
  c: Comparison;
  s: PlotData;
  bands: Band[];
  cursorLine: RefLine[];
}

// prepared in the comparison worker (compareJob); computed here, once, for a comparison made on this thread
const prepared = new WeakMap<Comparison, { s: PlotData; bands: Band[] }>();
function prepare(c: Comparison) {
  let p = prepared.get(c);
  if (!p) {
    const s = c.plots ?? plotData(c);
    // steps where eta |eps| > 1 (every Q_i flips sign) and > sqrt 2 (the imbalance grows), lab spec 3.3
    const bands: Band[] = [
      ...s.flipRuns.map(([from, to]): Band => ({ from, to, color: OKABE_ITO[4], label: 'η|ε| > 1', shortLabel: '>1' })),
      ...s.growRuns.map(([from, to]): Band => ({ from, to, color: OKABE_ITO[5], label: 'η|ε| > √2', shortLabel: '>√2' })),
    ];
    p = { s, bands };
    prepared.set(c, p);
  }
  return p;
}

const mk = (id: string, label: string, color: string, e: Envelope, extra: Partial<PlotSeries> = {}): PlotSeries => ({ id, label, color, x: e.x, y: e.y, n: e.n, ...extra });

/** One plot against the GD step (all share the step cursor and the x label), drawn from a View. */
type StepPlot = Omit<TimeSeriesPlotProps, 'syncX' | 'xLabel'>;

const residual = ({ c, s, cursorLine }: View): StepPlot => ({
  id: 'st-residual',
  title: 'Residual |ε| and loss (GD vs GF at t = kη)',
  yLabel: '|ε|, L',
  yScale: 'log',
  refLines: cursorLine,
  series: [
    mk('gd-eps', '|ε| GD', GD_COLOR, s.gdEps),
    mk('gf-eps', '|ε| GF', GF_COLOR, s.gfEps),
    mk('gd-loss', c.spec.model.data ? 'L̄ GD (data)' : 'L GD', OKABE_ITO[0], s.loss, { dash: [4, 3], width: 1 }),
    ...(c.gd.outcome === 'converged' ? [mk('asym', '|1 − ηλ∞|^k', OKABE_ITO[7], s.asym, { dash: [2, 3], width: 1 })] : []),
  ],
});

const sharpness = ({ c, s, cursorLine }: View): StepPlot => ({
  id: 'st-sharpness',
  title: 'Sharpness vs the 2/η line',
  yLabel: 'sharpness',
  series: [
    mk('gd-S', 'S (top Hessian eig.) GD', GD_COLOR, s.S),
    mk('gd-lam', 'λ = ‖a‖² + ‖b‖² GD', OKABE_ITO[0], s.lam, { dash: [4, 3], width: 1 }),
    mk('gf-lam', 'λ GF', GF_COLOR, s.gfLam),
  ],
  refLines: [
    ...cursorLine,
    { axis: 'y', value: 2 / c.eta, label: '2/η', color: OKABE_ITO[4] },
    ...(c.flow.toSaddle ? [] : [{ axis: 'y' as const, value: c.flow.R, label: 'R (GF limit)', color: GF_COLOR }]),
    { axis: 'y', value: 2 * c.phi, label: '2Φ', color: OKABE_ITO[2] },
  ],
});

/** Q reaches exactly 0 in chaotic runs (it underflows): a log axis cannot show 0, so the title says from when. */
function exactZeroNote(c: Comparison): string {
  const tr = c.gd.trace!;
  const i = tr.qRatio.subarray(0, tr.n).indexOf(0);
  return i < 0 ? '' : `; Q = 0 exactly from step ${tr.step[i]} on, below the log axis`;
}

const imbalance = ({ c, s, bands, cursorLine }: View): StepPlot => ({
  id: 'st-imbalance',
  title: `Imbalance |Q(t)/Q(0)| (sign flips: ${s.flips})${exactZeroNote(c)}`,
  yLabel: '|Q(t)/Q(0)|',
  yScale: 'log',
  series: [mk('q', '|Q(t)/Q(0)| GD', GD_COLOR, s.q), mk('bound', 'exp(−η² Σ ε²) (Thm 1 upper)', OKABE_ITO[0], s.bound, { dash: [4, 3], width: 1 })],
  bands,
  refLines: [
    ...cursorLine,
    { axis: 'y', value: 1, label: 'GF: 1', color: GF_COLOR },
    ...(Number.isFinite(c.flow.integralEps2) ? [{ axis: 'y' as const, value: Math.exp(-c.eta * c.flow.integralEps2), label: 'exp(−η I_GF)', color: OKABE_ITO[7] }] : []),
  ],
});

const distance = ({ s, cursorLine }: View): StepPlot => ({
  id: 'st-distance',
  title: 'Distance between GD and GF at matched times',
  yLabel: '‖θ_GD(k) − θ_GF(kη)‖',
  yScale: 'log',
  series: [mk('dist', 'distance', OKABE_ITO[3], s.dist)],
  refLines: cursorLine,
});

const factors = ({ s, bands, cursorLine }: View): StepPlot => ({
  id: 'st-factors',
  title: 'Per-step factors: ε′ = ρ ε and Q′ = (1 − η²ε²) Q',
  yLabel: 'factor',
  series: [mk('rho', 'ρ = 1 − ηλ + η²ε(ε + Φ)', GD_COLOR, s.rho), mk('qfac', '1 − η²ε²', OKABE_ITO[0], s.factor, { dash: [4, 3] })],
  bands,
  refLines: [...cursorLine, { axis: 'y', value: 1, label: '+1' }, { axis: 'y', value: 0, label: '0' }, { axis: 'y', value: -1, label: '−1' }],
});

const PLOTS = [residual, sharpness, imbalance, distance, factors];

/** `value`, taking on a new value `frames` animation frames after it arrives (0: at once). */
function useStaggered<T>(value: T, frames: number): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (frames === 0) return;
    let left = frames;
    let id = requestAnimationFrame(function tick() {
      if (--left <= 0) setShown(value);
      else id = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(id);
  }, [value, frames]);
  return frames === 0 ? value : shown;
}

/**
 * One plot, redrawn only when its comparison or the cursor changes. A new comparison reaches plot i i frames after
 * plot 0: five plots redrawn in one frame would hold the page's thread for one long task.
 */
const Plot = memo(function Plot({ c, cursor, index }: { c: Comparison; cursor: number | null; index: number }): ReactNode {
  const shown = useStaggered(c, index);
  // the cursor indexes the newest comparison's trace; a plot still showing the previous one draws none
  const at = shown === c ? cursor : null;
  return useMemo(() => {
    const { s, bands } = prepare(shown);
    const tr = shown.gd.trace!;
    const cursorLine: RefLine[] = at === null || at >= tr.n ? [] : [{ axis: 'x', value: tr.step[at], label: `k = ${tr.step[at]}`, color: '#111827' }];
    return <TimeSeriesPlot syncX="stability-steps" xLabel="GD step k" {...PLOTS[index]({ c: shown, s, bands, cursorLine })} />;
  }, [shown, at, index]);
});

/**
 * Loss/residual, sharpness, imbalance, per-step factors and GD-GF distance against the GD step (GF at t = k eta);
 * the step-through cursor, when set, is a vertical line on each.
 */
export function TimePlots({ c, cursor }: { c: Comparison; cursor: number | null }) {
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="stability-timeplots">
      {PLOTS.map((_, i) => (
        <Plot key={i} c={c} cursor={cursor} index={i} />
      ))}
    </div>
  );
}
