// npm run bench:browser — figures measured in headless Chromium against the built app (npm run build first):
// live wall time of each poisoning preset (both arms streaming in workers), the page's frame rate meanwhile,
// and the wall time of each four-seed "Reproduce" across the worker pool. Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';

const { PRESETS } = await tsImport('../src/experiment/presets.ts', import.meta.url);
const { encodeSpec } = await tsImport('../src/experiment/link.ts', import.meta.url);

const port = 4179;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const only = process.argv.slice(2);
  // The lab of the Theorem-1 presets (the one the live figures are measured on).
  const lab = PRESETS.find((p) => p.id.startsWith('thm1-')).lab;
  const presets = PRESETS.filter(
    (p) =>
      p.id.match(/^(thm1|[BMF]\d*M?)-/) &&
      (only.length ? only.some((o) => p.id.startsWith(o)) : /-s(242|342|200|1200|4540|105|100|4000|4001|4541|4543|4542|4603|302|401|403)$/.test(p.id)),
  );
  console.log('Live presets (both arms streaming in two workers):');
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
  await page.goto(`http://127.0.0.1:${port}/#lab=${lab}&page=reproduce`);
  console.log('Reproduce (all seeds x both arms across the worker pool):');
  for (const id of ['T1-7', 'T1-9', 'B-6', 'B-10', 'M-6', 'M-10']) {
    const t0 = Date.now();
    await page.getByTestId(`repro-run-${id}`).click();
    await page.waitForSelector(`[data-testid=repro-${id}][data-state=done]`, { timeout: 600000 });
    console.log(`  ${id.padEnd(6)} ${((Date.now() - t0) / 1000).toFixed(2).padStart(7)} s`);
  }
} finally {
  await browser.close();
  server.kill();
}
