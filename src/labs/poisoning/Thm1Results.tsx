import { useLabSpec } from '../../state/experiment-store';
import { ARMS, useRuns } from '../../state/runs-store';
import { Button } from '../../ui/Button';
import { downloadJson, downloadText } from '../../ui/download';
import { cardClass } from '../../ui/field-styles';
import { type ExportArm, runCsv } from '../../ui/run-export';
import { fmt, fmtRun } from '../../ui/format';
import { Stale, useIsStale } from '../../ui/Stale';
import { ARM_COLORS, ARM_LABELS } from './arms';
import { referenceFor } from './reference';

/** Both arms' recorded series for the CSV, each with the spec that ran. */
const csvArms = (arms: ReturnType<typeof useRuns.getState>['arms']): ExportArm[] =>
  ARMS.flatMap((a) => {
    const r = arms[a];
    return r ? [{ role: a, label: ARM_LABELS[a], ...r }] : [];
  });

/** Gen values beside the reference's five printed digits. */
const gen = (v: number | null | undefined) => fmt(v, { digits: 5, exp: true });

/**
 * Final numbers of both arms beside the reference values, with a JSON export of spec and results. Everything here
 * belongs to the run: the reference is looked up for the spec that ran, and the export writes that spec (each
 * arm's, as the runs store kept it), not the one edited since.
 */
export function Thm1Results() {
  const arms = useRuns((s) => s.arms);
  const edited = useLabSpec('poisoning');
  const ran = arms.poisoned?.spec ?? arms.clean?.spec;
  const stale = useIsStale(ran, edited, ['arm']);
  const finals = Object.fromEntries(ARMS.map((a) => [a, arms[a]?.final ?? null]));
  const stem = ran ? `implicit-bias-lab-thm1-d${ran.model.d}-k${ran.data.length}-s${ran.seed}` : '';
  const exportJson = () => {
    if (!ran) return;
    const armSpecs = Object.fromEntries(ARMS.map((a) => [a, arms[a]?.spec ?? null]));
    downloadJson(`${stem}.json`, { spec: ran, armSpecs, final: finals });
  };
  return (
    <section className={cardClass} aria-labelledby="results-h">
      <div className="flex items-center">
        <h3 id="results-h" className="text-sm font-semibold">
          Results
        </h3>
        <Button
          variant="link"
          className="ml-auto"
          testId="export-json"
          onClick={exportJson}
          disabled={!ran || (!finals.clean && !finals.poisoned)}
          title="The run's spec and final states, as JSON"
        >
          Export JSON
        </Button>
        <Button
          variant="link"
          className="ml-3"
          testId="export-csv"
          onClick={() => ran && downloadText(`${stem}.csv`, runCsv(csvArms(arms)), 'text/csv')}
          disabled={!ran || (!arms.clean?.buffers && !arms.poisoned?.buffers)}
          title="One row per recorded step and arm: step, t, loss and every metric (the specs and links in # lines above)"
        >
          Export CSV
        </Button>
      </div>
      <Stale stale={stale} testId="thm1-results-stale">
        <table className="mt-2 w-full text-xs num">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="font-normal">arm</th>
              <th className="font-normal">Gen₂₀ (lab)</th>
              <th className="font-normal">reference, this seed</th>
              <th className="font-normal">paper (4-seed mean)</th>
              <th className="font-normal">largest entries</th>
            </tr>
          </thead>
          <tbody>
            {ARMS.map((arm) => {
              const f = finals[arm];
              const ref = ran ? referenceFor(ran, arm) : null;
              const a = f?.params.a ?? [];
              const top = [...a].sort((x, y) => Math.abs(y) - Math.abs(x)).slice(0, 3);
              return (
                <tr key={arm} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1">
                    <span className="inline-block h-2 w-2 rounded-full mr-1" style={{ background: ARM_COLORS[arm] }} />
                    {ARM_LABELS[arm]}
                  </td>
                  <td data-testid={`gen-${arm}`} data-value={f ? String(f.metrics.gen) : ''}>
                    {f ? fmtRun(f.metrics.gen, f, { digits: 5, exp: true }) : '—'}
                  </td>
                  <td>{gen(ref?.seedValue)}</td>
                  <td>{ref ? `${fmt(ref.paperMean, { digits: 3, exp: true })} (${ref.table})` : '—'}</td>
                  <td>{top.map((v) => fmtRun(v, f)).join(', ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Stale>
      <pre hidden data-testid="final-json">
        {JSON.stringify(finals)}
      </pre>
    </section>
  );
}
