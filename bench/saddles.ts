// npx tsx bench/saddles.ts [preset ids]: wall time and steps/s of Saddles presets (paper 003) run to their end in Node;
// by default Figure 1 by gradient flow (DOPRI5 to t = 1250) and by GD (250,000 steps of 0.005). Nothing is asserted.
import { fileURLToPath } from 'node:url';
import { buildRun, loadEveryRuntime } from '../src/experiment/build-run';
import { findPreset } from '../src/experiment/presets';
import { parseSpec } from '../src/experiment/validate';

export interface SaddlesRunFigures {
  id: string;
  /** Wall time of the whole run (ms), and of building it (NCF analysis, restricted run) within that. */
  wallMs: number;
  buildMs: number;
  /** CPU time of this process over the run (ms): the figure that the neighbours of a shared machine do not inflate. */
  cpuMs: number;
  steps: number;
  nfev?: number;
  L0: number;
  escapeT: number | null;
  finalLoss: number;
  stop: string;
}

/** Builds and runs a preset to its end in this thread, as the lab's worker does. */
export function runSaddlesPreset(id: string): SaddlesRunFigures {
  const parsed = parseSpec(findPreset(id)!.spec);
  if (!parsed.ok) throw new Error(`${id} does not validate`);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = buildRun(parsed.spec);
  const buildMs = performance.now() - t0;
  const f = run.runToEnd();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const { loss, t } = run.recorder.all();
  const esc = loss.findIndex((v) => v <= 0.99 * loss[0]);
  const nfev = run.integrator.info().nfev;
  return {
    id,
    wallMs,
    buildMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    steps: f.step,
    nfev: nfev === undefined ? undefined : Number(nfev),
    L0: loss[0],
    escapeT: esc >= 0 ? t[esc] : null,
    finalLoss: f.loss,
    stop: f.stop.reason,
  };
}

function bench(id: string): void {
  const r = runSaddlesPreset(id);
  console.log(
    `${id}: ${(r.wallMs / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU (NCF analysis and restricted run ${(r.buildMs / 1000).toFixed(1)} s), ${r.steps} steps, ` +
      `${Math.round(r.steps / ((r.wallMs - r.buildMs) / 1000))} steps/s, ${r.nfev !== undefined ? `${r.nfev} gradient evaluations, ` : ''}` +
      `L(0) ${r.L0.toFixed(4)}, escape at t = ${r.escapeT !== null ? r.escapeT.toFixed(1) : 'none'}, final loss ${r.finalLoss.toExponential(3)} (${r.stop})`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await loadEveryRuntime();
  for (const id of process.argv.slice(2).length ? process.argv.slice(2) : ['sd-fig1-flow', 'sd-fig1']) bench(id);
}
