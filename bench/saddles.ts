// npx tsx bench/saddles.ts: wall time and steps/s of the Saddles lab's Figure 1 preset (paper 003) in Node,
// by GD (250,000 steps of 0.005) and by gradient flow (DOPRI5 to t = 1250). Nothing is asserted.
import { buildRun } from '../src/experiment/build-run';
import { findPreset } from '../src/experiment/presets';
import { parseSpec } from '../src/experiment/validate';

function bench(id: string): void {
  const parsed = parseSpec(findPreset(id)!.spec);
  if (!parsed.ok) throw new Error(`${id} does not validate`);
  const t0 = performance.now();
  const run = buildRun(parsed.spec);
  const tBuild = performance.now() - t0;
  const f = run.runToEnd();
  const total = performance.now() - t0;
  const loss = run.recorder.all().loss;
  const L0 = loss[0];
  const t = run.recorder.all().t;
  const esc = loss.findIndex((v) => v <= 0.99 * L0);
  const info = run.integrator.info();
  console.log(
    `${id}: ${(total / 1000).toFixed(1)} s wall (NCF analysis and restricted run ${(tBuild / 1000).toFixed(1)} s), ${f.step} steps, ` +
      `${Math.round(f.step / ((total - tBuild) / 1000))} steps/s, ${info.nfev !== undefined ? `${info.nfev} gradient evaluations, ` : ''}` +
      `L(0) ${L0.toFixed(4)}, escape at t = ${esc >= 0 ? t[esc].toFixed(1) : 'none'}, final loss ${f.loss.toExponential(3)} (${f.stop.reason})`,
  );
}

for (const id of process.argv.slice(2).length ? process.argv.slice(2) : ['sd-fig1-flow', 'sd-fig1']) bench(id);
