import { ProgressBar } from '../../../ui/ProgressBar';
import { fmt } from '../../../ui/format';
import { armsOf, latest, outcomeWords } from './derive';
import { armColor } from './Plots';
import type { FdRun } from './store';

/** Where the run stands in words: flow time, the solver's work, and how it ended (a failed flow says why). */
function headline(run: FdRun | null, transport: string): string {
  if (!run) return 'Not run yet — press Run.';
  if (run.error) return `The run was refused or failed: ${run.error}`;
  const st = run.status;
  if (!st) return 'Starting…';
  const where = `t = ${fmt(st.t)} of ${fmt(run.spec.horizon)}`;
  const solver = `solver: ${st.info.nfev ?? 0} evaluations, ${st.info.rejected ?? 0} rejected steps`;
  if (!run.final) return `${transport === 'paused' ? 'Paused at' : 'Running:'} ${where} · ${solver}.`;
  const stop = run.final.stop;
  if (stop.reason === 'max-time' || stop.reason === 'max-steps') return `Done: flow and GD to T = ${fmt(run.spec.horizon)} · ${solver}.`;
  return `${stop.message} (${solver}).`;
}

/** The run's status line and one row per GD arm: outcome, f − min f, the largest gap to the flow and where. */
export function RunStatus({ run, transport }: { run: FdRun | null; transport: string }) {
  const b = run?.buffers ?? null;
  const arms = run ? armsOf(run.spec) : [];
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="fd-status" data-done={run?.final ? 'true' : 'false'} data-t={run?.status?.t ?? 0}>
      <p>{headline(run, transport)}</p>
      {run && !run.final && !run.error && <ProgressBar value={run.status?.progress ?? 0} label="flow time done" />}
      {run && b && (
        <div className="overflow-x-auto">
          <table className="w-full text-xs tabular-nums" data-testid="fd-arms">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="pr-3 font-normal">run</th>
                <th className="pr-3 font-normal">outcome</th>
                <th className="pr-3 font-normal">f − min f</th>
                <th className="pr-3 font-normal">max D</th>
                <th className="pr-3 font-normal">at t</th>
                <th className="pr-3 font-normal">max D / η</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="pr-3">flow</td>
                <td className="pr-3">{run.final?.stop.reason === 'solver-failed' ? 'solver failed' : 'reference'}</td>
                <td className="pr-3" title={String(latest(b, 'gf.f'))}>
                  {fmt(latest(b, 'gf.f'))}
                </td>
                <td className="pr-3">—</td>
                <td className="pr-3">—</td>
                <td className="pr-3">{run.spec.errorOde ? `max ‖E‖ ${fmt(Math.max(...Array.from(b.metric('gf.E').subarray(0, b.count))))}` : '—'}</td>
              </tr>
              {arms.map((a) => {
                const p = `gd${a.index}`;
                return (
                  <tr key={a.index} data-testid={`fd-arm-${a.index}`} data-outcome={outcomeWords(latest(b, `${p}.status`), !!run.final)} data-maxd={latest(b, `${p}.maxD`)}>
                    <td className="pr-3" style={{ color: armColor(a.index) }}>
                      GD {a.label}
                    </td>
                    <td className="pr-3">{outcomeWords(latest(b, `${p}.status`), !!run.final)}</td>
                    <td className="pr-3" title={String(latest(b, `${p}.f`))}>
                      {Number.isFinite(latest(b, `${p}.f`)) ? fmt(latest(b, `${p}.f`)) : outcomeWords(latest(b, `${p}.status`), !!run.final)}
                    </td>
                    <td className="pr-3" title={String(latest(b, `${p}.maxD`))}>
                      {fmt(latest(b, `${p}.maxD`))}
                    </td>
                    <td className="pr-3">{fmt(latest(b, `${p}.maxDt`))}</td>
                    <td className="pr-3">{fmt(latest(b, `${p}.maxD`) / a.eta)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
