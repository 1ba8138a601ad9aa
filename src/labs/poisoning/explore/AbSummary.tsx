import { useLabSpec } from '../../../state/experiment-store';
import { ARMS, useRuns } from '../../../state/runs-store';
import { cardClass } from '../../../ui/field-styles';
import { fmt, fmtRun } from '../../../ui/format';
import { Stale, useIsStale } from '../../../ui/Stale';
import { ARM_COLORS } from '../arms';
import { ARM_EXPLORE_LABELS } from './commit';
import { Term } from '../../../ui/Term';

/** Final numbers of the two arms and what the special sequences changed, highlighted. */
export function AbSummary() {
  const arms = useRuns((s) => s.arms);
  useRuns((s) => s.revision);
  const edited = useLabSpec('poisoning');
  const ran = arms.clean?.spec ?? arms.poisoned?.spec;
  const stale = useIsStale(ran, edited, ['arm']);
  const K = (ran ?? edited).metrics.genWindow;
  const f = { clean: arms.clean?.final ?? null, poisoned: arms.poisoned?.final ?? null };
  const live = ARMS.map((arm) => {
    const b = arms[arm]?.buffers;
    const final = f[arm];
    if (final) return { gen: final.metrics.gen, erank: final.metrics.erank, a: final.params.a ?? [], conv: final.stop.convergedStep };
    if (!b || b.count === 0) return null;
    const i = b.count - 1;
    const d = arms[arm]!.blocks.find((q) => q.name === 'a')?.size ?? 0;
    return { gen: b.metric('gen')[i], erank: b.metric('erank')[i], a: Array.from({ length: d }, (_, j) => b.params[j][i]), conv: undefined };
  });
  const [c, p] = live;
  const ratio = c && p && c.gen > 0 ? p.gen / c.gen : null;
  return (
    <section className={cardClass} aria-labelledby="ab-h" data-testid="ab-summary">
      <h3 id="ab-h" className="text-sm font-semibold">
        A/B: same initialisation, without vs with the special sequences
      </h3>
      <Stale stale={stale} testId="ab-summary-stale" badgeTestId="ab-stale" message="Out of date — press Run: the experiment was edited after this run.">
        <table className="mt-2 w-full text-xs num">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="font-normal">arm</th>
              <th className="font-normal">Gen{K === 40 ? '₄₀' : K === 20 ? '₂₀' : `_${K}`} (normalised)</th>
              <th className="font-normal">
                <Term term="erank" />
              </th>
              <th className="font-normal">loss &lt; ε at step</th>
              <th className="font-normal">largest |aⱼ|</th>
            </tr>
          </thead>
          <tbody>
            {ARMS.map((arm, k) => {
              const r = live[k];
              const top = r ? [...r.a].sort((x, y) => Math.abs(y) - Math.abs(x)).slice(0, 4) : [];
              return (
                <tr key={arm} className="border-t border-slate-100 dark:border-slate-800" data-testid={`ab-${arm}`}>
                  <td className="py-1">
                    <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: ARM_COLORS[arm] }} />
                    {ARM_EXPLORE_LABELS[arm]}
                  </td>
                  <td data-testid={`gen-${arm}`} data-value={f[arm] ? String(f[arm]!.metrics.gen) : ''}>
                    {r ? fmtRun(r.gen, f[arm]) : '—'}
                  </td>
                  <td>{r ? (Number.isFinite(r.erank) ? r.erank.toFixed(2) : fmtRun(r.erank, f[arm])) : '—'}</td>
                  <td>{r?.conv !== undefined ? r.conv : r ? '…' : '—'}</td>
                  <td>{top.map((v) => fmtRun(v, f[arm])).join(', ')}</td>
                </tr>
              );
            })}
            <tr className="border-t-2 border-slate-200 dark:border-slate-700 font-semibold">
              <td className="py-1">Difference</td>
              <td data-testid="ab-gen-ratio" className={ratio !== null && ratio > 2 ? 'text-orange-700 dark:text-orange-300' : ''}>
                {ratio !== null ? `× ${fmt(ratio)}` : '—'}
              </td>
              <td className={c && p && p.erank - c.erank > 1 ? 'text-orange-700 dark:text-orange-300' : ''}>
                {c && p ? `${p.erank - c.erank >= 0 ? '+' : ''}${(p.erank - c.erank).toFixed(2)}` : '—'}
              </td>
              <td colSpan={2} className="font-normal text-slate-500">
                {ratio !== null && c && p ? abVerdict(ratio, p.erank - c.erank) : 'Run to compare.'}
              </td>
            </tr>
          </tbody>
        </table>
      </Stale>
    </section>
  );
}

/** One sentence on what the special sequences did: to the error beyond the training length, and to the low-rank bias. */
export function abVerdict(genRatio: number, erankGain: number): string {
  const lowRankLost = erankGain > 1;
  if (genRatio > 2) return `The special sequences (teacher-labelled!) made extrapolation worse${lowRankLost ? ' and spread the learning over many entries' : ''}.`;
  if (lowRankLost) return 'Extrapolation error grew only a little here, but the greedy low-rank solution is gone: many entries grew (effective rank up).';
  return 'The special sequences did not change much here.';
}
