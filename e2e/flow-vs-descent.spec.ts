import { expect, type Page, test } from '@playwright/test';
import { encodeSpec } from '../src/experiment/link';
import { findPreset } from '../src/experiment/presets';
import type { LabId, SpecOf } from '../src/experiment/schema';
import { parseSpec } from '../src/experiment/validate';
import { clearLongTasks, collectPageErrors, longTasks, openRunPage, shot, specOnScreen as labSpecOnScreen, watchLongTasks } from './helpers';

/** The Flow vs Descent lab (paper 001): a run streams and finishes, click-to-place, pause / resume, links, Reproduce. */

// Spelled out (typed against the registry), not read from the lab's core: importing the core first would load it
// ahead of the registry it is in an import cycle with (./helpers loads the registry).
const LAB = 'flow-vs-descent' satisfies LabId;
const LAND = '[data-testid=landscape-fd]';

const open = (page: Page, preset?: string) => openRunPage(page, LAB, 'page-fd-run', preset);
const specOnScreen = (page: Page) => labSpecOnScreen(page, LAB, { close: true });

const status = (page: Page) => page.getByTestId('fd-status');

test('FD-DLN3 runs to T = 30 in the browser: every GD run converges and max D / eta matches the lab spec', async ({ page }) => {
  const errors = collectPageErrors(page);
  await open(page, 'FD-DLN3');
  const t0 = Date.now();
  await page.getByTestId('run').click();
  await expect(status(page)).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  console.log(`[bench] FD-DLN3 (flow + error ODE + 3 GD runs, spectra at 300 stamps) live: ${Date.now() - t0} ms`);
  for (const [i, eta, want] of [
    [0, 1e-3, 0.38792],
    [1, 1e-2, 0.38776],
    [2, 1e-1, 0.38541],
  ] as const) {
    const arm = page.getByTestId(`fd-arm-${i}`);
    await expect(arm).toHaveAttribute('data-outcome', 'converged');
    const maxD = Number(await arm.getAttribute('data-maxd'));
    expect(Math.abs(maxD / eta - want) / want).toBeLessThan(2e-4);
  }
  for (const id of ['fd-loss', 'fd-gap', 'fd-distance', 'fd-curvature', 'fd-im', 'fd-unbalance', 'fd-phase']) await expect(page.getByTestId(`plot-${id}`)).toBeVisible();
  await page.screenshot({ path: shot('fd-run-dln3.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('pause, one stamp, resume: the run goes on from where it stood', async ({ page }) => {
  await open(page, 'FD-relu');
  await page.getByTestId('run').click();
  await expect.poll(async () => Number(await status(page).getAttribute('data-t'))).toBeGreaterThan(0);
  await page.getByTestId('pause').click();
  await expect(page.getByRole('toolbar', { name: 'Run controls' })).toHaveAttribute('data-transport', 'paused');
  const paused = Number(await status(page).getAttribute('data-t'));
  await page.waitForTimeout(500);
  // paused: the flow does not move on (one more frame may have been in flight)
  const still = Number(await status(page).getAttribute('data-t'));
  expect(still - paused).toBeLessThanOrEqual(2);
  await page.getByTestId('step').click();
  await expect.poll(async () => Number(await status(page).getAttribute('data-t'))).toBeGreaterThan(still);
  await page.getByTestId('stop').click();
  await expect(status(page)).toHaveAttribute('data-done', 'true');
  await expect(status(page)).toContainText('Stopped by the user');
});

test('a click on the Q2 landscape places the start, a shift-click a separate GD start; the link carries both and reruns them', async ({ page, context }) => {
  await open(page, 'FD-Q2');
  await expect(page.locator(`${LAND}[data-grid="120x120"]`)).toHaveCount(1);
  const svg = page.locator(`${LAND} svg[role=img]`);
  const box = (await svg.boundingBox())!;
  await svg.click({ position: { x: 48 + (box.width - 60) * 0.25, y: 8 + (box.height - 44) * 0.25 } });
  let { spec } = await specOnScreen(page);
  if (spec.lab !== LAB || spec.objective.family !== 'quadratic') throw new Error('not a quadratic');
  const [q1, q2] = spec.objective.q0;
  // the home view spans about [-0.15, 1.15] on both axes (the start (1, 1) and the minimum)
  expect(q1).toBeLessThan(0.5);
  expect(q2).toBeGreaterThan(0.5);
  await expect(page.getByTestId('preset-select')).toHaveValue('');

  await svg.click({ position: { x: 48 + (box.width - 60) * 0.75, y: 8 + (box.height - 44) * 0.75 }, modifiers: ['Shift'] });
  ({ spec } = await specOnScreen(page));
  if (spec.lab !== LAB) throw new Error('wrong lab');
  expect(spec.gdStart?.[0]).toBeGreaterThan(0.5);
  expect(spec.gdStart?.[1]).toBeLessThan(0.5);

  const { link } = await specOnScreen(page);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('fd-status')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  // the rerun's GD starts at the shift-clicked point: its distance to the flow at t = 0 is the distance between the starts
  const maxD = Number(await other.getByTestId('fd-arm-0').getAttribute('data-maxd'));
  expect(maxD).toBeGreaterThanOrEqual(Math.hypot(spec.gdStart![0] - q1, spec.gdStart![1] - q2) - 1e-9);
  await other.screenshot({ path: shot('fd-q2-two-starts.png'), fullPage: true });
});

test('a refused edit names its field and keeps the experiment', async ({ page }) => {
  await open(page, 'FD-DLN3');
  const before = (await specOnScreen(page)).spec;
  const etas = page.getByTestId('fd-etas');
  await etas.fill('0.1, 12');
  await etas.press('Enter');
  await expect(page.getByText(/eta must be at most 10/)).toBeVisible();
  expect((await specOnScreen(page)).spec).toEqual(before);
});

test('the Reproduce page runs a card in the pool and judges it', async ({ page }) => {
  await page.goto(`/#lab=${LAB}&page=reproduce`);
  await page.getByTestId('repro-run-FD-DLN3').click();
  await expect(page.getByTestId('repro-verdict-FD-DLN3')).toHaveAttribute('data-holds', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('repro-rows-FD-DLN3')).toContainText('max D/η');
});

test('FD-DLN3 (flow, error ODE, three GD runs) streams to its end with the page responsive; its longest main-thread task is printed', async ({ page }) => {
  const errors = collectPageErrors(page);
  await watchLongTasks(page);
  await open(page, 'FD-DLN3');
  // settle the page first: only the tasks while the run streams are counted
  await page.waitForTimeout(500);
  await clearLongTasks(page);
  const t0 = Date.now();
  await page.getByTestId('run').click();
  await expect(status(page)).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  const ms = Date.now() - t0;
  const tasks = await longTasks(page);
  console.log(
    `[bench] FD-DLN3 streamed in ${ms} ms; main-thread tasks over 50 ms: ${tasks.length} (longest ${Math.max(0, ...tasks).toFixed(0)} ms: ${tasks.map((t) => t.toFixed(0)).join(', ') || 'none'})`,
  );
  // robust: the run completes with every arm converged, and the plots are drawn
  for (let i = 0; i < 3; i++) await expect(page.getByTestId(`fd-arm-${i}`)).toHaveAttribute('data-outcome', 'converged');
  await expect(page.getByTestId('plot-fd-distance')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the live MNIST mode runs one worker per run (the flow with eta0, one per eta0/r) and merges them into one table', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  // FD-MN-live made small by its link: 8 images to t = 0.1 (eta0 = 1e-3 and eta0/2, eta0/5)
  const live = findPreset('FD-MN-live')!.spec as SpecOf<'flow-vs-descent'>;
  const parsed = parseSpec({ ...live, objective: { family: 'mnist', net: 'fclin', images: 8, seed: 1 }, horizon: 0.1, stamps: 10 });
  if (!parsed.ok) throw new Error('the small live spec is refused');
  await page.goto(`/#lab=${LAB}&page=run&${encodeSpec(parsed.spec)}`);
  // a run of about a second (its estimate: 800 GD steps and about 200 flow steps on 42,200 weights) starts at once,
  // without the question a long run asks first
  await expect(status(page)).toHaveAttribute('data-done', 'true', { timeout: 90_000 });
  await expect(page.getByTestId('run-anyway')).toHaveCount(0);
  // three runner workers, one per run, by the names the run layer gives them
  const names = await Promise.all(
    page
      .workers()
      .filter((w) => w.url().includes('runner.worker'))
      .map((w) => w.evaluate(() => (self as unknown as { name: string }).name)),
  );
  expect(names.sort()).toEqual(['flow-vs-descent-mnist-w0', 'flow-vs-descent-mnist-w1', 'flow-vs-descent-mnist-w2']);
  // one table: the eta0 run and both eta0/r runs, each with its gap to the flow; the drift between the runs is plotted
  for (let i = 0; i < 3; i++) {
    const maxD = Number(await page.getByTestId(`fd-arm-${i}`).getAttribute('data-maxd'));
    expect(maxD).toBeGreaterThan(0);
    expect(Number.isFinite(maxD)).toBe(true);
  }
  // D grows with the step: eta0 strays furthest from the flow, eta0/5 least
  const d = await Promise.all([0, 1, 2].map(async (i) => Number(await page.getByTestId(`fd-arm-${i}`).getAttribute('data-maxd'))));
  expect(d[0]).toBeGreaterThan(d[1]);
  expect(d[1]).toBeGreaterThan(d[2]);
  await expect(page.getByTestId('plot-fd-drift')).toBeVisible();
  expect(errors).toEqual([]);
});
