// npm run bench: one table of the benchmark figures for the README and the issue notes (not a test; nothing is
// asserted), every lab's rows (bench/<lab>.ts). Saddles rows: GD steps/s of the engine on each figure's problem beside the native baseline
// (bench/native/saddles_gd.c, same operations, bit-identical result), counted in CPU time of the process, best of
// three (the machine is shared); then each preset run to its end, in CPU and wall time. `npm run bench -- --quick` skips the
// full Saddles GD runs.
import { GradientDescent } from '../src/engine/core/integrators/gd';
import { drawRows, gramOfRows } from '../src/engine/ssm/ssm-data';
import { DiagonalSsm } from '../src/engine/ssm/ssm';
import { resolveTeacher } from '../src/engine/ssm/teachers';
import { Rng } from '../src/engine/core/rng';
import { buildRun, loadEveryRuntime } from '../src/experiment/build-run';
import { THM1_TABLE_ROWS, thm1Spec } from '../src/labs/poisoning/presets/thm1';
import { runSaddlesPreset } from './saddles';
import { benchKernel, buildNative, KERNEL_FIGURES } from './saddles-kernels';
import { extrapolationRows } from './extrapolation';
import { flowVsDescentRows } from './flow-vs-descent';
import { stabilityRows } from './stability';
import { printTable, median, type Row } from './table';

function benchThm1(): Row {
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
  return {
    lab: 'Poisoning',
    figure: 'Theorem 1: 16 gradient-flow runs (Tables 1 and 3, row 1)',
    node: `${median(times).toFixed(0)} ms`,
    detail: `median of 5 (min ${Math.min(...times).toFixed(0)} ms); ${stats.steps} accepted steps, ${stats.nfev} rhs evaluations per repeat`,
  };
}

function benchGd(): Row {
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
  return {
    lab: 'Poisoning',
    figure: 'GD on the d = 10, kappa = 6 SSM, learned B, C, 18 rows',
    node: `${(median(rates) / 1e6).toFixed(2)} M steps/s`,
    detail: `median of 5 x 2e6 steps (best ${(Math.max(...rates) / 1e6).toFixed(2)} M)`,
  };
}

function saddlesRows(full: boolean): { rows: Row[]; note: string } {
  const { exe, note } = buildNative();
  const rows: Row[] = [];
  for (const fig of KERNEL_FIGURES) {
    const k = benchKernel(fig, exe);
    const run = full ? runSaddlesPreset(fig.id) : null;
    rows.push({
      lab: 'Saddles',
      figure: `${fig.label} (${fig.id}), GD`,
      node: `${Math.round(k.jsRate).toLocaleString('en')} steps/s`,
      native: k.nativeRate === null ? 'skipped' : `${Math.round(k.nativeRate).toLocaleString('en')} steps/s`,
      ratio: k.nativeRate === null ? undefined : `${((100 * k.jsRate) / k.nativeRate).toFixed(0)} %`,
      detail:
        `${fig.steps.toLocaleString('en')} steps, best of 3${k.same === null ? '' : k.same ? '; same final loss bits as native' : '; FINAL LOSS DIFFERS FROM NATIVE'}` +
        (run ? `; whole run of ${run.steps.toLocaleString('en')} steps: ${(run.cpuMs / 1000).toFixed(1)} s CPU, ${(run.wallMs / 1000).toFixed(1)} s wall` : ''),
    });
  }
  const flow = runSaddlesPreset('sd-fig1-flow');
  rows.push({
    lab: 'Saddles',
    figure: 'Default run: Figure 1 by gradient flow (sd-fig1-flow)',
    node: `${(flow.cpuMs / 1000).toFixed(2)} s`,
    detail: `CPU time of the whole run (${(flow.wallMs / 1000).toFixed(2)} s wall, NCF analysis ${(flow.buildMs / 1000).toFixed(2)} s wall); ${flow.steps} steps, ${flow.nfev} gradient evaluations`,
  });
  return { rows, note };
}

// every lab's engine, as the CLI loads it: the rows build runs synchronously
await loadEveryRuntime();
const saddles = saddlesRows(!process.argv.includes('--quick'));
console.log(`node ${process.version}, ${process.arch}; ${saddles.note}`);
printTable([benchThm1(), benchGd(), ...saddles.rows, ...(await stabilityRows()), ...extrapolationRows(), ...(await flowVsDescentRows())]);
