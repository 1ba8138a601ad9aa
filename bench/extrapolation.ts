// The Extrapolation lab's figures (in `npm run bench`'s table, or alone: `npx tsx bench/extrapolation.ts`): Adam steps/s of the Extrapolation lab's linear-RNN engine (paper 002) in Node, for
// the E-1A student (diag-tied, d = 40, k = 20, bal(0, 5), sigma 1e-3) and the E-1B student (full A, d = 50, k = 20,
// delay(10), sigma 0.02), population loss, lr 1e-3, after a JIT warm-up. Steps are timed in batches: the overall
// rate, and the median and best batch (the best is the least disturbed by other processes on a shared machine).
// Also the cost of one metrics() call (a snapshot, every 50 steps in the lab). Nothing is asserted.
import { Adam } from '../src/engine/core/integrators/adam';
import { studentInit } from '../src/engine/linear-rnn/init';
import { LinearRnnProblem, type StudentParam } from '../src/engine/linear-rnn/problem';
import { balTeacher, delayTeacher } from '../src/engine/linear-rnn/teachers';
import { isMain, printTable, type Row } from './table';

function bench(label: string, param: StudentParam, d: number, k: number, H: number, w: Float64Array, sigma: number, batches: number, batch: number): Row {
  const problem = new LinearRnnProblem({ param, d, k, w, loss: 'population', H, hankelN: 20, tau: 1e-3 });
  const theta0 = studentInit(0, param, d, sigma, false, 'entrywise');
  const adam = new Adam(problem, theta0, 1e-3, 0.9, 0.999, 1e-8);
  for (let s = 0; s < 2 * batch; s++) adam.step(); // warm-up (JIT)
  const rates: number[] = [];
  let total = 0;
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let s = 0; s < batch; s++) adam.step();
    const ms = performance.now() - t0;
    total += ms;
    rates.push(batch / (ms / 1000));
  }
  rates.sort((x, y) => x - y);
  const m = new Float64Array(problem.metricNames.length);
  for (let r = 0; r < 3; r++) problem.metrics(adam.theta, m);
  const t1 = performance.now();
  const reps = 20;
  for (let r = 0; r < reps; r++) problem.metrics(adam.theta, m);
  const msMetrics = (performance.now() - t1) / reps;
  return {
    lab: 'Extrapolation',
    figure: `Adam, ${label}, population loss`,
    node: `${Math.round((batches * batch) / (total / 1000)).toLocaleString('en')} steps/s`,
    detail: `${batches * batch} steps after warm-up: median batch ${Math.round(rates[rates.length >> 1])}, best ${Math.round(rates[rates.length - 1])} steps/s; n = ${problem.n}; metrics() ${msMetrics.toFixed(2)} ms a snapshot`,
  };
}

export function extrapolationRows(): Row[] {
  return [
    bench('diag-tied d = 40, k = 20 (E-1A)', 'diag-tied', 40, 20, 50, balTeacher(0, 5, 'linspace').impulse(100), 1e-3, 20, 10_000),
    bench('full A d = 50, k = 20 (E-1B)', 'full', 50, 20, 100, delayTeacher(10).impulse(100), 0.02, 20, 1_000),
  ];
}

if (isMain(import.meta.url)) printTable(extrapolationRows());
