import { memo, type ReactNode, useRef } from 'react';
import { OKABE_ITO, seriesColor } from '../../../plots/palette';
import { type PlotSeries, type RefLine, TimeSeriesPlot, type TimeSeriesPlotProps } from '../../../plots/TimeSeriesPlot';
import { PlotPanel } from '../../../plots/PlotPanel';
import { fmt } from '../../../ui/format';
import { type ArmInfo, armsOf, column } from './derive';
import type { FdRun } from './store';

const TIME = 'fd-time';
const FLOW = 'currentColor';
/** Arm i's colour (the flow is the text colour). */
export const armColor = (i: number) => seriesColor(i);

/** The flow's column against flow time, as a series. */
function flowLine(run: FdRun, name: string, label: string, extra: Partial<PlotSeries> = {}): PlotSeries[] {
  const b = run.buffers;
  const y = column(b, `gf.${name}`);
  if (!b || !y) return [];
  return [{ id: `gf-${name}`, label, color: FLOW, x: b.t, y, n: b.count, width: 2, ...extra }];
}

/** Each arm's column against its own iterate time t_k = k eta. */
function armLines(run: FdRun, arms: ArmInfo[], name: string, extra: Partial<PlotSeries> = {}, label = (a: ArmInfo) => a.label): PlotSeries[] {
  const b = run.buffers;
  if (!b) return [];
  return arms.flatMap((a) => {
    const x = column(b, `gd${a.index}.t`);
    const y = column(b, `gd${a.index}.${name}`);
    return x && y ? [{ id: `gd${a.index}-${name}`, label: label(a), color: armColor(a.index), x, y, n: b.count, dash: a.paper ? [2, 2] : undefined, ...extra }] : [];
  });
}

const twoOverEta = (arms: ArmInfo[]): RefLine[] =>
  arms.filter((a) => !a.paper && 2 / a.eta < 1e4).map((a) => ({ axis: 'y', value: 2 / a.eta, label: `2/η = ${fmt(2 / a.eta, 3)}`, color: armColor(a.index) }));

/** The panels of the run page, each redrawn only when its turn comes (useRoundRobin). */
const PLOT_SLOTS = 8;

/**
 * Hands every new revision to one plot at a time, in turn: a streamed frame redraws one plot (a few ms) instead of all
 * of them at once (over 50 ms of drawing in one animation frame on a slow machine), each plot still follows within
 * PLOT_SLOTS frames, and a new or settled run reaches every plot at once.
 */
export function useRoundRobin(revision: number, slots: number, runId: number, settled: boolean): number[] {
  const state = useRef({ revs: [] as number[], next: 0, seen: Number.NaN, runId: Number.NaN, settled: false });
  const s = state.current;
  if (revision !== s.seen || runId !== s.runId || settled !== s.settled) {
    if (s.revs.length !== slots || runId !== s.runId || settled) {
      s.revs = Array(slots).fill(revision);
      s.next = 0;
    } else {
      s.revs = s.revs.slice();
      s.revs[s.next] = revision;
      s.next = (s.next + 1) % slots;
    }
    s.seen = revision;
    s.runId = runId;
    s.settled = settled;
  }
  return s.revs;
}

/** Its children, rendered again only when its revision changes. */
const Slot = memo(
  function Slot({ render }: { rev: number; render: () => ReactNode }) {
    return render();
  },
  (a, b) => a.rev === b.rev,
);

/**
 * One plot against flow time in its panel, in a Slot: `plot` (its id, title, axes and series) is called and the plot
 * drawn again only when the slot's revision changes. It draws at that revision: a Slot renders only when its rev has
 * just been set to the run's current revision, so the two are the same number whenever the plot is drawn.
 */
function TimeSlot({ rev, testId, caption, plot }: { rev: number; testId: string; caption: ReactNode; plot: () => Omit<TimeSeriesPlotProps, 'revision' | 'xLabel'> }) {
  return (
    <Slot
      rev={rev}
      render={() => (
        <PlotPanel testId={testId} caption={caption}>
          <TimeSeriesPlot {...plot()} syncX={TIME} xLabel="flow time t" revision={rev} />
        </PlotPanel>
      )}
    />
  );
}

/** The live plots of Sec. 7 (2-7) on flow time t, one line per GD arm beside the flow. */
export const RunPlots = memo(function RunPlots({ run, revision }: { run: FdRun | null; revision: number }) {
  const revs = useRoundRobin(revision, PLOT_SLOTS, run?.id ?? -1, !!(run?.final || run?.error));
  if (!run) {
    return (
      <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700" data-testid="plots-empty">
        Press Run: the flow (solved by an adaptive ODE solver) and each GD run appear here on the same flow-time axis, with the gap between them and the curvature along the way.
      </p>
    );
  }
  const spec = run.spec;
  const arms = armsOf(spec);
  // the paper protocol's GD runs at eta0 / r
  const paperArms = arms.filter((a) => a.paper);
  const o = spec.objective;
  const dln = o.family === 'dln';
  const rank1 = dln && o.widths[o.widths.length - 1] === 1;
  return (
    <div className="grid gap-3 xl:grid-cols-2" data-testid="fd-plots">
      <TimeSlot
        rev={revs[0]}
        testId="panel-loss"
        caption="GD (coloured) against the flow (black) at equal flow time t = kη."
        plot={() => ({ id: 'fd-loss', title: '(2) f − min f', yLabel: 'f − min f', yScale: 'log', series: [...flowLine(run, 'f', 'flow'), ...armLines(run, arms, 'f')] })}
      />
      <TimeSlot
        rev={revs[1]}
        testId="panel-gap"
        caption={
          spec.errorOde
            ? 'D/η for each η against ‖E(t)‖ from the error ODE (black): for small η they coincide, D ≈ η‖E(t)‖.'
            : 'Turn on the error ODE to see the prediction ‖E(t)‖ beside D/η.'
        }
        plot={() => ({
          id: 'fd-gap',
          title: '(3) Tracking error D/η and ‖E(t)‖',
          yLabel: 'D/η, ‖E‖',
          series: [...(spec.errorOde ? flowLine(run, 'E', '‖E(t)‖ (error ODE)') : []), ...armLines(run, arms, 'Deta')],
        })}
      />
      <TimeSlot
        rev={revs[2]}
        testId="panel-distance"
        caption="D(t) = ‖θ_k − θ(kη)‖: linear in η while the curvature along the flow stays mild."
        plot={() => ({ id: 'fd-distance', title: '(3) Tracking error D(t)', yLabel: 'D', yScale: 'log', series: armLines(run, arms, 'D') })}
      />
      {spec.protocol !== 'flow' && (
        <TimeSlot
          rev={revs[3]}
          testId="panel-drift"
          caption="The paper's instrument: the distance between GD at η₀ and GD at η₀/r at equal flow time (iterate k against iterate rk). Small next to ‖θ − θ₀‖: GD at η₀ already tracks the flow."
          plot={() => ({
            id: 'fd-drift',
            title: 'Run-vs-run drift ‖θ(η₀, step k) − θ(η₀/r, step rk)‖ (paper protocol)',
            yLabel: 'drift',
            series: armLines(run, paperArms, 'drift'),
          })}
        />
      )}
      {spec.spectrum && (
        <TimeSlot
          rev={revs[4]}
          testId="panel-curvature"
          caption="λmin and λmax of the Hessian along the flow (solid) and GD (dashed, small models), with the paper's lower bound on λmin (it holds, often loosely); GD cannot stay where λmax > 2/η."
          plot={() => ({
            id: 'fd-curvature',
            title: '(4) Curvature along the way',
            yLabel: 'λ',
            refLines: twoOverEta(arms),
            series: [
              ...flowLine(run, 'lmax', 'λmax (flow)', { color: OKABE_ITO[1] }),
              ...flowLine(run, 'lmin', 'λmin (flow)', { color: OKABE_ITO[0] }),
              ...flowLine(run, 'bound', o.family === 'fc' ? 'Lemma 11 bound' : 'Lemma 7 / Prop. 8 bound', { color: OKABE_ITO[3], dash: [6, 3], width: 1.5 }),
              ...armLines(run, arms, 'lmax', { dash: [4, 3], width: 1 }, (a) => `λmax, ${a.label}`),
              ...armLines(run, arms, 'lmin', { dash: [4, 3], width: 1 }, (a) => `λmin, ${a.label}`),
            ],
          })}
        />
      )}
      {spec.spectrum && (
        <TimeSlot
          rev={revs[5]}
          testId="panel-im"
          caption="I_m(t) = ∫₀ᵗ max(0, −λmin) ds: where it levels off, the flow has stopped meeting negative curvature (roughly convex from there)."
          plot={() => ({ id: 'fd-im', title: '(5) Accumulated negative curvature I_m(t)', yLabel: 'I_m', series: flowLine(run, 'Im', 'I_m (flow)') })}
        />
      )}
      {dln && (
        <TimeSlot
          rev={revs[6]}
          testId="panel-unbalance"
          caption="U = maxⱼ ‖Wⱼ₊₁ᵀWⱼ₊₁ − WⱼWⱼᵀ‖_*: the flow conserves it (flat, at rounding level); GD moves it by η² per step."
          plot={() => ({ id: 'fd-unbalance', title: '(6) Unbalancedness U(t)', yLabel: 'U', yScale: 'log', series: [...flowLine(run, 'U', 'flow'), ...armLines(run, arms, 'U')] })}
        />
      )}
      {rank1 && <Slot rev={revs[7]} render={() => <PhasePlane run={run} arms={arms} revision={revs[7]} />} />}
    </div>
  );
});

/** (7) The (r, nu) plane of the rank-1 reduction: r = ||W_{n:1}||, nu its alignment with Lam; the minimum is (1, 1). */
function PhasePlane({ run, arms, revision }: { run: FdRun; arms: ArmInfo[]; revision: number }) {
  const b = run.buffers;
  const pair = (prefix: string, label: string, color: string, dash?: number[]): PlotSeries[] => {
    const x = column(b, `${prefix}.r`);
    const y = column(b, `${prefix}.nu`);
    return b && x && y ? [{ id: `${prefix}-rnu`, label, color, x, y, n: b.count, dash }] : [];
  };
  return (
    <PlotPanel testId="panel-phase" caption="The flow climbs in alignment ν first, then grows r; GD follows the same curve up to O(η).">
      <TimeSeriesPlot
        id="fd-phase"
        title="(7) Phase plane (r, ν)"
        xLabel="r = ‖Wₙ⋯W₁‖"
        yLabel="ν"
        scaleToggle={false}
        revision={revision}
        series={[...pair('gf', 'flow', FLOW), ...arms.flatMap((a) => pair(`gd${a.index}`, a.label, armColor(a.index), a.paper ? [2, 2] : undefined))]}
      />
    </PlotPanel>
  );
}
