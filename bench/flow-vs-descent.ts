// npx tsx bench/flow-vs-descent.ts: the Flow vs Descent lab's (paper 001) workloads in Node, beside the issue's
// browser budgets: FD-DLN3 (flow + error ODE + 3 GD runs, spectra at 300 stamps; budget 2 s live), the FD-DLN3-eta
// sweep (one flow reference + 10 GD runs to their stop rule; budget 5 s across the pool), FD-relu (flow to T = 200
// with spectra at 100 stamps; budget 10 s live). Median of repeats; nothing is asserted.
import { reproduceCard } from '../src/labs/flow-vs-descent/reproduce';
import { fdPresetRow } from '../src/labs/flow-vs-descent/presets';
import { sweepEtas, sweepPoint, sweepReference } from '../src/labs/flow-vs-descent/sweep';
import { trackRows } from '../src/labs/flow-vs-descent/reproduce';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(label: string, repeats: number, f: () => unknown): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  console.log(`${label}: median ${median(ms).toFixed(0)} ms (min ${Math.min(...ms).toFixed(0)} ms) over ${repeats}`);
}

const spec = (id: string) => {
  const s = fdPresetRow(id)?.spec;
  if (!s) throw new Error(id);
  return s;
};

console.log(`node ${process.version}, ${process.arch}`);
await time('FD-DLN3 tracking (flow + error ODE + 3 GD runs, spectra at 300 stamps)', 5, () => trackRows(spec('FD-DLN3')));
await time('FD-DLN3-eta sweep, one thread (reference + 10 GD runs to their stop rule)', 5, () => {
  const s = spec('FD-DLN3-eta');
  const reference = sweepReference(s);
  for (const eta of sweepEtas(s)) sweepPoint({ spec: s, eta, reference });
});
await time('FD-relu tracking (T = 200, error ODE, spectra at 100 stamps, 3 GD runs)', 1, () => trackRows(spec('FD-relu')));
await time('Reproduce FD-AB card (tracking with 4 GD runs, 2 flow crossings, GD closest approach)', 3, () => reproduceCard('FD-AB'));
