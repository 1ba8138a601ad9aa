import { useMemo, useState } from 'react';
import { useExperiment } from '../../../state/experiment-store';
import { Button } from '../../../ui/Button';
import { DataExportLinks } from '../../../ui/ExportLinks';
import { fmt } from '../../../ui/format';
import { ProgressBar } from '../../../ui/ProgressBar';
import { SelectField } from '../../../ui/SelectField';
import { Stale } from '../../../ui/Stale';
import { extrapolationCore } from '../core';
import type { ExtrapolationSpec, SweepDef } from '../schema';
import { logLogSlope } from '../sweeps';
import { formatDuration } from './cost';
import { sweepCsv, sweepJson } from './export';
import { METRIC_LABEL, type Metric, openSpec, type PlotGroup, plotGroups, type ScoredPoint, sweepIsStale, sweepTeachers, thresholdMarks, zeroLines } from './sweep-model';
import { useSweepRun } from './sweep-store';
import { SweepPlot } from './SweepPlot';
import { SweepTable } from './SweepTable';

const LAB = extrapolationCore.id;

/** Opens point `index` of the sweep on screen as the lab's experiment, on the Run page (which runs it). */
export function openSweepPoint(index: number): void {
  const st = useSweepRun.getState();
  const point = st.points[index];
  if (!point || !st.spec || !st.sweep) return;
  const store = useExperiment.getState();
  if (store.apply(openSpec(st.spec, st.sweep, point), 'sweep')) {
    store.requestAutoRun(LAB);
    window.location.hash = `lab=${LAB}&page=run`;
  }
}

const nameK = (k: number) => `k = ${k}`;
const nameSigma = (s: number) => `σ = ${fmt(s, 3)}`;

/** Mean of group 0 per x, as JSON (for tests: data-e-by-k / data-e-by-sigma). */
const meanByX = (g: PlotGroup | undefined) => JSON.stringify(Object.fromEntries((g?.stats ?? []).map((s) => [String(s.x), s.mean])));

/** The sweep on screen: status, progress and timing, its plots, its table of cells and its exports. */
export function SweepResults({ spec }: { spec: ExtrapolationSpec }) {
  const run = useSweepRun();
  const stale = sweepIsStale(run.spec, run.sweep, spec);
  if (!run.spec || !run.sweep) {
    return (
      <p className="text-sm text-slate-500" data-testid="sweep-results" data-status="idle">
        No sweep yet. Choose one on the left (or load a preset) and press <span className="font-medium">Run sweep</span>: each (k or σ, seed) is one training run to its end, spread
        over the worker pool.
      </p>
    );
  }
  return (
    <section className="flex min-w-0 flex-col gap-3" data-testid="sweep-results" data-status={run.status} data-done={run.done} data-total={run.total}>
      <SweepStatus />
      <Stale stale={stale} testId="sweep-stale" message="out of date — the experiment or the sweep changed since this ran; press Run sweep">
        {run.sweep.kind === 'k' ? <KSweepView base={run.spec} sweep={run.sweep} scored={run.scored} /> : <SigmaSweepView base={run.spec} sweep={run.sweep} scored={run.scored} />}
        <SweepTable sweep={run.sweep} scored={run.scored} onOpen={openSweepPoint} />
      </Stale>
    </section>
  );
}

function SweepStatus() {
  const run = useSweepRun();
  const rate = run.done > 0 && run.ms > 0 ? run.done / (run.ms / 1000) : 0;
  const left = run.leftMs;
  // the sweep as it stands when a button is pressed
  const exported = () => {
    const st = useSweepRun.getState();
    return st.spec && st.sweep ? sweepJson(LAB, st.spec, st.sweep, st.scored) : null;
  };
  return (
    <div className="flex flex-col gap-1 text-sm" role="status" aria-live="polite" data-testid="sweep-status">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {run.status === 'running' && (
          <>
            <span className="num">
              {run.done} / {run.total} runs · {formatDuration(run.ms)} · about {formatDuration(Math.max(0, left))} left
            </span>
            <Button size="sm" testId="sweep-cancel-main" onClick={run.cancel}>
              Cancel
            </Button>
          </>
        )}
        {run.status === 'done' && (
          <span className="num text-xs text-slate-600 dark:text-slate-400" data-testid="sweep-done" data-runs={run.total} data-ms={run.ms.toFixed(0)}>
            {run.total} runs in {formatDuration(run.ms)} on {run.workers} worker{run.workers === 1 ? '' : 's'} ({fmt(rate, 3)} runs/s; estimated {formatDuration(run.estimateMs)})
          </span>
        )}
        {run.status === 'cancelled' && (
          <span className="text-xs text-amber-700 dark:text-amber-400" data-testid="sweep-cancelled">
            Cancelled after {run.done} of {run.total} runs ({formatDuration(run.ms)}); the finished runs are shown.
          </span>
        )}
        {run.status === 'error' && (
          <span role="alert" className="text-xs text-red-600 dark:text-red-400">
            The sweep failed: {run.error}
          </span>
        )}
        {run.done > 0 && run.status !== 'running' && (
          <span className="ml-auto">
            <DataExportLinks
              name={`implicit-bias-lab-${LAB}-${run.sweep?.kind}-sweep`}
              data={exported}
              csv={sweepCsv}
              testId="sweep-export"
              jsonTitle="The experiment the sweep ran from, every finished run and the summary per k / σ, as JSON"
              csvTitle="The same as CSV: the experiment in # comment lines, then the runs, then the summary"
            />
          </span>
        )}
      </div>
      {run.status === 'running' && <ProgressBar value={run.total ? run.done / run.total : 0} label={`Sweep progress: ${run.done} of ${run.total} runs`} />}
    </div>
  );
}

function KSweepView({ base, sweep, scored }: { base: ExtrapolationSpec; sweep: Extract<SweepDef, { kind: 'k' }>; scored: ScoredPoint[] }) {
  const [metric, setMetric] = useState<Metric>('E');
  const zero = useMemo(() => zeroLines(base, sweep), [base, sweep]);
  const groups = useMemo(() => {
    const gs = plotGroups(scored, 'k', 'teacher', metric);
    return metric === 'E' ? gs.map((g, i) => ({ ...g, zero: zero[i] })) : gs;
  }, [scored, metric, zero]);
  const marks = thresholdMarks(sweepTeachers(base, sweep));
  const eGroups = metric === 'E' ? groups : plotGroups(scored, 'k', 'teacher', 'E');
  return (
    <div className="flex flex-col gap-2">
      <SweepPlot
        id="sweep-k"
        title={`${metric === 'E' ? 'Extrapolation error E' : METRIC_LABEL[metric]} against the training length k`}
        xLabel="training length k"
        yLabel={metric === 'E' ? 'E(k, H)' : METRIC_LABEL[metric]}
        groups={groups}
        marks={marks}
        onOpen={openSweepPoint}
        nameX={nameK}
        nameY={metric === 'E' ? 'E' : METRIC_LABEL[metric].split(' ')[0]}
        height={320}
        data={{ 'data-e-by-k': meanByX(eGroups[0]), 'data-metric': metric }}
      />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SelectField
          label="Plotted value"
          value={metric}
          testId="sweep-metric"
          className="w-56 shrink-0"
          options={(Object.keys(METRIC_LABEL) as Metric[]).map((m) => ({ value: m, label: METRIC_LABEL[m] }))}
          onChange={setMetric}
        />
        {base.teacher.kind === 'gru' ? (
          <p className="min-w-0 flex-1 text-xs text-slate-600 dark:text-slate-400" data-testid="sweep-gru-note">
            The GRU error (Sec. 5.3): the mean over 100 random test sequences of the largest output error at k_g ≤ t &lt; H, over the mean of the teacher's largest output; 1 is
            about what predicting 0 scores. The mark at 4d̂_g is where the paper's full-size GRU switched. This scaled preset has no assertion: a threshold near k_g = 16 is expected
            but unverified. Click a dot (or a cell below) to open that run.
          </p>
        ) : (
          <p className="min-w-0 flex-1 text-xs text-slate-600 dark:text-slate-400">
            E(k, H) = max over k ≤ j &lt; H of |h_j − w_j| / max |w_j|: how far the student's impulse response strays from the teacher's beyond the data it saw. A run above the
            dashed zero-solution line does worse than predicting 0. The marks at 2d̂ and 2d̂ + 1 are where Lemma 7 says a balanced student must extrapolate. Click a dot (or a cell
            below) to open that run.
          </p>
        )}
      </div>
    </div>
  );
}

function SigmaSweepView({ base, sweep, scored }: { base: ExtrapolationSpec; sweep: Extract<SweepDef, { kind: 'sigma' }>; scored: ScoredPoint[] }) {
  const ks = sweep.ks ?? [base.training.k];
  const [kPick, setK] = useState<number>(() => (ks.includes(base.training.k) ? base.training.k : ks[Math.floor(ks.length / 2)]));
  const k = ks.includes(kPick) ? kPick : ks[0];
  const eGroups = useMemo(() => plotGroups(scored, 'sigma', 'k', 'E', (p) => p.k === k), [scored, k]);
  const bGroups = useMemo(() => plotGroups(scored, 'sigma', 'k', 'betaBC', (p) => p.k === k), [scored, k]);
  const byK = useMemo(() => (ks.length > 1 ? plotGroups(scored, 'k', 'sigma', 'E') : []), [scored, ks.length]);
  const b = bGroups[0]?.stats.filter((s) => s.mean > 0 && Number.isFinite(s.mean)) ?? [];
  const slope =
    b.length >= 3
      ? logLogSlope(
          b.map((s) => s.x),
          b.map((s) => s.mean),
        )
      : null;
  return (
    <div className="flex flex-col gap-3">
      {ks.length > 1 && (
        <SelectField
          label="k shown against σ"
          value={String(k)}
          testId="sweep-sigma-k"
          className="w-40"
          options={ks.map((v) => ({ value: String(v), label: `k = ${v}` }))}
          onChange={(v) => setK(Number(v))}
        />
      )}
      <div className="grid min-w-0 gap-4 xl:grid-cols-2">
        <SweepPlot
          id="sweep-sigma-e"
          title={`Extrapolation error E against the init scale σ (k = ${k})`}
          xLabel="init scale σ"
          yLabel="E(k, H)"
          groups={eGroups}
          logX
          onOpen={openSweepPoint}
          nameX={nameSigma}
          nameY="E"
          data={{ 'data-e-by-sigma': meanByX(eGroups[0]) }}
        />
        <SweepPlot
          id="sweep-sigma-beta"
          title={`Imbalance β_BC = ‖B − Cᵀ‖ / ‖B + Cᵀ‖ against σ (k = ${k})`}
          xLabel="init scale σ"
          yLabel="β_BC"
          groups={bGroups}
          logX
          onOpen={openSweepPoint}
          nameX={nameSigma}
          nameY="β_BC"
        />
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="sweep-slope" data-slope={slope ?? ''}>
        {slope !== null ? `Log-log slope of the mean β_BC against σ over ${b.length === sweep.sigmas.length ? 'these' : `the ${b.length} finished`} scales: ${fmt(slope, 3)} ` : ''}
        (Prop. 9: a start of scale ε leaves β_BC of order ε under gradient descent, slope 1; Adam plateaus instead.) Hollow dots did not fit their data: a student stuck at the zero
        saddle can still score a small E on a teacher whose tail is zero.
      </p>
      {byK.length > 0 && (
        <SweepPlot
          id="sweep-sigma-k-lines"
          title="E against k, one line per σ (Fig. 4)"
          xLabel="training length k"
          yLabel="E(k, H)"
          groups={byK}
          marks={thresholdMarks([base.teacher])}
          onOpen={openSweepPoint}
          nameX={nameK}
          nameY="E"
        />
      )}
    </div>
  );
}
