import { shareUrl } from '../../experiment/link';
import { labSpecNow, useLabSpec, useLinkedRun } from '../../state/experiment-store';
import { fmt, fmtRun } from '../../ui/format';
import { LabPage } from '../../ui/LabLayout';
import { ProgressBar } from '../../ui/ProgressBar';
import { type RunControls, RunToolbar } from '../../ui/RunToolbar';
import { ShareButton } from '../../ui/ShareButton';
import { Tex } from '../../ui/Tex';
import { SaddlesControls } from './Controls';
import { NcfTools } from './NcfTools';
import { SaddlesPlots } from './Plots';
import { RestrictToggle } from './RestrictToggle';
import { useRestrictedRun, useSaddlesRun } from './store';
import { SaddlesSummary } from './Summary';
import { EscapeSweep } from './Sweep';
import { RunExportLinks } from '../../ui/ExportLinks';
import type { ExportArm } from '../../ui/run-export';

function Narration() {
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-700 dark:text-slate-300" data-testid="saddles-narration">
      <p>
        A network with <Tex>{'H(x; c\\,w) = c^{L}H(x; w)'}</Tex> started at <Tex>{'w(0) = \\delta w_0'}</Tex> barely moves: its loss stays at <Tex>{'L(0)'}</Tex> while its
        direction climbs the neural correlation function <Tex>{'N(u) = \\tilde y^\\top H(X; u)'}</Tex> on the sphere towards a KKT point <Tex>{'w^*'}</Tex>.
      </p>
      <p>
        Then it escapes, after about <Tex>{'\\ln(1/\\delta)/(2N^*)'}</Tex> (degree 2) or <Tex>{'T_{\\text{blow}}(w_0)/\\delta^{L-2}'}</Tex>, and stalls at a saddle: the best fit of
        the few neurons active in <Tex>{'w^*'}</Tex>. The other neurons are still about δ in size.
      </p>
    </div>
  );
}

/** The transport of the Saddles run; the restricted run (the first-saddle oracle) pauses, resumes and stops with it. */
function useSaddlesControls(): RunControls {
  const { transport, start, pause, resume, step, stop, reset } = useSaddlesRun();
  const restricted = () => useRestrictedRun.getState();
  return {
    transport,
    start: (paused) => start(labSpecNow('saddles'), paused),
    pause: () => {
      pause();
      restricted().pause();
    },
    resume: () => {
      resume();
      restricted().resume();
    },
    step,
    stop: () => {
      stop();
      restricted().stop();
    },
    reset,
  };
}

/** The run on screen and, when it ran, the first-saddle oracle's restricted run beside it (each with the spec that ran). */
function saddlesExportArms(): ExportArm[] {
  const out: ExportArm[] = [];
  const run = useSaddlesRun.getState().run;
  const restricted = useRestrictedRun.getState().run;
  if (run) out.push({ role: 'main', label: 'run', ...run });
  if (restricted) out.push({ role: 'restricted', label: 'active sub-network from δw* (first-saddle oracle)', ...restricted });
  return out;
}

/** Run / Pause / Step / Stop / Reset / Share for the Saddles lab, and the run's status. */
function Transport() {
  const spec = useLabSpec('saddles');
  const controls = useSaddlesControls();
  const run = useSaddlesRun((s) => s.run);
  useSaddlesRun((s) => s.revision);
  const { transport } = controls;
  const st = run?.status;
  const gd = (run?.spec ?? spec).optim.kind !== 'flow';
  return (
    <div className="flex flex-col gap-2">
      <RunToolbar controls={controls} stepTitle={gd ? 'One GD step' : 'One solver step'}>
        <ShareButton getUrl={() => shareUrl(labSpecNow('saddles'), window.location)} />
      </RunToolbar>
      <RunExportLinks name="implicit-bias-lab-saddles-run" disabled={!run?.buffers} arms={saddlesExportArms} />
      <div
        className="rounded border border-slate-200 dark:border-slate-800 p-2 text-xs"
        aria-live="polite"
        data-testid="status"
        data-done={run?.final ? 'true' : 'false'}
        data-transport={transport}
        data-steps={st ? String(st.steps) : ''}
      >
        <div className="num text-slate-600">
          {st
            ? `t = ${fmt(st.t)} · step ${st.steps} · loss ${fmtRun(st.loss, run?.final)}${run?.wallMs ? ` · ${(run.wallMs / 1000).toFixed(1)} s wall` : ''}${transport === 'paused' ? ' · paused' : ''}`
            : run
              ? 'analysing the NCF and starting…'
              : 'not started'}
        </div>
        <ProgressBar value={st?.progress ?? 0} label="run progress" />
        {run?.error && (
          <p className="mt-1 text-red-600" role="alert">
            {run.error}
          </p>
        )}
        {st?.stop && <p className="mt-1 text-slate-700 dark:text-slate-300">{st.stop.message}</p>}
      </div>
    </div>
  );
}

/** The Saddles lab (paper 003): escape from the origin along a KKT direction of the NCF, and the first saddle. */
export function SaddlesLab() {
  useLinkedRun('saddles', (s) => void useSaddlesRun.getState().start(s));
  return (
    <LabPage
      testId="lab-saddles"
      title="Saddles"
      subtitle="Paper 003: homogeneous networks from small initialisation, escape from the origin, the first saddle"
      sidebar={
        <>
          <Narration />
          <SaddlesControls />
          <NcfTools />
        </>
      }
    >
      <Transport />
      <RestrictToggle />
      <SaddlesSummary />
      <SaddlesPlots />
      <EscapeSweep />
    </LabPage>
  );
}
