// The Stability lab's (paper 004) figures, one thread in Node: sweep throughput through a pool worker's code path and
// the lab's scalar runner, the landscape grid, Figure 3 and the bifurcation diagram at the spec's resolution, and the
// page's comparison job at 1e6 steps. In `npm run bench`'s table, or alone: `npx tsx bench/stability.ts`. The
// all-worker throughput and the in-browser grid round trip are printed by e2e/stability.spec.ts ([bench] lines).
import { computeGrid } from '../workers/landscape-core';
import { runSpecToFinal } from '../workers/pool-core';
import { logspace } from '../src/engine/stability/compare';
import { runGdScalar } from '../src/engine/stability/stability';
import { BIF, bifJobs, fig3Jobs, runBifJob, runGdJob } from '../src/engine/stability/jobs';
import { compareJob, sweepSpec } from '../src/labs/stability/compare';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow } from '../src/labs/stability/schema';
import { isMain, median, printTable, type Row } from './table';

export async function stabilityRows(): Promise<Row[]> {
  const rows: Row[] = [];
  // The S-sweep grid (400 step sizes from (2, 0.3)) through the exact code a pool worker runs (spec validation +
  // shared run loop), and through the lab's scalar runner.
  const etas = logspace(-3, Math.log10(1.2), 400);
  const specs = etas.map((eta) => sweepSpec(2, 0.3, 1, eta, 0.5e-24, 20000));
  for (const s of specs.slice(0, 40)) await runSpecToFinal(s); // warm-up
  const poolTimes: number[] = [];
  let conv = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    conv = 0;
    for (const s of specs) {
      const r = await runSpecToFinal(s);
      if (r.ok && r.final.stop.reason === 'converged') conv++;
    }
    poolTimes.push(performance.now() - t0);
  }
  const tPool = median(poolTimes);
  const scalarTimes: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    for (const eta of etas) runGdScalar(2, 0.3, { phi: 1, eta, lossBelow: 0.5e-24, maxSteps: 20000 });
    scalarTimes.push(performance.now() - t0);
  }
  const tS = median(scalarTimes);
  rows.push({
    lab: 'Stability',
    figure: 'S-sweep: 400 GD runs (T <= 20000), one worker',
    node: `${((400 / tPool) * 1000).toFixed(0)} runs/s`,
    detail: `median of 3: ${tPool.toFixed(0)} ms through the pool code path (${conv} converged); the scalar runner ${tS.toFixed(1)} ms (${((400 / tS) * 1000).toFixed(0)} runs/s)`,
  });
  const gridTimes: number[] = [];
  for (let rep = 0; rep < 20; rep++) gridTimes.push((await computeGrid({ field: 'stability-log-loss', params: { phi: 1 }, x: [-3, 3], y: [-3, 3], nx: 200, ny: 200 })).ms);
  rows.push({ lab: 'Stability', figure: '200 x 200 landscape grid', node: `${median(gridTimes).toFixed(2)} ms`, detail: 'median of 20, computed (drawing is in the browser)' });
  const t3 = performance.now();
  for (const { job } of fig3Jobs()) runGdJob(job);
  rows.push({
    lab: 'Stability',
    figure: 'Figure 3: 100 x 120 cells by the paper protocol',
    node: `${(performance.now() - t3).toFixed(0)} ms`,
    detail: 'one thread (the browser splits it across the pool)',
  });
  const t4 = performance.now();
  for (const { job } of bifJobs(BIF.h, 2000, 1, BIF.r0, 1e5, BIF.keep)) runBifJob(job);
  rows.push({
    lab: 'Stability',
    figure: 'Bifurcation: 2000 columns x 1e5 burn-in steps',
    node: `${(performance.now() - t4).toFixed(0)} ms`,
    detail: 'one thread (the browser splits it across the pool)',
  });
  // The page's comparison job (its own worker): S-chaos at 1e6 steps, as a link may ask.
  const chaos = stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === 'S-chaos')!);
  const cmpTimes: number[] = [];
  for (let rep = 0; rep < 5; rep++) cmpTimes.push(compareJob({ ...chaos, stop: { ...chaos.stop, maxSteps: 1e6 } }).ms);
  rows.push({
    lab: 'Stability',
    figure: "Page's comparison, S-chaos at 1e6 steps",
    node: `${median(cmpTimes).toFixed(0)} ms`,
    detail: 'median of 5, one thread (GD recorded to 20,000 iterates, GF samples, plot envelopes)',
  });
  return rows;
}

if (isMain(import.meta.url)) printTable(await stabilityRows());
