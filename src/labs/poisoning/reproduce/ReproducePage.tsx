import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { cardClass } from '../../../ui/field-styles';
import { REPRO_ITEMS, TABLE2 } from './repro-items';
import { ReproCard } from './ReproCard';

const GROUPS = ['Table 1', 'Table 3', 'Figures'] as const;

/** Every synthetic table row and figure of paper 000, reproduced on demand across the worker pool. */
export function ReproducePage() {
  const [runAll, setRunAll] = useState(0);
  const total = REPRO_ITEMS.reduce((s, i) => s + 2 * i.seeds.length, 0);
  return (
    <div className="flex flex-col gap-4" data-testid="page-reproduce">
      <div>
        <Button variant="primary" testId="repro-run-all" onClick={() => setRunAll((t) => t + 1)}>
          Reproduce everything ({total} runs, under a minute on two cores)
        </Button>
      </div>
      <p className="max-w-4xl text-sm text-slate-700 dark:text-slate-300">
        Each card re-runs one table row or figure of paper 000 from its seeds, both arms, in parallel workers, and shows the lab's numbers beside the paper's. Theorem-1 rows are
        exact gradient flows and reproduce the printed digits. The GD and Adam rows cannot be matched digit for digit (the paper's initialisations came from a float32 generator
        that is not reproduced), so the lab judges them by the qualitative criterion stated on each card, and says plainly when it does not hold. Runs whose ReLU head dies are
        reported and left out of the means, as in the paper.
      </p>
      {GROUPS.map((g) => (
        <section key={g} className="flex flex-col gap-2">
          <h2 className="text-base font-semibold">{g === 'Figures' ? 'Figures 2–8' : `${g} (synthetic rows)`}</h2>
          <div className="grid gap-3 xl:grid-cols-2">
            {REPRO_ITEMS.filter((i) => i.group === g).map((item) => (
              <ReproCard key={item.id} item={item} runAllToken={runAll} />
            ))}
          </div>
        </section>
      ))}
      <section className={`${cardClass} max-w-2xl`} data-testid="repro-table2">
        <h2 className="text-base font-semibold">Table 2 (reference card)</h2>
        <p className="text-xs text-slate-500">{TABLE2.caption}</p>
        <table className="mt-2 text-xs num">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="pr-4 font-normal">target images</th>
              <th className="pr-4 font-normal">poisoned images</th>
              <th className="pr-4 font-normal">accuracy without</th>
              <th className="font-normal">with</th>
            </tr>
          </thead>
          <tbody>
            {TABLE2.rows.map((r, i) => (
              <tr key={i}>
                <td>{r.targets}</td>
                <td>{r.poisons}</td>
                <td>{r.without} %</td>
                <td>{r.with} %</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          These are the paper's numbers. Training S4 on CIFAR-10 is not re-run in the browser; this lab reproduces the synthetic experiments only.
        </p>
      </section>
    </div>
  );
}
