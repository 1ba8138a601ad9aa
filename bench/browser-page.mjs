// The page's own figures for `npm run bench:browser` (issue goals: first load, cold load to first data, a smooth drag):
// gzip sizes of the built chunks (and of what the start page loads before it draws), the start page's first demo
// frame on cold loads, and the longest main-thread tasks while the Stability start is dragged over a 1e6-step run.
// Prints figures; asserts nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

// the build's folder (resolved from the repository root: dist/ exists only after a build)
const DIST = `${new URL('..', import.meta.url).pathname}dist/`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Every JavaScript chunk of the build with its gzip size; the entry and its preloads are what the start page needs first. */
export function chunkTable() {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const first = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  const rows = readdirSync(`${DIST}assets`)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const bytes = readFileSync(`${DIST}assets/${f}`);
      return { f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gz - a.gz);
  const firstGz = rows.filter((r) => first.has(r.f)).reduce((s, r) => s + r.gz, 0);
  console.log(`\nBuilt chunks (gzip -9), largest first; * = loaded before the start page draws (${kb(firstGz)} gzip in all, goal 150 KB):`);
  console.log('| chunk | size | gzip |');
  console.log('|---|---:|---:|');
  for (const r of rows) console.log(`| ${first.has(r.f) ? '* ' : ''}${r.f.replace(/-[\w-]{8}\.js$/, '.js')} | ${kb(r.raw)} | ${kb(r.gz)} |`);
}

/** The start page's first demo frame (ms from navigation) on `runs` cold loads: a fresh browser context each. */
export async function startPageFirstFrame(browser, origin, runs = 5) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.goto(`${origin}/`);
    const demo = page.getByTestId('start-demo');
    await demo.and(page.locator('[data-first-draw-ms]')).waitFor({ timeout: 20000 });
    ms.push(Number(await demo.getAttribute('data-first-draw-ms')));
    await ctx.close();
  }
  ms.sort((a, b) => a - b);
  console.log(`\nStart page, cold load to the demo's first data on screen: median ${ms[Math.floor(ms.length / 2)]} ms (${ms.join(', ')}; goal 1500 ms)`);
}

/** Long main-thread tasks while the Stability start and the eta slider are dragged, 1 s each, over S-chaos at 1e6 steps. */
export async function stabilityDrag(browser, origin, runs = 3) {
  const { STABILITY_PRESET_ROWS, stabilitySpecFromRow } = await tsImport('../src/labs/stability/schema.ts', import.meta.url);
  const { encodeSpec } = await tsImport('../src/experiment/link.ts', import.meta.url);
  const { dragStabilityStartAndEta } = await tsImport('./stability-drag.ts', import.meta.url);
  const chaos = stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === 'S-chaos'));
  const hash = encodeSpec({ ...chaos, stop: { ...chaos.stop, maxSteps: 1e6 } });
  console.log('\nStability, dragging the start then the η slider (1 s each) over S-chaos at 1e6 steps (goal: no task over 50 ms):');
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${origin}/#lab=stability&${hash}`);
    await page.getByTestId('stability-status').and(page.locator('[data-steps="1000000"]')).waitFor({ timeout: 30000 });
    await page.waitForTimeout(800);
    await page.evaluate(() => {
      window.__lt = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push(Math.round(e.duration)))).observe({ type: 'longtask' });
    });
    const box = await page.locator('[data-testid="landscape-stability"] svg[role=img]').boundingBox();
    const { moves, slides } = await dragStabilityStartAndEta(page, { x: box.x + box.width * 0.55, y: box.y + box.height * 0.45 });
    await page.waitForTimeout(1500);
    const lt = await page.evaluate(() => window.__lt);
    console.log(`  ${2 * moves} landscape moves, ${2 * slides} slider moves: ${lt.length} tasks over 50 ms${lt.length ? ` (longest ${Math.max(...lt)} ms)` : ''}`);
    await page.close();
  }
}
