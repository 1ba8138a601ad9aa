import { expect, type Page, test } from '@playwright/test';
import { encodeSpec } from '../src/experiment/link';
import { findPreset } from '../src/experiment/presets';
import type { SpecOf } from '../src/experiment/schema';
import { parseSpec, specCost } from '../src/experiment/validate';
import { collectPageErrors } from './helpers';

/**
 * Reliability of the run layer in every lab: a runner (or comparison) script that cannot load is reported in words and
 * the next Run works once it loads again; the largest Saddles spec the validator accepts is stopped within 300 ms
 * without a long task on the page's thread.
 */

const RUNNER = '**/runner.worker-*.js';
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Run controls' });

/** Collects the page's long tasks (main-thread work over 50 ms) from the start, in window.__longTasks. */
async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.slice());
const clearLongTasks = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
  });

/** Clicks Run, answering yes when the page asks about a long run. */
async function run(page: Page) {
  await page.getByTestId('run').click();
  const question = page.getByTestId('run-question');
  if (await question.isVisible().catch(() => false)) await page.getByTestId('run-anyway').click();
}

/** Blocks the runner script, expects the failure in words, unblocks it, and expects the next run to finish. */
async function blockedThenRuns(page: Page, done: () => Promise<void>) {
  const errors = collectPageErrors(page);
  await page.route(RUNNER, (route) => route.abort());
  await run(page);
  await expect(page.getByText(/could not be loaded/).first()).toBeVisible({ timeout: 15_000 });
  await expect(toolbar(page)).toHaveAttribute('data-transport', 'done');
  await page.unroute(RUNNER);
  await run(page);
  await done();
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
  expect(errors).toEqual([]);
}

test.describe('a runner script that cannot load is reported, and the next Run works', () => {
  test('Poisoning', async ({ page }) => {
    await page.goto('/#lab=poisoning');
    await expect(toolbar(page)).toBeVisible();
    // the page opens by running its default experiment: wait for that to end first
    await expect(toolbar(page)).toHaveAttribute('data-transport', /idle|done/, { timeout: 30_000 });
    await blockedThenRuns(page, async () => {
      for (const arm of ['clean', 'poisoned']) await expect(page.locator(`[data-testid=status-${arm}][data-done=true]`)).toHaveCount(1, { timeout: 30_000 });
    });
  });

  test('Saddles', async ({ page }) => {
    await page.goto('/#lab=saddles');
    await page.getByTestId('preset-select').selectOption('sd-ex1-0.1');
    await expect(toolbar(page)).toHaveAttribute('data-transport', /idle|done/, { timeout: 30_000 });
    await blockedThenRuns(page, () => expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 30_000 }));
  });

  test('Extrapolation', async ({ page }) => {
    await page.goto('/#lab=extrapolation&page=run');
    await page.getByTestId('preset-select').selectOption('E-X3');
    await expect(toolbar(page)).toHaveAttribute('data-transport', /idle|done/, { timeout: 30_000 });
    await blockedThenRuns(page, () => expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 45_000 }));
  });

  test('Flow vs Descent', async ({ page }) => {
    await page.goto('/#lab=flow-vs-descent&page=run');
    await page.getByTestId('preset-select').selectOption('FD-Q1');
    await expect(toolbar(page)).toHaveAttribute('data-transport', /idle|done/, { timeout: 30_000 });
    await blockedThenRuns(page, () => expect(toolbar(page)).toHaveAttribute('data-transport', 'done', { timeout: 30_000 }));
  });

  test('Stability (its comparison worker)', async ({ page }) => {
    const errors = collectPageErrors(page);
    const SCRIPT = '**/stability-compare.worker-*.js';
    await page.route(SCRIPT, (route) => route.abort());
    await page.goto('/#lab=stability');
    await expect(page.getByTestId('stability-status')).toContainText(/could not be loaded/, { timeout: 15_000 });
    await page.unroute(SCRIPT);
    // the next experiment starts a fresh worker
    await page.getByTestId('stability-preset').selectOption('S-catapult');
    await expect(page.getByTestId('stability-status')).toHaveAttribute('data-updating', 'false', { timeout: 20_000 });
    await expect(page.getByTestId('stability-status')).not.toContainText(/could not be loaded/);
    await expect(page.locator('[data-testid=landscape-stability] [data-overlay=gd]')).toHaveCount(1);
    expect(errors).toEqual([]);
  });
});

test.describe('a runner worker that crashes mid-run is reported, and the next Run starts a fresh one', () => {
  const LONG_RUNS = [
    { lab: 'poisoning', url: '/#lab=poisoning&page=explore', preset: 'M-10-s4540' },
    { lab: 'saddles', url: '/#lab=saddles', preset: 'sd-fig1' },
    { lab: 'extrapolation', url: '/#lab=extrapolation&page=run', preset: 'E-1B' },
    { lab: 'flow-vs-descent', url: '/#lab=flow-vs-descent&page=run', preset: 'FD-relu' },
  ];
  for (const { lab, url, preset } of LONG_RUNS) {
    test(lab, async ({ page }) => {
      const errors = collectPageErrors(page);
      await page.goto(url);
      await page.getByTestId('preset-select').selectOption(preset);
      await expect(toolbar(page)).toHaveAttribute('data-transport', /idle|done|running/);
      if ((await toolbar(page).getAttribute('data-transport')) !== 'running') await run(page);
      await expect(toolbar(page)).toHaveAttribute('data-transport', 'running');
      await page.waitForTimeout(300);
      // an uncaught error inside the worker, as a crash would raise
      const worker = page.workers().find((w) => w.url().includes('runner.worker'));
      expect(worker, 'a runner worker is running').toBeTruthy();
      await worker!.evaluate(
        () =>
          void setTimeout(() => {
            throw new Error('simulated crash');
          }, 0),
      );
      await expect(page.getByText(/worker failed: .*simulated crash/).first()).toBeVisible({ timeout: 15_000 });
      // a second arm still running (Poisoning) is stopped; the crashed one has ended already
      if (await page.getByTestId('stop').isEnabled()) await page.getByTestId('stop').click();
      await expect(toolbar(page)).toHaveAttribute('data-transport', 'done', { timeout: 15_000 });
      // the spec is kept: Run starts it again on a fresh worker
      await expect(page.getByTestId('preset-select')).toHaveValue(preset);
      await run(page);
      await expect(toolbar(page)).toHaveAttribute('data-transport', 'running');
      await expect(page.getByText(/simulated crash/)).toHaveCount(0);
      await page.getByTestId('stop').click();
      await expect(toolbar(page)).toHaveAttribute('data-transport', 'done', { timeout: 15_000 });
      expect(errors).toEqual([]);
    });
  }
});

test('the largest Saddles spec the validator accepts: Stop within 300 ms, no main-thread task over 200 ms', async ({ page }) => {
  test.setTimeout(120_000);
  const fig1 = findPreset('sd-fig1')!.spec as SpecOf<'saddles'>;
  if (fig1.model.kind !== 'ff' || fig1.data.kind !== 'sphere') throw new Error('sd-fig1 is a feed-forward net on the sphere');
  // 64 inputs, 256 hidden units (16,640 weights), 2000 points, every step recorded
  const largest = { ...fig1, model: { ...fig1.model, d: 64, widths: [256] }, data: { ...fig1.data, n: 2000 }, record: { ...fig1.record, every: 1 } };
  const parsed = parseSpec(largest);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(specCost(parsed.spec).bytes).toBeLessThanOrEqual(500e6);
  // one more hidden unit, or the stiff solver, is refused
  expect(parseSpec({ ...largest, model: { ...largest.model, widths: [313] } }).ok).toBe(false);

  await watchLongTasks(page);
  const errors = collectPageErrors(page);
  await page.goto(`/#lab=saddles&${encodeSpec(parsed.spec)}`);
  await expect(page.getByTestId('lab-saddles')).toBeVisible();
  // a spec this long is asked about: the page says how long and waits
  const question = page.getByTestId('run-question');
  if (!(await question.isVisible().catch(() => false))) await page.getByTestId('run').click();
  await expect(question).toContainText(/may take up to about/);
  await page.waitForTimeout(500);
  await clearLongTasks(page);
  await page.getByTestId('run-anyway').click();
  await expect(toolbar(page)).toHaveAttribute('data-transport', 'running');
  // the worker is deep in the analysis of the start (minutes of work for this net)
  await page.waitForTimeout(2000);
  const latency = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const bar = document.querySelector('[role=toolbar][aria-label="Run controls"]')!;
        const t0 = performance.now();
        const check = () => {
          if (bar.getAttribute('data-transport') === 'done') resolve(performance.now() - t0);
          else requestAnimationFrame(check);
        };
        (document.querySelector('[data-testid=stop]') as HTMLButtonElement).click();
        requestAnimationFrame(check);
      }),
  );
  console.log(`stop latency ${latency.toFixed(0)} ms`);
  expect(latency).toBeLessThan(300);
  await expect(page.getByText(/Stopped\. The run was busy/).first()).toBeVisible();
  await page.waitForTimeout(500);
  const tasks = await longTasks(page);
  console.log(`long tasks after Run (ms): ${tasks.map((t) => t.toFixed(0)).join(', ') || 'none'}`);
  expect(Math.max(0, ...tasks)).toBeLessThan(200);
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  console.log(`page heap ${(heap / 1e6).toFixed(0)} MB`);
  // the spec is kept: the next Run asks again and runs it
  expect(errors).toEqual([]);
});
