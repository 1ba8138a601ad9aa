import { useEffect } from 'react';
import { labSpecNow, useExperiment, useLabSpec } from '../../../state/experiment-store';
import { Button } from '../../../ui/Button';
import { DataExportLinks } from '../../../ui/ExportLinks';
import { fmt } from '../../../ui/format';
import { LabPage } from '../../../ui/LabLayout';
import { NumberField } from '../../../ui/NumberField';
import { NumberListField } from '../../../ui/NumberListField';
import { ProgressBar } from '../../../ui/ProgressBar';
import { commitEdit } from '../../../ui/spec-edit';
import { Stale, useIsStale } from '../../../ui/Stale';
import type { FlowVsDescentSpec } from '../schema';
import { sweepEtas, sweepMaxSteps, sweepRunSpec } from '../sweep';
import { sweepCsv, sweepJson } from '../sweep/export';
import { convergenceEdge, SWEEP_IGNORES } from '../sweep/model';
import { useFdSweep } from '../sweep/store';
import { SweepPlots } from '../sweep/SweepPlots';
import { SweepTable } from '../sweep/SweepTable';

const LAB = 'flow-vs-descent' as const;

/** Opens one eta of the sweep on screen as the lab's experiment (that eta alone, as a run) on the Run page, which runs it. */
function openAsRun(eta: number): void {
  const spec = useFdSweep.getState().spec;
  if (!spec) return;
  const store = useExperiment.getState();
  if (store.apply(sweepRunSpec(spec, eta), 'sweep')) {
    store.requestAutoRun(LAB);
    window.location.hash = `lab=${LAB}&page=run`;
  }
}

/**
 * A link to a sweep (view 'sweep') opened on this page runs it. Any other request is the Run page's: "Open as a run"
 * asks for one while this page is still mounted.
 */
function useAutoSweep() {
  const autoRun = useExperiment((s) => s.autoRun);
  useEffect(() => {
    const spec = labSpecNow(LAB);
    if (autoRun !== LAB || spec.view !== 'sweep') return;
    useExperiment.getState().requestAutoRun(null);
    void useFdSweep.getState().start(spec);
  }, [autoRun]);
}

/** Sec. 7 item 9: one GD run per step size to its stop rule, against one flow reference, across the worker pool. */
export function SweepPage() {
  useAutoSweep();
  const spec = useLabSpec(LAB);
  const sweep = useFdSweep();
  const stale = useIsStale(sweep.spec, spec, SWEEP_IGNORES);
  return (
    <LabPage testId="page-fd-sweep" title="Flow vs Descent · step-size sweep" subtitle="Paper 001: how large can η be?" sidebar={<SweepSidebar spec={spec} />}>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="primary"
          testId="sweep-run"
          onClick={() => void sweep.start(spec)}
          disabled={sweep.status === 'running'}
          title="Run GD at every η of the sweep against one flow"
        >
          Run sweep
        </Button>
        {sweep.status === 'running' && (
          <Button testId="sweep-cancel" onClick={sweep.cancel}>
            Cancel
          </Button>
        )}
      </div>
      <SweepStatus />
      {sweep.spec ? (
        <Stale stale={stale} testId="sweep-stale" message="out of date — the experiment changed since this sweep ran; press Run sweep">
          <SweepPlots rows={sweep.rows} revision={sweep.revision} />
          <SweepTable rows={sweep.rows} onOpen={openAsRun} />
        </Stale>
      ) : (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700" data-testid="sweep-empty">
          Press Run sweep: the flow is solved once, then GD runs at every step size until it converges, diverges, settles on an orbit or reaches the step cap.
        </p>
      )}
    </LabPage>
  );
}

function SweepSidebar({ spec }: { spec: FlowVsDescentSpec }) {
  const etas = sweepEtas(spec);
  const maxSteps = sweepMaxSteps(spec);
  const commit = (next: { etas: number[]; maxSteps: number }) => commitEdit(LAB, { ...spec, sweep: next }, { source: 'sweep' });
  return (
    <>
      <div className="flex flex-col gap-2 text-sm text-slate-700 dark:text-slate-300" data-testid="sweep-narration">
        <p>
          GD converges only to minima whose sharpness λmax stays below 2/η. On a deep linear net (FD-DLN3-eta) every η up to 0.66 converges, each to a slightly sharper minimum;
          beyond, GD settles on a period-2 orbit around the minimum instead.
        </p>
        <p>
          For small η the largest gap to the flow grows linearly, max D ≈ η max‖E(t)‖: GD tracks the flow. The flow is solved once to T = {fmt(spec.horizon)} and shared by every
          run.
        </p>
      </div>
      <NumberListField
        label="step sizes η"
        testId="sweep-etas"
        values={etas}
        onCommit={(list) => commit({ etas: list, maxSteps })}
        hint={spec.sweep ? 'up to 24 values' : 'a default grid; edit to choose your own'}
      />
      <NumberField label="step cap per run" testId="sweep-max-steps" inputMode="numeric" value={maxSteps} onCommit={(v) => commit({ etas, maxSteps: v })} />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Stop rules (lab spec Sec. 4): converged when f − min f &lt; {spec.objective.family === 'dln' ? '1e−14' : '1e−8'} or ‖∇f‖ &lt; 1e−12; diverged when not finite, f &gt; 10⁶
        f(θ₀) or ‖θ‖ &gt; 10⁸; periodic when, after 2000 steps, f repeats to 10⁻¹² with a period p ≤ 16 over four periods.
      </p>
    </>
  );
}

function SweepStatus() {
  const sweep = useFdSweep();
  const edge = convergenceEdge(sweep.rows);
  // the sweep as it stands when a button is pressed
  const exported = () => {
    const st = useFdSweep.getState();
    return st.spec ? sweepJson(st.spec, st.etas, st.maxSteps, st.reference, st.rows) : null;
  };
  if (sweep.status === 'idle') return null;
  const finished = sweep.rows.filter((r) => r.result).length;
  return (
    <div
      className="flex flex-col gap-1 text-sm"
      role="status"
      aria-live="polite"
      data-testid="sweep-status"
      data-status={sweep.status}
      data-done={sweep.done}
      data-total={sweep.total}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="num text-xs text-slate-600 dark:text-slate-400">
          {sweep.status === 'running' && (sweep.reference ? `${finished} / ${sweep.rows.length} runs` : 'solving the flow reference')}
          {sweep.status === 'done' && `${sweep.rows.length} runs`}
          {sweep.status === 'cancelled' && `Cancelled after ${finished} of ${sweep.rows.length} runs; the finished runs are shown`}
          {' · '}
          {fmt(sweep.ms / 1000, 3)} s on {sweep.workers} worker{sweep.workers === 1 ? '' : 's'}
          {sweep.reference && ` · flow reference: ${sweep.reference.steps} solver steps to t = ${fmt(sweep.reference.horizon)}`}
        </span>
        {sweep.status === 'error' && (
          <span role="alert" className="text-xs text-red-600 dark:text-red-400">
            The sweep failed: {sweep.error}
          </span>
        )}
        {finished > 0 && sweep.status !== 'running' && (
          <span className="ml-auto">
            <DataExportLinks
              name={`implicit-bias-lab-${LAB}-eta-sweep`}
              data={exported}
              csv={sweepCsv}
              testId="sweep-export"
              jsonTitle="The spec, the app version and every finished run, as JSON"
              csvTitle="One row per η, the spec in # comment lines"
            />
          </span>
        )}
      </div>
      {sweep.reference?.failure && (
        <p role="alert" className="text-xs text-amber-700 dark:text-amber-400" data-testid="sweep-reference-failure">
          The flow reference stopped early ({sweep.reference.failure}): D is measured up to t = {fmt(sweep.reference.horizon)} only.
        </p>
      )}
      {sweep.status === 'running' && <ProgressBar value={sweep.total ? sweep.done / sweep.total : 0} label={`Sweep progress: ${sweep.done} of ${sweep.total} jobs`} />}
      {edge.lastConverged !== null && (
        <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="sweep-edge" data-last-converged={edge.lastConverged} data-first-not={edge.firstNot ?? ''}>
          Largest η that converged: {fmt(edge.lastConverged, 6)}
          {edge.firstNot !== null && edge.firstNot > edge.lastConverged && ` (the next one, η = ${fmt(edge.firstNot, 6)}, did not)`}.
        </p>
      )}
    </div>
  );
}
