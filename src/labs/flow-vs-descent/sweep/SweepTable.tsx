import { Button } from '../../../ui/Button';
import { fmt } from '../../../ui/format';
import { fRange, OUTCOME_STYLE, outcomeKind, outcomeText, type SweepRow } from './model';

/** One row per eta: outcome, steps, final f and curvature, the orbit's range, max D, U, and "Open as a run". */
export function SweepTable({ rows, onOpen }: { rows: SweepRow[]; onOpen: (eta: number) => void }) {
  const extraNames = [...new Set(rows.flatMap((r) => (r.result ? Object.keys(r.result.extra) : [])))];
  return (
    <div className="max-h-[32rem] overflow-auto text-xs" data-testid="sweep-table">
      <table className="num w-full border-collapse text-left whitespace-nowrap">
        <thead className="sticky top-0 bg-white text-slate-500 dark:bg-slate-950">
          <tr>
            <th className="py-1 pr-3 font-normal">η</th>
            <th className="px-1 font-normal">outcome</th>
            <th className="px-1 font-normal">steps</th>
            <th className="px-1 font-normal">f − min f</th>
            <th className="px-1 font-normal">f range (orbit / last stretch)</th>
            <th className="px-1 font-normal">λmin</th>
            <th className="px-1 font-normal">λmax</th>
            <th className="px-1 font-normal">2/η</th>
            <th className="px-1 font-normal">max D</th>
            <th className="px-1 font-normal">max D/η (at t)</th>
            {extraNames.map((n) => (
              <th key={n} className="px-1 font-normal">
                {n}
              </th>
            ))}
            <th className="px-1 font-normal">
              <span className="sr-only">open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ eta, result: r }) => {
            const range = r ? fRange(r) : null;
            return (
              <tr key={eta} className="border-t border-slate-100 dark:border-slate-800" data-testid={`sweep-row-${eta}`} data-outcome={r ? outcomeText(r) : ''}>
                <th scope="row" className="py-0.5 pr-3 font-normal">
                  {fmt(eta, 6)}
                </th>
                {r ? (
                  <>
                    <td className="px-1" title={r.reason}>
                      <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: OUTCOME_STYLE[outcomeKind(r)].color }} />
                      {outcomeText(r)}
                    </td>
                    <td className="px-1">{r.steps}</td>
                    <td className="px-1">{fmt(r.f, 6)}</td>
                    <td className="px-1">{range ? `${fmt(range[0], 6)} … ${fmt(range[1], 6)}` : ''}</td>
                    <td className="px-1">{fmt(r.lmin, 5)}</td>
                    <td className="px-1">{fmt(r.lmax, 7)}</td>
                    <td className="px-1">{fmt(2 / eta, 5)}</td>
                    <td className="px-1">{fmt(r.maxD, 5)}</td>
                    <td className="px-1">
                      {fmt(r.maxD / eta, 5)} ({fmt(r.maxDt, 3)})
                    </td>
                    {extraNames.map((n) => (
                      <td key={n} className="px-1">
                        {fmt(r.extra[n], 4)}
                      </td>
                    ))}
                  </>
                ) : (
                  <td className="px-1 text-slate-400" colSpan={9 + extraNames.length}>
                    …
                  </td>
                )}
                <td className="px-1">
                  <Button
                    variant="link"
                    testId={`sweep-open-${eta}`}
                    onClick={() => onOpen(eta)}
                    title={`Open η = ${fmt(eta, 6)} on the Run page: the flow and this GD run side by side`}
                  >
                    Open as a run
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
