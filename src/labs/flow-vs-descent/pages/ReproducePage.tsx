import { useState } from 'react';
import { sharedPool } from '../../../state/worker-pool';
import { Button } from '../../../ui/Button';
import { fmt } from '../../../ui/format';
import { ReproCardShell, type ReproPhase, VerdictLine } from '../../../ui/Repro';
import { flowVsDescentCore } from '../core';
import { fdPresetRow } from '../presets';
import { REPRO_IDS, type ReproCard } from '../reproduce';
import { findPreset } from '../../../experiment/presets';
import { TableExportLinks } from '../../../ui/ExportLinks';
import type { TableExport } from '../../../ui/run-export';

/** A card's checks as a table (quantity, lab value, expected, holds); the preset's spec reopens it. */
export function reproTable(id: string, card: ReproCard): TableExport {
  return {
    lab: LAB,
    kind: 'repro',
    spec: findPreset(id)?.spec ?? null,
    json: { card },
    columns: ['preset', 'quantity', 'lab', 'expected', 'holds'],
    rows: card.rows.map((r) => [id, r.what, r.lab, r.expected, r.holds]),
    notes: [`${id}: ${card.title} (${card.figure})`, `paper: ${card.claim}`, `the lab checks: ${card.assertion}`],
  };
}

const LAB = flowVsDescentCore.id;

interface CardState {
  phase: ReproPhase;
  card: ReproCard | null;
}

/** One preset's card: run it in a pool worker, then its rows (lab value, expected) and the verdict. */
function Card({ id, state, run }: { id: string; state: CardState; run: () => void }) {
  const preset = fdPresetRow(id);
  const card = state.card;
  const holds = card ? card.rows.every((r) => r.holds) : null;
  return (
    <ReproCardShell
      id={id}
      title={
        <>
          {preset?.title} <span className="text-xs font-normal text-slate-500">({id})</span>
        </>
      }
      subtitle={preset?.figure}
      phase={state.phase}
      runLabel={card ? 'Run again' : 'Run'}
      onRun={run}
      onCancel={() => undefined}
      actions={<TableExportLinks name={`implicit-bias-lab-${LAB}-repro-${id}`} testId={`repro-export-${id}`} disabled={!card} table={() => (card ? reproTable(id, card) : null)} />}
    >
      {card && (
        <>
          <p className="text-xs text-slate-700 dark:text-slate-300">
            <b>Paper:</b> {card.claim}
          </p>
          <p className="text-xs text-slate-700 dark:text-slate-300">
            <b>The lab checks:</b> {card.assertion}
          </p>
          <table className="text-xs tabular-nums" data-testid={`repro-rows-${id}`}>
            <thead>
              <tr className="text-left text-slate-500">
                <th className="pr-3 font-normal">quantity</th>
                <th className="pr-3 font-normal">lab</th>
                <th className="pr-3 font-normal">expected</th>
                <th className="font-normal" />
              </tr>
            </thead>
            <tbody>
              {card.rows.map((r) => (
                <tr key={r.what}>
                  <td className="pr-3">{r.what}</td>
                  <td className="pr-3" title={String(r.lab)}>
                    {fmt(r.lab, 5)}
                  </td>
                  <td className="pr-3">{r.expected}</td>
                  <td className={r.holds ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400'}>{r.holds ? '✓' : '✗'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <VerdictLine
            id={id}
            verdict={{ holds, text: holds ? `all ${card.rows.length} checks hold` : `${card.rows.filter((r) => !r.holds).length} of ${card.rows.length} checks fail` }}
            suffix={`${fmt(card.ms / 1000, 2)} s`}
          />
        </>
      )}
    </ReproCardShell>
  );
}

/** Every preset of paper 001's lab spec (Sec. 5) re-run in the worker pool and set beside the spec's values. */
export function ReproducePage() {
  const [cards, setCards] = useState<Record<string, CardState>>({});
  const stateOf = (id: string): CardState => cards[id] ?? { phase: { kind: 'idle' }, card: null };
  const run = async (ids: string[]) => {
    setCards((c) => ({ ...c, ...Object.fromEntries(ids.map((id) => [id, { phase: { kind: 'running', done: 0, total: 1 }, card: null }])) }));
    await sharedPool()
      .mapJobs<string, ReproCard>(LAB, 'reproduce', ids, (_done, _total, index, card) => setCards((c) => ({ ...c, [ids[index]]: { phase: { kind: 'done', ms: card.ms }, card } })))
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        setCards((c) => ({ ...c, ...Object.fromEntries(ids.filter((id) => !c[id]?.card).map((id) => [id, { phase: { kind: 'error', message }, card: null }])) }));
      });
  };
  const running = REPRO_IDS.some((id) => stateOf(id).phase.kind === 'running');
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="page-fd-reproduce">
      <div className="flex max-w-5xl flex-col gap-2">
        <h2 className="text-xl font-semibold">Reproduce the paper</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Each card re-runs one preset of the lab in a worker and puts its numbers beside the lab specification's reference values. The paper's own instrument was GD at a smaller
          step standing in for the flow; here the flow is a real ODE solution (an extension, labelled as such). Where the paper's claim is only qualitative the card checks the
          inequality it implies.
        </p>
        <div>
          <Button variant="primary" testId="repro-run-all" disabled={running} onClick={() => void run(REPRO_IDS)}>
            Reproduce everything ({REPRO_IDS.length} presets)
          </Button>
        </div>
      </div>
      <div className="grid min-w-0 gap-3 xl:grid-cols-2">
        {REPRO_IDS.map((id) => (
          <Card key={id} id={id} state={stateOf(id)} run={() => void run([id])} />
        ))}
      </div>
    </div>
  );
}
