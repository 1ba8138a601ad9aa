// npm run bench: wall-time figures for the README and the issue notes (not a test; nothing is asserted).
import { GradientDescent } from '../src/engine/core/integrators/gd';
import { drawRows, gramOfRows } from '../src/engine/ssm/ssm-data';
import { DiagonalSsm } from '../src/engine/ssm/ssm';
import { resolveTeacher } from '../src/engine/ssm/teachers';
import { Rng } from '../src/engine/core/rng';
import { buildRun } from '../src/experiment/build-run';
import { THM1_TABLE_ROWS, thm1Spec } from '../src/labs/poisoning/presets/thm1';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function benchThm1(): void {
  const times: number[] = [];
  let stats = { steps: 0, nfev: 0 };
  for (let rep = 0; rep < 5; rep++) {
    stats = { steps: 0, nfev: 0 };
    const t0 = performance.now();
    for (const row of THM1_TABLE_ROWS)
      for (const seed of row.seeds)
        for (const arm of ['clean', 'poisoned'] as const) {
          const run = buildRun(thm1Spec({ d: row.d, kappa: row.kappa, seed, scale: row.scale, tieC: row.tieC, maxTime: row.maxTime, arm }));
          const f = run.runToEnd();
          stats.steps += f.step;
          stats.nfev += Number(run.integrator.info().nfev);
        }
    times.push(performance.now() - t0);
  }
  console.log(
    `Theorem 1, 16 gradient-flow runs (Tables 1 and 3, row 1): median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms over 5 repeats; ${stats.steps} accepted steps, ${stats.nfev} rhs evaluations per repeat`,
  );
}

function benchGd(): void {
  // d = 10, kappa = 6, learned B, C; 8 baseline rows at {1, 2} and 10 special rows at {5} (preset B-6's data).
  const rng = new Rng(200);
  const rows = [...drawRows(rng, 6, 8, [1, 2]), ...drawRows(rng, 6, 10, [5])];
  const model = new DiagonalSsm({ d: 10, kappa: 6, trainBC: true, teacher: resolveTeacher({ kind: 'one' }, 10), gram: gramOfRows(rows, 6), genWindow: 40 });
  const init = new Rng(100200);
  const theta0 = Float64Array.from({ length: 30 }, () => 1e-3 * Math.abs(init.gauss()) + 0.05);
  const rates: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const gd = new GradientDescent(model, theta0, 1e-3);
    const N = 2_000_000;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) gd.step();
    rates.push(N / ((performance.now() - t0) / 1000));
    if (!Number.isFinite(gd.loss)) throw new Error('benchmark run diverged');
  }
  console.log(
    `GD on the d = 10, kappa = 6 SSM, learned B, C, 18 rows: median ${(median(rates) / 1e6).toFixed(2)} M steps/s (best ${(Math.max(...rates) / 1e6).toFixed(2)} M) over 5 x 2e6 steps`,
  );
}

console.log(`node ${process.version}, ${process.arch}`);
benchThm1();
benchGd();
