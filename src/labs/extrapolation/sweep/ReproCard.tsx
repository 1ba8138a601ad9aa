import { useMemo } from 'react';
import { OKABE_ITO, seriesColor } from '../../../plots/palette';
import { TimeSeriesPlot } from '../../../plots/TimeSeriesPlot';
import { useExperiment } from '../../../state/experiment-store';
import { sharedPool } from '../../../state/worker-pool';
import { Button } from '../../../ui/Button';
import { fmt } from '../../../ui/format';
import { pickPreset } from '../../../ui/preset-choice';
import { ReproCardShell, VerdictLine } from '../../../ui/Repro';
import { extrapolationCore } from '../core';
import { formatDuration } from './cost';
import { type ItemResult, itemVerdict, measure, type ReproItem } from './repro-items';
import { itemEstimateMs, itemRuns, LONG_MS, useRepro } from './repro-store';
import { plotGroups, type ScoredPoint, thresholdMarks, zeroLines } from './sweep-model';
import { useSweepRun } from './sweep-store';
import { SweepPlot } from './SweepPlot';

const LAB = extrapolationCore.id;

const scoredOf = (item: ReproItem, results: (ItemResult | null)[]): ScoredPoint[] =>
  item.points.map(({ spec: _s, ...p }, index) => ({ ...p, index, result: results[index] ?? null }));

/** Shows an item's runs on the Sweeps page (its preset as the experiment, its results as the sweep on screen). */
function openOnSweeps(item: ReproItem, results: (ItemResult | null)[]) {
  const sweep = item.spec.ui?.sweep;
  if (!sweep || pickPreset(LAB, item.id) !== null) return;
  const sw = useSweepRun.getState();
  if (sw.status === 'running') sw.cancel();
  const scored = scoredOf(item, results);
  const done = scored.filter((p) => p.result).length;
  if (done > 0) {
    useSweepRun.setState({
      status: done === scored.length ? 'done' : 'cancelled',
      spec: item.spec,
      sweep,
      points: item.points,
      scored,
      done,
      total: scored.length,
      ms: 0,
      estimateMs: 0,
      leftMs: 0,
      workers: sharedPool().size,
      error: null,
      revision: sw.revision + 1,
    });
  }
  window.location.hash = `lab=${LAB}&page=sweeps`;
}

function openOnRun(id: string) {
  if (pickPreset(LAB, id) !== null) return;
  useExperiment.getState().requestAutoRun(LAB);
  window.location.hash = `lab=${LAB}&page=run`;
}

/** One preset of Sec. 6: the paper's claim, the lab spec's values and assertion, the runs, the figure, the verdict. */
export function ReproCard({ item }: { item: ReproItem }) {
  const state = useRepro((s) => s.items[item.id]);
  const run = useRepro((s) => s.run);
  const cancel = useRepro((s) => s.cancel);
  const { phase, results, demo } = state;
  const workers = sharedPool().size;
  const fullMs = itemEstimateMs(item, 'full', workers);
  const nFull = item.kind === 'static' ? 0 : item.points.length;
  const nQuick = item.quick ? itemRuns(item, 'quick').length : 0;
  const quickMs = item.quick ? itemEstimateMs(item, 'quick', workers) : 0;
  const verdict = useMemo(() => (item.kind === 'static' ? (demo && item.staticVerdict ? item.staticVerdict(demo) : null) : itemVerdict(item, results)), [item, results, demo]);
  const haveAny = results.some((r) => r) || !!demo;
  const runLabel = item.kind === 'static' ? 'Compute' : `Reproduce (${nFull} runs, about ${formatDuration(fullMs)})`;

  return (
    <ReproCardShell
      id={item.id}
      title={`${item.id} · ${item.title}`}
      subtitle={`${item.figure}${item.kind === 'static' ? ' · a static construction, no training' : ` · ${nFull} runs of ${item.spec.stop.maxSteps.toLocaleString('en')} ${item.spec.optim.kind === 'gd' ? 'GD' : 'Adam'} steps`}`}
      phase={phase}
      runLabel={runLabel}
      runTitle={
        item.kind === 'static'
          ? 'Compute the construction (in a pool worker)'
          : `Run every point of the preset's ${item.kind === 'overlay' ? 'runs' : 'sweep'} across ${workers} workers`
      }
      onRun={() => void run(item.id, 'full')}
      onCancel={() => cancel(item.id)}
      actions={
        item.quick &&
        phase.kind !== 'running' && (
          <Button size="sm" testId={`repro-quick-${item.id}`} onClick={() => void run(item.id, 'quick')} title="Only the runs the assertion needs">
            Assertion’s runs only ({nQuick}, about {formatDuration(quickMs)})
          </Button>
        )
      }
    >
      {fullMs > LONG_MS && phase.kind !== 'running' && (
        <p className="text-xs text-amber-800 dark:text-amber-300" data-testid={`repro-long-${item.id}`}>
          Large: about {formatDuration(fullMs)} on {workers} worker{workers === 1 ? '' : 's'} (an estimate). The runs go on while you use other pages.
        </p>
      )}
      {phase.kind === 'running' && (
        <p className="num text-xs text-slate-500">
          {phase.done} / {phase.total} runs{state.mode === 'quick' ? ' (the assertion’s runs only)' : ''}
        </p>
      )}
      <p className="text-xs text-slate-700 dark:text-slate-300">
        <span className="font-medium">{item.figure.startsWith('lab extra') ? 'Claim (lab extra)' : 'Paper’s claim'}:</span> {item.claim}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium">Assertion:</span> {item.assertion ?? 'none — the preset is shown, not asserted.'}
      </p>
      {item.rows.length > 0 && (
        <ValuesTable
          id={item.id}
          rows={item.rows.map((r) => {
            const m = measure(r, item.points, results);
            return { label: r.label, lab: r.lab, measured: m ?? (phase.kind === 'running' ? '…' : '—'), dataMeasured: m ?? '' };
          })}
        />
      )}
      {item.kind === 'static' && demo && (
        <ValuesTable
          id={item.id}
          rows={[
            { label: 'fit error max |h_j − w_j|, j < 6', lab: '< 1e-12', measured: fmt(demo.fitError, 2) },
            { label: 'E(6, 50)', lab: '0.8832', measured: fmt(demo.E, 5) },
            { label: 'negative masses g_i', lab: '6', measured: String(demo.negative) },
            { label: 'cond(V)', lab: '1.14e4', measured: fmt(demo.condV, 4) },
          ]}
        />
      )}
      {haveAny && <ItemFigure item={item} results={results} />}
      {verdict && <VerdictLine id={item.id} verdict={verdict} neutral="Shown" suffix={phase.kind === 'done' ? `${formatDuration(phase.ms)} on ${workers} workers` : undefined} />}
      {item.truth && (
        <p className="rounded bg-slate-50 px-2 py-1 text-xs text-slate-700 dark:bg-slate-900 dark:text-slate-300" data-testid={`repro-truth-${item.id}`}>
          <span className="font-medium">What is true:</span> {item.truth}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        {item.kind === 'sweep' && (
          <Button variant="link" testId={`repro-open-${item.id}`} onClick={() => openOnSweeps(item, results)}>
            {haveAny ? 'Open these runs on the Sweeps page' : 'Open the sweep on the Sweeps page'}
          </Button>
        )}
        {item.kind === 'overlay' && (
          <Button variant="link" testId={`repro-open-${item.id}`} onClick={() => openOnRun(item.id)}>
            Train it on the Run page
          </Button>
        )}
        {item.kind === 'static' && (
          <a className="text-xs text-sky-700 underline dark:text-sky-400" href={`#lab=${LAB}&page=demos`} data-testid={`repro-open-${item.id}`}>
            The construction, explained (Demos)
          </a>
        )}
      </div>
    </ReproCardShell>
  );
}

/** The item's figure, small: its sweep's plot, its impulse responses, or the construction. */
function ItemFigure({ item, results }: { item: ReproItem; results: (ItemResult | null)[] }) {
  const demo = useRepro((s) => s.items[item.id].demo);
  const scored = useMemo(() => scoredOf(item, results), [item, results]);
  const sweep = item.spec.ui?.sweep;
  const zero = useMemo(() => (sweep?.kind === 'k' ? zeroLines(item.spec, sweep) : []), [item.spec, sweep]);
  const open = () => openOnSweeps(item, results);
  const id = `repro-plot-${item.id}`;
  if (item.kind === 'static') {
    if (!demo) return null;
    const js = Float64Array.from(demo.w, (_, j) => j);
    return (
      <TimeSeriesPlot
        id={id}
        title="Teacher w_j and the exact-fit student h_j"
        xLabel="j"
        yLabel="h_j, w_j"
        height={170}
        scaleToggle={false}
        series={[
          { id: 'w', label: 'teacher', color: OKABE_ITO[0], x: js, y: demo.w, width: 2 },
          { id: 'h', label: 'student', color: OKABE_ITO[1], x: js, y: demo.h, dash: [5, 3] },
        ]}
        bands={[{ from: -0.5, to: demo.k - 0.5, label: 'data', shortLabel: 'data' }]}
      />
    );
  }
  if (item.kind === 'overlay') {
    const done = item.points.map((p, i) => ({ p, r: results[i] })).filter((x): x is { p: (typeof item.points)[number]; r: ItemResult } => !!x.r?.h);
    if (!done.length) return null;
    const H = done[0].r.h!.length;
    const js = Float64Array.from({ length: H }, (_, j) => j);
    return (
      <TimeSeriesPlot
        id={id}
        title="Impulse responses h_j of the students, and the teacher’s w_j"
        xLabel="j"
        yLabel="h_j"
        height={190}
        series={[
          { id: 'w', label: 'teacher w', color: 'currentColor', x: js, y: done[0].r.w!, width: 2.5 },
          ...done.map(({ p, r }, i) => ({ id: `k${p.k}`, label: `k = ${p.k}`, color: seriesColor(i), x: js, y: r.h!, dash: i % 2 ? [5, 3] : undefined })),
        ]}
        refLines={done.map(({ p }, i) => ({ axis: 'x' as const, value: p.k - 0.5, label: `k = ${p.k}`, color: seriesColor(i) }))}
      />
    );
  }
  if (!sweep) return null;
  if (sweep.kind === 'k') {
    const groups = plotGroups(scored, 'k', 'teacher', 'E').map((g, i) => ({ ...g, zero: zero[i] }));
    return (
      <SweepPlot
        id={id}
        title="E against k"
        xLabel="k"
        yLabel="E"
        groups={groups}
        marks={thresholdMarks(sweep.teachers ?? [item.spec.teacher])}
        nameX={(k) => `k = ${k}`}
        nameY="E"
        height={210}
        onOpen={open}
      />
    );
  }
  if (item.id === 'E-4') {
    return (
      <SweepPlot
        id={id}
        title="E against k, one line per σ"
        xLabel="k"
        yLabel="E"
        groups={plotGroups(scored, 'k', 'sigma', 'E')}
        marks={thresholdMarks([item.spec.teacher])}
        nameX={(k) => `k = ${k}`}
        nameY="E"
        height={210}
        onOpen={open}
      />
    );
  }
  const metric = item.id === 'E-P9' ? 'betaBC' : 'loss';
  return (
    <SweepPlot
      id={id}
      title={metric === 'betaBC' ? 'β_BC against the init scale ε' : 'Final loss against the init scale σ'}
      xLabel={metric === 'betaBC' ? 'ε' : 'σ'}
      yLabel={metric === 'betaBC' ? 'β_BC' : 'final loss L'}
      groups={plotGroups(scored, 'sigma', 'k', metric)}
      logX
      nameX={(s) => `σ = ${fmt(s, 3)}`}
      nameY={metric === 'betaBC' ? 'β_BC' : 'L'}
      height={210}
      onOpen={open}
    />
  );
}

/** An item's lab values: each quantity, the lab spec's value and the one measured here (`dataMeasured`: a run's, for tests). */
function ValuesTable({ id, rows }: { id: string; rows: { label: string; lab: string; measured: string; dataMeasured?: string }[] }) {
  return (
    <table className="num w-full text-xs" data-testid={`repro-values-${id}`}>
      <thead className="text-left text-slate-500">
        <tr>
          <th className="pr-2 font-normal">quantity</th>
          <th className="pr-2 font-normal">lab spec</th>
          <th className="font-normal">measured here</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className={`border-t border-slate-100 dark:border-slate-800${r.dataMeasured === undefined ? '' : ' align-top'}`}>
            <td className="pr-2">{r.label}</td>
            <td className="pr-2">{r.lab}</td>
            <td data-measured={r.dataMeasured}>{r.measured}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
