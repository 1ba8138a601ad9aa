import { fmt } from '../../../ui/format';
import type { SweepDef } from '../schema';
import { type ScoredPoint, statsByX } from './sweep-model';

/** Cells shown open by default up to this many (a 2000-run sweep's table starts folded). */
const OPEN_UP_TO = 150;

interface Row {
  key: string;
  label: string;
  cells: (ScoredPoint | undefined)[];
}

/**
 * Every run of the sweep as a cell (its E; ○ when not fitted), one row per (teacher, k) or (σ, k) and one column
 * per seed, with the mean and spread over seeds: each cell opens that run on the Run page.
 */
export function SweepTable({ sweep, scored, onOpen }: { sweep: SweepDef; scored: ScoredPoint[]; onOpen: (index: number) => void }) {
  const seeds = sweep.seeds;
  const rows = new Map<string, Row>();
  const multiTeacher = sweep.kind === 'k' && (sweep.teachers?.length ?? 1) > 1;
  const multiK = sweep.kind === 'sigma' && (sweep.ks?.length ?? 1) > 1;
  for (const p of scored) {
    const key = sweep.kind === 'k' ? `${p.teacher}|${p.k}` : `${p.sigma}|${p.k}`;
    let r = rows.get(key);
    if (!r) {
      const label = sweep.kind === 'k' ? `${multiTeacher ? `${p.teacherLabel}, ` : ''}k = ${p.k}` : `σ = ${fmt(p.sigma, 3)}${multiK ? `, k = ${p.k}` : ''}`;
      r = { key, label, cells: new Array(seeds.length).fill(undefined) };
      rows.set(key, r);
    }
    r.cells[seeds.indexOf(p.seed)] = p;
  }
  const list = [...rows.values()];
  return (
    <details className="text-xs" open={scored.length <= OPEN_UP_TO} data-testid="sweep-table">
      <summary className="cursor-pointer select-none text-sm font-medium">Every run ({scored.length}): E per seed, click one to open it as a run</summary>
      <div className="mt-1 max-h-[28rem] overflow-auto">
        <table className="num w-full border-collapse text-left whitespace-nowrap">
          <thead className="sticky top-0 bg-white text-slate-500 dark:bg-slate-950">
            <tr>
              <th className="py-1 pr-3 font-normal">run</th>
              {seeds.map((s) => (
                <th key={s} className="px-1 font-normal">
                  E, s = {s}
                </th>
              ))}
              <th className="px-1 font-normal">mean ± std</th>
              <th className="px-1 font-normal">zero line</th>
              <th className="px-1 font-normal">β_BC (mean)</th>
              <th className="px-1 font-normal">fitted</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => {
              const done = r.cells.filter((c): c is ScoredPoint => !!c?.result);
              const st = statsByX(done.map((c) => ({ x: 0, y: c.result!.E, fitted: c.result!.fitted, seed: c.seed, index: c.index })))[0];
              const beta = done.length ? done.reduce((s, c) => s + c.result!.betaBC, 0) / done.length : Number.NaN;
              return (
                <tr key={r.key} className="border-t border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-0.5 pr-3 font-normal whitespace-nowrap">
                    {r.label}
                  </th>
                  {r.cells.map((c, i) => (
                    <td key={seeds[i]} className="px-1">
                      {c ? <Cell p={c} onOpen={onOpen} /> : ''}
                    </td>
                  ))}
                  <td className="px-1 whitespace-nowrap">{st ? `${fmt(st.mean, 3)}${st.n > 1 ? ` ± ${fmt(st.std, 2)}` : ''}` : '…'}</td>
                  <td className="px-1">{done.length ? fmt(done[0].result!.zeroLine, 3) : ''}</td>
                  {/* a GRU has no β_BC (its runs report NaN) */}
                  <td className="px-1">{done.length ? (Number.isFinite(beta) ? fmt(beta, 2) : '—') : ''}</td>
                  <td className="px-1">{done.length ? `${st?.fitted ?? 0}/${done.length}` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Cell({ p, onOpen }: { p: ScoredPoint; onOpen: (index: number) => void }) {
  const r = p.result;
  const where = `k = ${p.k}, σ = ${fmt(p.sigma, 3)}, seed ${p.seed}${p.teacherLabel ? `, teacher ${p.teacherLabel}` : ''}`;
  if (!r) return <span className="text-slate-400">…</span>;
  return (
    <button
      type="button"
      data-testid={`sweep-cell-${p.index}`}
      data-k={p.k}
      data-seed={p.seed}
      data-e={r.E}
      className={`rounded px-1 underline decoration-dotted hover:bg-sky-50 dark:hover:bg-sky-950 ${r.fitted ? '' : 'text-amber-700 dark:text-amber-400'}`}
      title={`Open ${where} as a run (E = ${fmt(r.E, 4)}, final loss ${fmt(r.loss, 3)} of L(0) = ${fmt(r.loss0, 3)}${r.fitted ? '' : ': not fitted'}; ${r.reason}, ${r.steps} steps)`}
      onClick={() => onOpen(p.index)}
    >
      {fmt(r.E, 2)}
      {r.fitted ? '' : ' ○'}
    </button>
  );
}
