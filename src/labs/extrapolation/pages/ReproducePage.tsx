import { useState } from 'react';
import { sharedPool } from '../../../state/worker-pool';
import { Button } from '../../../ui/Button';
import { ProgressBar } from '../../../ui/ProgressBar';
import { formatDuration } from '../sweep/cost';
import { type ItemResult, REPRO_ITEMS, type ReproItem } from '../sweep/repro-items';
import { TableExportLinks } from '../../../ui/ExportLinks';
import { reopenHash, type TableExport } from '../../../ui/run-export';
import { itemEstimateMs, LONG_MS, useRepro } from '../sweep/repro-store';
import { ReproCard } from '../sweep/ReproCard';

const GROUPS: { title: string; ids: string[] }[] = [
  { title: 'Extrapolation against k (Figs 1 and 3)', ids: ['E-1A', 'E-X3', 'E-1B', 'E-3A', 'E-3B', 'E-TWIN'] },
  { title: 'Impulse responses (Figs 5 and 6)', ids: ['E-5', 'E-6'] },
  { title: 'Initialisation scale and balancedness (Fig. 4, Props 3 and 9, saddle escape)', ids: ['E-4', 'E-P9', 'E-ESC', 'E-P3'] },
  { title: 'The GRU (Fig. 2, scaled; no assertion)', ids: ['E-2'] },
];

/** Every preset of paper 002's lab spec (Sec. 6) re-run on demand across the worker pool, judged by its assertion. */
export function ReproducePage() {
  const [includeLong, setIncludeLong] = useState(false);
  const all = useRepro((s) => s.all);
  const runAll = useRepro((s) => s.runAll);
  const cancelAll = useRepro((s) => s.cancelAll);
  const workers = sharedPool().size;
  const est = REPRO_ITEMS.map((item) => ({ item, ms: itemEstimateMs(item, 'full', workers) }));
  const chosen = est.filter((e) => includeLong || e.ms <= LONG_MS);
  const long = est.filter((e) => e.ms > LONG_MS);
  const runs = chosen.reduce((s, e) => s + Math.max(1, e.item.points.length), 0);
  const ms = chosen.reduce((s, e) => s + e.ms, 0);
  const left = all.leftMs;
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="page-reproduce">
      <div className="flex max-w-5xl flex-col gap-2">
        <h2 className="text-xl font-semibold">Reproduce the paper</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Each card re-runs one preset of the lab — a figure of paper 002 or a lab extra — from its seeds, in parallel workers, and puts the numbers beside the lab specification's
          reference values. The paper reports only plots and published no code, so its claims are qualitative; each card states the claim, the precise assertion the lab checks, and
          whether it holds on the runs just made. Where the paper's picture and the numbers part ways, the card says what is actually true.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          {all.running ? (
            <Button testId="repro-cancel-all" onClick={cancelAll}>
              Cancel everything
            </Button>
          ) : (
            <Button variant="primary" testId="repro-run-all" onClick={() => void runAll(includeLong)}>
              Reproduce everything ({runs} runs, about {formatDuration(ms)} on {workers} worker{workers === 1 ? '' : 's'})
            </Button>
          )}
          {long.length > 0 && (
            <label className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
              <input type="checkbox" checked={includeLong} disabled={all.running} onChange={(e) => setIncludeLong(e.target.checked)} data-testid="repro-include-long" />
              include {long.map((e) => `${e.item.id} (${e.item.points.length} runs, about ${formatDuration(e.ms)})`).join(', ')}
            </label>
          )}
        </div>
        {(all.running || all.finished) && (
          <div
            className="flex flex-col gap-1 text-xs"
            role="status"
            aria-live="polite"
            data-testid="repro-all-status"
            data-running={String(all.running)}
            data-done={all.done}
            data-total={all.total}
          >
            <span className="num text-slate-600 dark:text-slate-400">
              {all.running
                ? `Running ${all.current ?? '…'}: ${all.done} / ${all.total} runs · ${formatDuration(all.ms)} · about ${formatDuration(Math.max(0, left))} left`
                : `Everything reproduced: ${all.done} runs in ${formatDuration(all.ms)}.`}
            </span>
            {all.running && <ProgressBar value={all.total ? all.done / all.total : 0} label={`Reproduce everything: ${all.done} of ${all.total} runs`} />}
          </div>
        )}
      </div>
      {GROUPS.map((g) => (
        <section key={g.title} className="flex min-w-0 flex-col gap-2">
          <h2 className="text-base font-semibold">{g.title}</h2>
          <div className="grid min-w-0 gap-3 xl:grid-cols-2">
            {g.ids.map((id) => {
              const item = REPRO_ITEMS.find((i) => i.id === id)!;
              return (
                <div key={id} className="flex min-w-0 flex-col gap-1">
                  <ReproCard item={item} />
                  <ReproExport item={item} />
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}

const RESULT_COLUMNS = ['E', 'zeroLine', 'fitted', 'loss', 'loss0', 'betaBC', 'alphaA', 'specRadius', 'effDim', 'steps', 'reason'] as const;

/** A card's runs as a table: one row per run (teacher, k, σ, seed, its score, its link), the claim and the verdict. */
export function reproTable(item: ReproItem, results: readonly (ItemResult | null)[]): TableExport {
  const verdict = item.kind === 'static' ? null : item.verdict(item.points, [...results]);
  const runs = item.points.map(({ spec, ...p }, i) => ({ ...p, spec, reopen: reopenHash(spec), result: results[i] ?? null }));
  return {
    lab: 'extrapolation',
    kind: 'repro',
    spec: item.spec,
    json: { item: { id: item.id, figure: item.figure, title: item.title, claim: item.claim, assertion: item.assertion }, verdict, runs },
    columns: ['item', 'teacher', 'k', 'sigma', 'seed', ...RESULT_COLUMNS, 'reopen'],
    rows: runs.filter((r) => r.result).map((r) => [item.id, r.teacherLabel, r.k, r.sigma, r.seed, ...RESULT_COLUMNS.map((c) => r.result?.[c] ?? ''), r.reopen]),
    notes: [
      `${item.id}: ${item.title} (${item.figure})`,
      ...(verdict ? [`verdict: ${verdict.holds === null ? 'not judged' : verdict.holds ? 'holds' : 'does not hold'}: ${verdict.text}`] : []),
    ],
  };
}

/** Export JSON / CSV of a card's finished runs. */
function ReproExport({ item }: { item: ReproItem }) {
  const state = useRepro((s) => s.items[item.id]);
  const any = state.results.some((r) => r);
  return (
    <div className="flex justify-end text-xs">
      <TableExportLinks
        name={`implicit-bias-lab-extrapolation-repro-${item.id}`}
        testId={`repro-export-${item.id}`}
        disabled={state.phase.kind === 'running' || !any}
        table={() => reproTable(item, useRepro.getState().items[item.id].results)}
      />
    </div>
  );
}
