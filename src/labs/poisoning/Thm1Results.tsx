import { useLabSpec } from '../../state/experiment-store';
import { ARMS, useRuns } from '../../state/runs-store';
import { ARM_COLORS, ARM_LABELS } from './arms';
import { referenceFor } from './reference';

const sci = (v: number) => v.toExponential(4);

/** Final numbers of both arms beside the reference values, with a JSON export of spec and results. */
export function Thm1Results() {
  const arms = useRuns((s) => s.arms);
  const spec = useLabSpec('poisoning');
  const finals = Object.fromEntries(ARMS.map((a) => [a, arms[a]?.final ?? null]));
  const exportJson = () => {
    const blob = new Blob([JSON.stringify({ spec, final: finals }, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `implicit-bias-lab-thm1-d${spec.model.d}-k${spec.data.length}-s${spec.seed}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <section className="rounded border border-slate-200 dark:border-slate-800 p-3" aria-labelledby="results-h">
      <div className="flex items-center">
        <h3 id="results-h" className="text-sm font-semibold">
          Results
        </h3>
        <button type="button" className="ml-auto text-xs underline disabled:opacity-40" onClick={exportJson} disabled={!finals.clean && !finals.poisoned}>
          Export JSON
        </button>
      </div>
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
            const ref = referenceFor(spec, arm);
            const a = f?.params.a ?? [];
            const top = [...a].sort((x, y) => Math.abs(y) - Math.abs(x)).slice(0, 3);
            return (
              <tr key={arm} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1">
                  <span className="inline-block h-2 w-2 rounded-full mr-1" style={{ background: ARM_COLORS[arm] }} />
                  {ARM_LABELS[arm]}
                </td>
                <td data-testid={`gen-${arm}`} data-value={f ? String(f.metrics.gen) : ''}>
                  {f ? sci(f.metrics.gen) : '—'}
                </td>
                <td>{ref?.seedValue != null ? sci(ref.seedValue) : '—'}</td>
                <td>{ref ? `${ref.paperMean.toExponential(2)} (${ref.table})` : '—'}</td>
                <td>{top.map((v) => v.toFixed(4)).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <pre hidden data-testid="final-json">{JSON.stringify(finals)}</pre>
    </section>
  );
}
