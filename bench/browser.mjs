// npm run bench:browser — figures measured in headless Chromium against the built app (npm run build first):
// live wall time of each poisoning preset (both arms streaming in workers), the page's frame rate meanwhile,
// and the wall time of each four-seed "Reproduce" across the worker pool. Prints figures; asserts nothing.
// First a table of the Saddles lab's GD steps/s in a dedicated browser worker (the engine bundled on its own, wall
// clock, best of 3) beside Node's, with the final loss compared bit for bit; `npm run bench:browser -- --kernels-only`
// prints only that table (no build needed). Then the built chunks' gzip sizes, the start page's cold load to its first
// demo frame and the Stability drag's long tasks (bench/browser-page.mjs; `-- --page-only` stops there).
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';
import { chunkTable, stabilityDrag, startPageFirstFrame } from './browser-page.mjs';

const PRESETS = (await tsImport('../src/experiment/presets.ts', import.meta.url)).allPresets();
const { encodeSpec } = await tsImport('../src/experiment/link.ts', import.meta.url);

const port = 4179;
const saddlesOnly = process.argv.includes('--kernels-only');
// --page-only: the chunk sizes, the start page's cold load and the Stability drag, not the live presets
let presetsSkipped = false;
const server = saddlesOnly ? null : spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
if (server) await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  await saddlesWorkerTable(page);
  if (saddlesOnly) only.length = 0;
  if (!saddlesOnly) {
    chunkTable();
    await startPageFirstFrame(browser, `http://127.0.0.1:${port}`);
    await stabilityDrag(browser, `http://127.0.0.1:${port}`);
    if (process.argv.includes('--page-only')) presetsSkipped = true;
  }
  // The lab of the Theorem-1 presets (the one the live figures are measured on).
  const lab = PRESETS.find((p) => p.id.startsWith('thm1-')).lab;
  const presets = PRESETS.filter(
    (p) =>
      p.id.match(/^(thm1|[BMF]\d*M?)-/) &&
      (only.length ? only.some((o) => p.id.startsWith(o)) : /-s(242|342|200|1200|4540|105|100|4000|4001|4541|4543|4542|4603|302|401|403)$/.test(p.id)),
  );
  if (saddlesOnly || presetsSkipped) presets.length = 0;
  else console.log('\nLive presets (both arms streaming in two workers):');
  for (const p of presets) {
    const pageId = p.id.startsWith('thm1') ? 'thm1' : 'explore';
    await page.goto(`http://127.0.0.1:${port}/#lab=${lab}&page=thm1`);
    // One animation-frame counter per page load (the hash changes below do not reload the page).
    await page.evaluate(() => {
      window.__frames = 0;
      if (window.__counting) return;
      window.__counting = true;
      const tick = () => {
        window.__frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await page.evaluate((h) => (window.location.hash = h), `lab=${lab}&page=${pageId}&${encodeSpec(p.spec)}`);
    await page.waitForSelector('[data-testid=status-clean][data-done=true]', { timeout: 300000 });
    await page.waitForSelector('[data-testid=status-poisoned][data-done=true]', { timeout: 300000 });
    const ms = Date.now() - t0;
    const frames = await page.evaluate(() => window.__frames);
    console.log(`  ${p.id.padEnd(18)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${((1000 * frames) / ms).toFixed(0).padStart(3)} frames/s while streaming`);
  }
  if (!saddlesOnly && !presetsSkipped) {
    await page.goto(`http://127.0.0.1:${port}/#lab=${lab}&page=reproduce`);
    console.log('Reproduce (all seeds x both arms across the worker pool):');
  }
  for (const id of saddlesOnly || presetsSkipped ? [] : ['T1-7', 'T1-9', 'B-6', 'B-10', 'M-6', 'M-10']) {
    const t0 = Date.now();
    await page.getByTestId(`repro-run-${id}`).click();
    await page.waitForSelector(`[data-testid=repro-${id}][data-state=done]`, { timeout: 600000 });
    console.log(`  ${id.padEnd(6)} ${((Date.now() - t0) / 1000).toFixed(2).padStart(7)} s`);
  }
} finally {
  await browser.close();
  server?.kill();
}

/** Saddles GD in a browser worker vs Node on the same figures, steps and start (bench/browser-saddles-worker.ts). */
async function saddlesWorkerTable(page) {
  const { KERNEL_FIGURES } = await tsImport('./saddles-kernels.ts', import.meta.url);
  const { gdFigure, runGdSteps } = await tsImport('./saddles-gd.ts', import.meta.url);
  const bundle = await build({
    entryPoints: [new URL('./browser-saddles-worker.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    // .ts first: a folder may hold both sweeps.ts and Sweeps.tsx
    resolveExtensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
  });
  // any http origin will do for a worker from a blob: a blank page served by the browser context itself
  await page.route('http://saddles.bench/**', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Saddles bench</title>' }));
  await page.goto('http://saddles.bench/');
  const hex = (x) => Buffer.from(Float64Array.of(x).buffer).toString('hex');
  const wall = () => performance.now() / 1000;
  console.log('| Saddles figure, GD | browser worker | Node | worker / Node | final loss |');
  console.log('|---|---:|---:|---:|---|');
  for (const fig of KERNEL_FIGURES) {
    const steps = Math.round(fig.steps / 2);
    const res = await page.evaluate(
      ({ code, id, steps }) =>
        new Promise((resolve, reject) => {
          const w = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          w.onmessage = (e) => {
            w.terminate();
            resolve(e.data);
          };
          w.onerror = (e) => reject(new Error(e.message));
          w.postMessage({ id, steps, repeats: 3 });
        }),
      { code: bundle.outputFiles[0].text, id: fig.id, steps },
    );
    const s = gdFigure(fig.id);
    let best = Number.POSITIVE_INFINITY;
    let node = null;
    for (let r = 0; r < 3; r++) {
      node = runGdSteps(s, steps, wall);
      best = Math.min(best, node.seconds);
    }
    const nodeRate = steps / best;
    const same = res.loss === hex(node.loss) && res.sum === hex(node.sum);
    console.log(
      `| ${fig.label} | ${Math.round(res.rate).toLocaleString('en')} steps/s | ${Math.round(nodeRate).toLocaleString('en')} steps/s | ${((100 * res.rate) / nodeRate).toFixed(0)} % | ${same ? 'same bits' : 'DIFFERENT BITS'} |`,
    );
  }
}
