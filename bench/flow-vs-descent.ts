// The Flow vs Descent lab's (paper 001) workloads in Node, beside the browser budgets: FD-DLN3 (flow + error
// ODE + 3 GD runs, spectra at 300 stamps; budget 2 s live), the FD-DLN3-eta sweep (one flow reference + 10 GD runs to
// their stop rule; budget 5 s across the pool), FD-relu (flow to T = 200 with spectra at 100 stamps; budget 10 s live).
// Median of repeats; nothing is asserted. In `npm run bench`'s table, or alone: `npx tsx bench/flow-vs-descent.ts`.
import { fdPresetRow } from '../src/labs/flow-vs-descent/presets';
import { reproduceCard, trackRows } from '../src/labs/flow-vs-descent/reproduce';
import { sweepEtas, sweepPoint, sweepReference } from '../src/labs/flow-vs-descent/sweep';
import { isMain, median, printTable, type Row } from './table';

async function time(figure: string, budget: string, repeats: number, f: () => unknown): Promise<Row> {
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return { lab: 'Flow vs Descent', figure, node: `${median(ms).toFixed(0)} ms`, detail: `median of ${repeats} (min ${Math.min(...ms).toFixed(0)} ms), one thread; ${budget}` };
}

const spec = (id: string) => {
  const s = fdPresetRow(id)?.spec;
  if (!s) throw new Error(id);
  return s;
};

export async function flowVsDescentRows(): Promise<Row[]> {
  return [
    await time('FD-DLN3: flow + error ODE + 3 GD runs, spectra at 300 stamps', 'budget 2 s live', 5, () => trackRows(spec('FD-DLN3'))),
    await time('FD-DLN3-eta sweep: reference + 10 GD runs to their stop rule', 'budget 5 s across the pool', 5, () => {
      const s = spec('FD-DLN3-eta');
      const reference = sweepReference(s);
      for (const eta of sweepEtas(s)) sweepPoint({ spec: s, eta, reference });
    }),
    await time('FD-relu: T = 200, error ODE, spectra at 100 stamps, 3 GD runs', 'budget 10 s live', 1, () => trackRows(spec('FD-relu'))),
    await time('Reproduce FD-AB card: 4 GD runs, 2 flow crossings, closest approach', 'a Reproduce card', 3, () => reproduceCard('FD-AB')),
  ];
}

if (isMain(import.meta.url)) printTable(await flowVsDescentRows());
