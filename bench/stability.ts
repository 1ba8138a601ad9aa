// npx tsx bench/stability.ts: wall-time figures of the Stability lab (paper 004). Nothing is asserted.
import { computeGrid } from '../workers/landscape-core';
import { runSpecToFinal } from '../workers/pool-core';
import { logspace } from '../src/engine/stability/compare';
import { runGdScalar } from '../src/engine/stability/stability';
import { BIF, bifJobs, fig3Jobs, runBifJob, runGdJob } from '../src/engine/stability/jobs';
import { compareJob, sweepSpec } from '../src/labs/stability/compare';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow } from '../src/labs/stability/schema';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. Sweep throughput, one worker: the S-sweep grid (400 step sizes from (2, 0.3)) through the exact code a pool
// worker runs (spec validation + shared run loop), and through the lab's scalar runner.
const etas = logspace(-3, Math.log10(1.2), 400);
const specs = etas.map((eta) => sweepSpec(2, 0.3, 1, eta, 0.5e-24, 20000));
for (const s of specs.slice(0, 40)) runSpecToFinal(s); // warm-up
const poolTimes: number[] = [];
let conv = 0;
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  conv = 0;
  for (const s of specs) {
    const r = runSpecToFinal(s);
    if (r.ok && r.final.stop.reason === 'converged') conv++;
  }
  poolTimes.push(performance.now() - t0);
}
const tPool = median(poolTimes);
console.log(`S-sweep (400 etas, T <= 20000), one worker, pool code path: ${tPool.toFixed(0)} ms -> ${((400 / tPool) * 1000).toFixed(0)} runs/s (${conv} converged)`);

const convOnly = specs.filter((_, i) => etas[i] < 0.9);
const t1 = performance.now();
for (const s of convOnly) runSpecToFinal(s);
const tc = performance.now() - t1;
console.log(`  converged runs only (${convOnly.length}, eta < 0.9): ${((convOnly.length / tc) * 1000).toFixed(0)} runs/s`);

const scalarTimes: number[] = [];
for (let rep = 0; rep < 5; rep++) {
  const t0 = performance.now();
  for (const eta of etas) runGdScalar(2, 0.3, { phi: 1, eta, lossBelow: 0.5e-24, maxSteps: 20000 });
  scalarTimes.push(performance.now() - t0);
}
const tS = median(scalarTimes);
console.log(`S-sweep, one thread, scalar runner: ${tS.toFixed(1)} ms -> ${((400 / tS) * 1000).toFixed(0)} runs/s`);

// 2. Landscape: compute a 200 x 200 grid (drawing is measured in the browser by the e2e test).
const gridTimes: number[] = [];
for (let rep = 0; rep < 20; rep++) gridTimes.push(computeGrid({ field: 'stability-log-loss', params: { phi: 1 }, x: [-3, 3], y: [-3, 3], nx: 200, ny: 200 }).ms);
console.log(`200 x 200 landscape grid: median ${median(gridTimes).toFixed(2)} ms to compute`);
console.log('All-worker throughput and the in-browser grid round trip: npx playwright test e2e/stability.spec.ts (lines tagged [bench]).');

// 3. The Figure-3 grid (100 x 120 cells by the spec's protocol) and the bifurcation diagram at the spec's
// resolution (2000 columns, burn-in 1e5), one thread; the browser splits both across the pool.
const t3 = performance.now();
for (const { job } of fig3Jobs()) runGdJob(job);
console.log(`Figure 3, 100 x 120 cells, one thread: ${(performance.now() - t3).toFixed(0)} ms`);
const t4 = performance.now();
for (const { job } of bifJobs(BIF.h, 2000, 1, BIF.r0, 1e5, BIF.keep)) runBifJob(job);
console.log(`bifurcation, 2000 columns x 1e5 burn-in steps, one thread: ${(performance.now() - t4).toFixed(0)} ms`);

// 4. The page's comparison (the stability core's compare job, run by the page's comparison worker): S-chaos at 1e6
// steps, as a link may ask (GD recorded at most PAGE_TRACE_CAP iterates, GF samples, the time plots' envelopes).
const chaos = stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === 'S-chaos')!);
const cmpTimes: number[] = [];
for (let rep = 0; rep < 5; rep++) cmpTimes.push(compareJob({ ...chaos, stop: { ...chaos.stop, maxSteps: 1e6 } }).ms);
console.log(`page comparison job, S-chaos at 1e6 steps, one thread: median ${median(cmpTimes).toFixed(0)} ms`);
