import { useEffect, useMemo, useRef, useState } from 'react';
import type { FinalState } from '../../../engine/core/run';
import reference from '../data/thm1-reference.json';
import { useExperiment } from '../../../state/experiment-store';
import { sharedPool } from '../../../state/worker-pool';
import { Button } from '../../../ui/Button';
import { fmt } from '../../../ui/format';
import { type ReproPhase, ReproCardShell, VerdictLine } from '../../../ui/Repro';
import type { ReproItem } from './repro-items';
import { sortedAbs, spreadOf, verdictFor, type SeedOutcome } from './summarize';
import { Term } from '../../../ui/Term';
import { TableExportLinks } from '../../../ui/ExportLinks';
import { reopenHash, type TableExport } from '../../../ui/run-export';
import type { Verdict } from '../../../ui/Repro';

const ARMS_OF = ['clean', 'poisoned'] as const;

/**
 * A card's runs as a table: one row per seed and arm (its final step, loss, every metric, the stop, the link that
 * reopens it), the paper's values and the verdict. The first seed's poisoned spec is the card's link.
 */
export function reproTable(item: ReproItem, outcomes: readonly SeedOutcome[], verdict: Verdict | null): TableExport {
  const metrics = [...new Set(outcomes.flatMap((o) => ARMS_OF.flatMap((a) => Object.keys(o[a]?.metrics ?? {}))))].sort();
  const runs = outcomes.flatMap((o) =>
    ARMS_OF.map((arm) => {
      const f = o[arm];
      const spec = item.specFor(o.seed, arm);
      return { seed: o.seed, arm, spec, reopen: reopenHash(spec), final: f };
    }),
  );
  return {
    lab: 'poisoning',
    kind: 'repro',
    spec: item.specFor(item.seeds[0], 'poisoned'),
    json: {
      item: { id: item.id, title: item.title, source: item.source, metric: item.metric, criterion: item.criterion, note: item.note },
      paper: item.paper ?? null,
      verdict,
      runs,
    },
    columns: ['item', 'seed', 'arm', 'step', 'time', 'loss', ...metrics, 'stop', 'reopen'],
    rows: runs.map((r) => [
      item.id,
      r.seed,
      r.arm,
      r.final?.step ?? '',
      r.final?.time ?? '',
      r.final?.loss ?? '',
      ...metrics.map((m) => r.final?.metrics[m] ?? ''),
      r.final?.stop.reason ?? '',
      r.reopen,
    ]),
    notes: [
      `${item.id}: ${item.title} (${item.source})`,
      ...(item.paper ? [`paper: clean ${item.paper.clean}, poisoned ${item.paper.poisoned}`] : []),
      ...(verdict ? [`verdict: ${verdict.holds === null ? 'not judged' : verdict.holds ? 'holds' : 'does not hold'}: ${verdict.text}`] : []),
    ],
  };
}

const REFERENCE = new Map(reference.runs.map((r) => [`${r.seed}/${r.poisoned ? 'poisoned' : 'clean'}`, r.genError]));
/** Gen values: four significant digits, exponent form (the paper's tables). */
const sci = (v: number) => fmt(v, { exp: true });

/** One table row or figure: runs its seeds x arms across the worker pool and shows them beside the paper. */
export function ReproCard({ item, runAllToken = 0 }: { item: ReproItem; runAllToken?: number }) {
  const [phase, setPhase] = useState<ReproPhase>({ kind: 'idle' });
  const [outcomes, setOutcomes] = useState<SeedOutcome[]>([]);
  const abort = useRef<AbortController | null>(null);

  const reproduce = async () => {
    const jobs = item.seeds.flatMap((seed) => (['clean', 'poisoned'] as const).map((arm) => ({ seed, arm, spec: item.specFor(seed, arm) })));
    const rows: SeedOutcome[] = item.seeds.map((seed) => ({ seed, clean: null, poisoned: null }));
    setOutcomes(rows);
    setPhase({ kind: 'running', done: 0, total: jobs.length });
    abort.current = new AbortController();
    const t0 = performance.now();
    try {
      await sharedPool().map(
        jobs.map((j) => j.spec),
        (done, total, index, result) => {
          const job = jobs[index];
          const row = rows.find((r) => r.seed === job.seed)!;
          if (result.ok) row[job.arm] = result.final;
          else setPhase({ kind: 'error', message: result.message });
          setOutcomes(rows.map((r) => ({ ...r })));
          setPhase((p) => (p.kind === 'running' ? { kind: 'running', done, total } : p));
        },
        abort.current.signal,
      );
      setPhase({ kind: 'done', ms: performance.now() - t0 });
    } catch (err) {
      setPhase({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      abort.current = null;
    }
  };

  // "Reproduce everything" on the page starts every card that is not already running.
  useEffect(() => {
    if (runAllToken > 0 && !abort.current) void reproduce();
  }, [runAllToken]); // reproduce() itself is recreated every render; only the token matters

  const open = (seed: number) => {
    const store = useExperiment.getState();
    if (store.apply(item.specFor(seed, 'poisoned'), 'reproduce')) {
      store.requestAutoRun('poisoning');
      window.location.hash = `lab=poisoning&page=${item.id.startsWith('T1') ? 'thm1' : 'explore'}`;
    }
  };

  const verdict = useMemo(() => verdictFor(item.id, outcomes, REFERENCE), [item.id, outcomes]);
  const clean = spreadOf(outcomes.map((o) => o.clean));
  const poisoned = spreadOf(outcomes.map((o) => o.poisoned));
  const runs = item.seeds.length * 2;

  return (
    <ReproCardShell
      id={item.id}
      title={item.title}
      subtitle={`${item.source} · ${item.note}`}
      phase={phase}
      runLabel={`Reproduce (${runs} runs)`}
      onRun={() => void reproduce()}
      onCancel={() => abort.current?.abort()}
      actions={
        <TableExportLinks
          name={`implicit-bias-lab-poisoning-repro-${item.id}`}
          testId={`repro-export-${item.id}`}
          disabled={phase.kind !== 'done'}
          table={() => reproTable(item, outcomes, verdict)}
          csvTitle="One row per seed and arm: final step, loss, every metric, the stop and the link that reopens the run; the paper's values and the verdict in # lines"
        />
      }
    >
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium">Criterion:</span> {item.criterion}
      </p>
      {outcomes.length > 0 && (
        <table className="w-full text-xs num [&_td]:pr-3 [&_th]:pr-3">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="font-normal">seed</th>
              <th className="font-normal">clean {item.metric}</th>
              <th className="font-normal">poisoned</th>
              <th className="font-normal">ratio</th>
              <th className="font-normal">
                <Term term="erank" /> clean → poisoned
              </th>
              <th className="font-normal">poisoned |a|₍₁₎, |a|₍₂₎, |a|₍₃₎</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.seed} className="border-t border-slate-100 dark:border-slate-800">
                <td>{o.seed}</td>
                <td>{cell(o.clean)}</td>
                <td>{cell(o.poisoned)}</td>
                <td>{ratio(o.clean, o.poisoned)}</td>
                <td>{o.clean && o.poisoned ? `${o.clean.metrics.erank.toFixed(2)} → ${o.poisoned.metrics.erank.toFixed(2)}` : ''}</td>
                <td>
                  {o.poisoned
                    ? sortedAbs(o.poisoned.params.a)
                        .slice(0, 3)
                        .map((v) => fmt(v))
                        .join(', ')
                    : ''}
                </td>
                <td>
                  <Button variant="link" onClick={() => open(o.seed)} title={`Open seed ${o.seed} on its page and run it`}>
                    open
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(clean || poisoned || item.paper) && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs num" data-testid={`repro-summary-${item.id}`}>
          {(['clean', 'poisoned'] as const).map((arm) => {
            const s = arm === 'clean' ? clean : poisoned;
            return (
              <div key={arm} className="contents">
                <dt className="text-slate-500">{arm}</dt>
                <dd data-arm={arm} data-mean={s ? String(s.mean) : ''}>
                  {s ? `lab mean ${sci(s.mean)} [${sci(s.min)} – ${sci(s.max)}], ${s.n} run${s.n > 1 ? 's' : ''}` : 'lab: —'}
                  {item.paper ? ` · paper ${fmt(item.paper[arm], { digits: 3, exp: true })}` : ''}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {verdict && <VerdictLine id={item.id} verdict={verdict} suffix={phase.kind === 'done' ? `${(phase.ms / 1000).toFixed(1)} s in ${sharedPool().size} workers` : undefined} />}
    </ReproCardShell>
  );
}

/** Poisoned over clean generalisation error; "—" unless both runs converged (a dead head's error means nothing). */
function ratio(clean: FinalState | null, poisoned: FinalState | null): string {
  if (!clean || !poisoned) return '';
  if (clean.stop.reason !== 'converged' || poisoned.stop.reason !== 'converged') return '—';
  return `${fmt(poisoned.metrics.gen / clean.metrics.gen, 3)}×`;
}

function cell(f: FinalState | null): string {
  if (!f) return '…';
  if (f.stop.reason === 'model-failed') return 'dead head';
  if (f.stop.reason !== 'converged') return `${sci(f.metrics.gen)} (${f.stop.reason})`;
  return sci(f.metrics.gen);
}
