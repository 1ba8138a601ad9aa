import { expect, type Page, test } from '@playwright/test';
import { encodeSpec } from '../src/experiment/link';
import { findPreset } from '../src/experiment/presets';
import { CONFIRM_SECONDS, durationWords, MEMORY_BUDGET } from '../src/experiment/cost';
import type { Spec, SpecOf } from '../src/experiment/schema';
import { parseSpec, specCost } from '../src/experiment/validate';
import { clearLongTasks, collectPageErrors, longTasks, watchLongTasks } from './helpers';

/**
 * Reliability of the run layer in every lab: a runner (or comparison) script that cannot load is reported in words and
 * the next Run works once it loads again; the largest spec each lab accepts runs from its link and stops; after a
 * diverged run no raw non-finite or full-precision number is shown.
 */

const RUNNER = '**/runner.worker-*.js';
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Run controls' });

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

test('the largest Saddles spec the validator accepts: Stop ends the busy analysis at once (its latency and the longest main-thread task printed)', async ({ page }) => {
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
  // timings are printed against their targets, not asserted (the shared 2-core machine makes them noise)
  console.log(`[bench] largest saddles spec: stop latency ${latency.toFixed(0)} ms (target 300)`);
  await expect(page.getByText(/Stopped\. The run was busy/).first()).toBeVisible();
  await page.waitForTimeout(500);
  const tasks = await longTasks(page);
  console.log(`[bench] largest saddles spec: long tasks after Run (ms, target under 200): ${tasks.map((t) => t.toFixed(0)).join(', ') || 'none'}`);
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  console.log(`[bench] largest saddles spec: page heap ${(heap / 1e6).toFixed(0)} MB`);
  // the spec is kept: the next Run asks again and runs it
  expect(errors).toEqual([]);
});

/**
 * The JS heap in use in the page and in each of its workers, in bytes: the page's from CDP Performance.getMetrics
 * (JSHeapUsedSize), each dedicated worker's from Runtime.getHeapUsage through a browser-level CDP session (the runs
 * live in the workers, and so would their memory).
 */
async function heapUsed(page: Page): Promise<{ page: number; workers: number; count: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const pageHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  const browser = await page.context().browser()!.newBrowserCDPSession();
  const { targetInfos } = await browser.send('Target.getTargets');
  let workers = 0;
  let count = 0;
  for (const t of targetInfos.filter((x) => x.type === 'worker')) {
    // a worker may end at any point of this probe (the link worker ends once it has read the link): it is skipped
    const attached = await browser.send('Target.attachToTarget', { targetId: t.targetId, flatten: false }).catch(() => null);
    if (!attached) continue;
    const { sessionId } = attached;
    const used = new Promise<number>((resolve) => {
      const listen = (e: { sessionId: string; message: string }) => {
        const msg = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
        if (e.sessionId === sessionId && msg.id === 1) {
          browser.off('Target.receivedMessageFromTarget', listen);
          resolve(msg.result?.usedSize ?? 0);
        }
      };
      browser.on('Target.receivedMessageFromTarget', listen);
    });
    const sent = await browser
      .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) })
      .then(() => true)
      .catch(() => false);
    const size = sent ? await Promise.race([used, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 2000))]) : -1;
    if (size >= 0) {
      workers += size;
      count++;
    }
    await browser.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
  await browser.detach();
  return { page: pageHeap, workers, count };
}
type Heap = Awaited<ReturnType<typeof heapUsed>>;
const total = (h: Heap) => h.page + h.workers;
const mb = (h: Heap) => `${(total(h) / 1e6).toFixed(0)} MB (page ${(h.page / 1e6).toFixed(0)}, ${h.count} workers ${(h.workers / 1e6).toFixed(0)})`;

/** The JS heap of the page and its workers may not pass this while the largest accepted spec of a lab runs. */
const HEAP_CEILING = 1.5e9;

/** Clicks Stop on the page's thread and resolves with the ms until the toolbar says done (null after 10 s). */
const stopLatency = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const bar = document.querySelector('[role=toolbar][aria-label="Run controls"]')!;
        const t0 = performance.now();
        const check = () => {
          const ms = performance.now() - t0;
          if (bar.getAttribute('data-transport') === 'done') resolve(ms);
          else if (ms > 10_000) resolve(null);
          else requestAnimationFrame(check);
        };
        (document.querySelector('[data-testid=stop]') as HTMLButtonElement).click();
        requestAnimationFrame(check);
      }),
  );

/**
 * Opens the largest spec a lab accepts by its link, runs it (answering the page's question about a long run), lets it
 * work for a few seconds, stops it: Stop is handled (its latency printed beside the 1 s target), the status says stopped, the heap stays under the
 * ceiling, no page error. Prints the timings.
 */
async function largestRun(page: Page, spec: Spec, pageName: string, stopped: RegExp) {
  const parsed = parseSpec(spec);
  expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.issues)).toBe(true);
  if (!parsed.ok) return;
  const cost = specCost(parsed.spec);
  expect(cost.bytes).toBeLessThanOrEqual(MEMORY_BUDGET);
  await watchLongTasks(page);
  const errors = collectPageErrors(page);
  const t0 = Date.now();
  await page.goto(`/#lab=${spec.lab}&page=${pageName}&${encodeSpec(parsed.spec)}`);
  await expect(toolbar(page)).toBeVisible({ timeout: 60_000 });
  const opened = Date.now() - t0;
  const openTasks = await longTasks(page);
  const heap0 = await heapUsed(page);
  const question = page.getByTestId('run-question');
  if (!(await question.isVisible().catch(() => false)) && (await toolbar(page).getAttribute('data-transport')) !== 'running') await page.getByTestId('run').click();
  if (cost.seconds > CONFIRM_SECONDS) {
    await expect(question).toContainText(/may take up to about/);
    await page.getByTestId('run-anyway').click();
  }
  await expect(toolbar(page)).toHaveAttribute('data-transport', 'running');
  await clearLongTasks(page);
  const t1 = Date.now();
  let heapMax = 0;
  while (Date.now() - t1 < 5000) {
    heapMax = Math.max(heapMax, total(await heapUsed(page)));
    await page.waitForTimeout(500);
  }
  const tasks = await longTasks(page);
  const latency = await stopLatency(page);
  // Stop is handled and the run ends (the 1 s target is printed, not asserted: timings on the shared 2-core machine are noise)
  expect(latency, 'Stop handled').not.toBeNull();
  await expect(page.getByText(stopped).first()).toBeVisible();
  const heap1 = await heapUsed(page);
  console.log(
    `[bench] largest ${spec.lab} spec (estimate ${durationWords(cost.seconds)}, ${(cost.bytes / 1e6).toFixed(0)} MB): link opened in ${opened} ms ` +
      `(longest task ${Math.max(0, ...openTasks).toFixed(0)} ms); stop latency ${latency?.toFixed(0)} ms (target 1000); ` +
      `longest main-thread task while running ${Math.max(0, ...tasks).toFixed(0)} ms (${tasks.length} over 50 ms); ` +
      `JS heap ${mb(heap0)} at load, at most ${(heapMax / 1e6).toFixed(0)} MB while running, ${mb(heap1)} after Stop`,
  );
  expect(Math.max(heapMax, total(heap1))).toBeLessThan(HEAP_CEILING);
  // the page still answers: the spec is kept and Run can start again
  await expect(page.getByTestId('run')).toBeEnabled();
  expect(errors).toEqual([]);
}

test.describe('the largest spec each lab accepts, opened by its link and run: Stop is handled, the heap stays bounded', () => {
  test.setTimeout(120_000);

  test('Poisoning Explore: d = 256 with B, C trained, a 64 x 4 head, 512 sequences of 64, every step recorded', async ({ page }) => {
    const base = findPreset('M-10-s4540')!.spec as SpecOf<'poisoning'>;
    const sequences = Array.from({ length: 512 }, (_, i) => ({ x: Array.from({ length: 64 }, (_, j) => Math.sin(i * 64 + j)), special: i === 511, enabled: true }));
    const largest = {
      ...base,
      model: { ...base.model, d: 256, trainBC: true, head: { width: 64, depth: 4 } },
      data: { ...base.data, length: 64, sequences },
      stop: { ...base.stop, maxSteps: 1e9 },
      record: { ...base.record, every: 1 },
    } as SpecOf<'poisoning'>;
    // every size field is at its limit: one more of any is refused
    expect(parseSpec({ ...largest, model: { ...largest.model, d: 257 } }).ok).toBe(false);
    expect(parseSpec({ ...largest, data: { ...largest.data, sequences: [...sequences, sequences[0]] } }).ok).toBe(false);
    await largestRun(page, largest, 'explore', /Stopped/);
  });

  test('Stability: d = 64 in data mode with 64 points, 1e9 GD steps, every step recorded (a new preset picked replaces it)', async ({ page }) => {
    const base = findPreset('S-chaos')!.spec as SpecOf<'stability'>;
    const x = Array.from({ length: 64 }, (_, i) => 1 + (i % 7) / 10);
    const y = x.map((v) => 2 * v);
    const largest = {
      ...base,
      model: { phi: 2, d: 64, data: { x, y } },
      init: { kind: 'random', scale: 1, structure: 'gaussian' },
      stop: { ...base.stop, maxSteps: 1e9 },
      record: { every: 1, perDecade: 40 },
    } as SpecOf<'stability'>;
    const parsed = parseSpec(largest);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parseSpec({ ...largest, model: { ...largest.model, d: 65 } }).ok).toBe(false);
    expect(parseSpec({ ...largest, stop: { ...largest.stop, maxSteps: 1e9 + 1 } }).ok).toBe(false);
    const cost = specCost(parsed.spec);
    expect(cost.bytes).toBeLessThanOrEqual(MEMORY_BUDGET);
    await watchLongTasks(page);
    const errors = collectPageErrors(page);
    await page.goto(`/#lab=stability&${encodeSpec(parsed.spec)}`);
    const status = page.getByTestId('stability-status');
    await expect(status).toBeVisible();
    const heap0 = await heapUsed(page);
    await clearLongTasks(page);
    // The lab runs its experiment as soon as it is opened (no Run or Stop button): it works for 5 s ...
    let heapMax = 0;
    const t0 = Date.now();
    while (Date.now() - t0 < 5000) {
      heapMax = Math.max(heapMax, total(await heapUsed(page)));
      await page.waitForTimeout(500);
    }
    const tasks = await longTasks(page);
    // ... and a preset picked then replaces it (its worker is ended): the page answers with the new run
    const t1 = Date.now();
    await page.getByTestId('stability-preset').selectOption('S-catapult');
    await expect(status).toHaveAttribute('data-updating', 'false', { timeout: 20_000 });
    const replaced = Date.now() - t1;
    await expect(status).toHaveAttribute('data-outcome', /.+/);
    const heap1 = await heapUsed(page);
    console.log(
      `[bench] largest stability spec (estimate ${durationWords(cost.seconds)}, ${(cost.bytes / 1e6).toFixed(0)} MB): a new preset shown ${replaced} ms after the pick (target 1000); ` +
        `longest main-thread task while running ${Math.max(0, ...tasks).toFixed(0)} ms (${tasks.length} over 50 ms); ` +
        `JS heap ${mb(heap0)} at load, at most ${(heapMax / 1e6).toFixed(0)} MB while running, ${mb(heap1)} after`,
    );
    expect(Math.max(heapMax, total(heap1))).toBeLessThan(HEAP_CEILING);
    expect(errors).toEqual([]);
  });

  test('Extrapolation: a full 64-dimensional student, k = 200, 1e6 Adam steps, every step recorded, H = 1000', async ({ page }) => {
    const base = findPreset('E-1B')!.spec as SpecOf<'extrapolation'>;
    const largest = {
      ...base,
      student: { ...base.student, d: 64 },
      training: { ...base.training, k: 200 },
      stop: { ...base.stop, maxSteps: 1e6 },
      record: { ...base.record, every: 1 },
      eval: { ...base.eval, H: 1000, hankelN: 100 },
    } as SpecOf<'extrapolation'>;
    expect(parseSpec({ ...largest, student: { ...largest.student, d: 65 } }).ok).toBe(false);
    expect(parseSpec({ ...largest, stop: { ...largest.stop, maxSteps: 1e6 + 1 } }).ok).toBe(false);
    await largestRun(page, largest, 'run', /Stopped/);
  });

  test('Flow vs Descent: a 2-64-64-64-64-64-1 ReLU net (16,576 parameters) on 256 points, error ODE, six GD runs, 2e7 iterates to T = 1e4', async ({ page }) => {
    const base = findPreset('FD-relu')!.spec as SpecOf<'flow-vs-descent'>;
    if (base.objective.family !== 'fc') throw new Error('FD-relu is a fully connected net');
    const largest = {
      ...base,
      objective: { ...base.objective, widths: [2, 64, 64, 64, 64, 64, 1], data: { kind: 'circle' as const, count: 256 } },
      etas: [0.003, 0.003, 0.003, 0.003, 0.003, 0.003],
      horizon: 1e4,
      stamps: 2000,
      errorOde: true,
      spectrum: false,
    } as SpecOf<'flow-vs-descent'>;
    // a sixth hidden layer (over 20,000 parameters), a seventh GD run, a smaller eta (over 2e7 iterates) or spectra are refused
    if (largest.objective.family !== 'fc') return;
    expect(parseSpec({ ...largest, objective: { ...largest.objective, widths: [2, 64, 64, 64, 64, 64, 64, 1] } }).ok).toBe(false);
    expect(parseSpec({ ...largest, etas: [...largest.etas, 0.003] }).ok).toBe(false);
    expect(parseSpec({ ...largest, etas: [0.0029, ...largest.etas.slice(1)] }).ok).toBe(false);
    expect(parseSpec({ ...largest, spectrum: true }).ok).toBe(false);
    await largestRun(page, largest, 'run', /Stopped/);
  });
});

test.describe('after a diverged run the results say so in words: no raw ∞, Infinity, NaN or 16-digit numbers', () => {
  /** Raw non-finite values, or numbers printed to (nearly) all their digits. */
  const RAW = /∞|Infinity|NaN|\d{16,}|\d\.\d{12,}/;
  /** The page's text outside its plots (axis ticks are the plots' own), one text node a line, with the lab's notation for a limit (Q(∞)) left out. */
  const resultsText = (page: Page) =>
    page.evaluate(() => {
      const lines: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('svg, canvas, .katex, option, script, style')) continue;
        const text = (n.textContent ?? '').replace(/Q\(∞\)|Q∞/g, 'Q').trim();
        if (text) lines.push(text);
      }
      return lines;
    });
  const dln3 = findPreset('FD-DLN3')!.spec as SpecOf<'flow-vs-descent'>;
  const x3 = findPreset('E-X3')!.spec as SpecOf<'extrapolation'>;
  const sd = findPreset('sd-ex1-0.1')!.spec as SpecOf<'saddles'>;
  // (Poisoning's explore runs did not diverge even by GD at its largest step size, 100: they are not in this list.)
  const armDiverged = (page: Page) => page.locator('[data-testid^=fd-arm-][data-outcome=diverged]').first();
  const CASES: { name: string; spec: Spec; page?: string; diverged: (page: Page) => ReturnType<Page['locator']> }[] = [
    { name: 'Stability S-div1', spec: findPreset('S-div1')!.spec, diverged: (p) => p.locator('[data-testid=stability-status][data-outcome=diverged]') },
    { name: 'Stability S-div2', spec: findPreset('S-div2')!.spec, diverged: (p) => p.locator('[data-testid=stability-status][data-outcome=diverged]') },
    { name: 'Flow vs Descent FD-DLN3 at eta 5 and 10', spec: { ...dln3, etas: [0.1, 5, 10] }, page: 'run', diverged: armDiverged },
    {
      name: 'Extrapolation E-X3 by GD at eta 100',
      spec: { ...x3, optim: { kind: 'gd', lr: 100 } } as Spec,
      page: 'run',
      diverged: (p) => p.getByTestId('run-status').getByText(/Diverged at step/),
    },
    {
      name: 'Saddles sd-ex1-0.1 by GD at eta 100',
      spec: { ...sd, optim: { kind: 'gd', lr: 100 }, stop: { ...sd.stop, maxTime: 1e13, maxSteps: 1e4 } } as Spec,
      diverged: (p) => p.getByTestId('status').getByText(/diverge/i),
    },
  ];
  test('Flow vs Descent sweep table with diverged step sizes (FD-DLN3-eta at eta 0.1, 0.7, 1, 5, 10)', async ({ page }) => {
    const errors = collectPageErrors(page);
    const eta = findPreset('FD-DLN3-eta')!.spec as SpecOf<'flow-vs-descent'>;
    const parsed = parseSpec({ ...eta, sweep: { ...eta.sweep!, etas: [0.1, 0.7, 1, 5, 10] } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await page.goto(`/#lab=flow-vs-descent&page=sweep&${encodeSpec(parsed.spec)}`);
    await page.getByTestId('sweep-run').click();
    await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(page.locator('main table').getByText('diverged').first()).toBeVisible();
    const raw = (await resultsText(page)).filter((line) => RAW.test(line));
    expect(raw, 'lines with raw numbers').toEqual([]);
    expect(errors).toEqual([]);
  });

  for (const { name, spec, page: pageName, diverged } of CASES) {
    test(name, async ({ page }) => {
      const errors = collectPageErrors(page);
      const parsed = parseSpec(spec);
      expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.issues)).toBe(true);
      if (!parsed.ok) return;
      await page.goto(`/#lab=${spec.lab}${pageName ? `&page=${pageName}` : ''}&${encodeSpec(parsed.spec)}`);
      if (spec.lab === 'stability') {
        await expect(page.getByTestId('stability-status')).toHaveAttribute('data-updating', 'false', { timeout: 30_000 });
        await expect(page.getByTestId('stability-status')).toHaveAttribute('data-outcome', 'diverged');
      } else {
        await expect(toolbar(page)).toBeVisible();
        if ((await toolbar(page).getAttribute('data-transport')) === 'idle') await run(page);
        await expect(toolbar(page)).toHaveAttribute('data-transport', 'done', { timeout: 60_000 });
      }
      // the run did diverge, and says so
      await expect(diverged(page)).toBeVisible();
      const raw = (await resultsText(page)).filter((line) => RAW.test(line));
      expect(raw, 'lines with raw numbers').toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
