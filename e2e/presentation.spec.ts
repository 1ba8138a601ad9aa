import { expect, type Page, test } from '@playwright/test';
import { LAB_UIS, NAV_LABS } from '../src/labs/ui-registry';
import { encodeSpec } from '../src/experiment/link';
import type { LabId } from '../src/experiment/schema';
import { collectPageErrors, presetSpec, shot, storedSpec } from './helpers';

/** The address of lesson step k (1-based) of a lab, as the presentation bar's arrows make it. */
function stepHash(lab: LabId, steps: readonly { presetId: string; page?: string }[], k: number): string {
  const step = steps[k - 1];
  const p = new URLSearchParams({ lab, ...(step.page ? { page: step.page } : {}), present: '1', step: String(k) });
  return `#${p.toString()}&${encodeSpec(presetSpec(step.presetId))}`;
}

/** Whether an address is lesson step 1. */
const isStepOne = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('step') === '1';

const rootFontPx = (page: Page) => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));

test('presentation mode from the Share menu: large type, controls hidden, lesson steps with the arrow keys, a plot full screen with its readout', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lesson = LAB_UIS.poisoning.lesson;
  await page.goto('/#lab=poisoning&page=thm1');
  await expect(page.getByTestId('lab-poisoning')).toBeVisible();
  const normal = await rootFontPx(page);
  const titleSize = await page
    .getByTestId('plot-loss')
    .locator('h3')
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  await page.getByTestId('present').click();

  const bar = page.getByTestId('presentation');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText(`${lesson.length} steps`);
  expect(await rootFontPx(page)).toBeGreaterThanOrEqual(1.5 * normal);
  const bigTitle = await page
    .getByTestId('plot-loss')
    .locator('h3')
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(bigTitle).toBeGreaterThanOrEqual(1.5 * titleSize);
  // the header, the controls column, the page tabs and the run toolbar are hidden; the plots stay
  await expect(page.locator('header')).toBeHidden();
  await expect(page.getByTestId('field-seed')).toBeHidden();
  await expect(page.getByTestId('run')).toBeHidden();
  await expect(page.getByTestId('tab-explore')).toBeHidden();
  await expect(page.getByTestId('plot-loss')).toBeVisible();

  // → loads and runs step 1's preset; → again step 2; ← back to step 1
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('lesson-step')).toContainText(lesson[0].title);
  expect(await storedSpec(page, 'poisoning')).toEqual(presetSpec(lesson[0].presetId));
  for (const arm of ['clean', 'poisoned']) await expect(page.locator(`[data-testid=status-${arm}][data-done=true]`)).toHaveCount(1, { timeout: 60_000 });
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('lesson-step')).toContainText(lesson[1].title);
  await page.keyboard.press('ArrowLeft');
  await expect(bar).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('lesson-step')).toContainText(lesson[0].title);
  // the last step switches page and experiment: the explore page with its GD preset
  const last = lesson.length;
  for (let k = 2; k <= last; k++) {
    await page.keyboard.press('ArrowRight');
    await expect(bar).toHaveAttribute('data-step', String(k));
  }
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-step', String(last));
  expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('page')).toBe(lesson[last - 1].page ?? null);
  await expect.poll(() => storedSpec(page, 'poisoning')).toEqual(presetSpec(lesson[last - 1].presetId));

  // back to Theorem 1 (step 1), then one plot full screen: it fills the window and keeps its hover readout
  for (let k = last; k > 1; k--) await page.keyboard.press('ArrowLeft');
  await expect(bar).toHaveAttribute('data-step', '1');
  for (const arm of ['clean', 'poisoned']) await expect(page.locator(`[data-testid=status-${arm}][data-done=true]`)).toHaveCount(1, { timeout: 60_000 });
  const plot = page.getByTestId('plot-entries-clean');
  await plot.getByTestId('plot-full-screen').click();
  await expect(plot).toHaveAttribute('data-full-screen', 'true');
  const box = (await plot.boundingBox())!;
  const vp = page.viewportSize()!;
  expect(box.width).toBeGreaterThanOrEqual(vp.width - 1);
  expect(box.height).toBeGreaterThanOrEqual(vp.height - 1);
  const area = plot.locator('[tabindex="0"]');
  const areaBox = (await area.boundingBox())!;
  expect(areaBox.height).toBeGreaterThan(vp.height * 0.6);
  await page.mouse.move(areaBox.x + areaBox.width * 0.5, areaBox.y + areaBox.height / 2);
  await expect(plot.locator('.tip-x')).toBeVisible();
  await expect(plot.locator('.tip-x')).toContainText(/t = /);
  await page.screenshot({ path: shot('presentation-full-screen-plot.png') });
  // arrow keys on a focused plot move its readout, not the lesson
  await area.focus();
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-step', '1');
  await page.keyboard.press('Escape');
  await expect(plot).not.toHaveAttribute('data-full-screen', 'true');

  await page.getByTestId('presentation-exit').click();
  await expect(bar).toHaveCount(0);
  await expect(page.locator('header')).toBeVisible();
  expect(await rootFontPx(page)).toBe(normal);
  expect(errors).toEqual([]);
});

test('presentation: the embed snippet is an <iframe> with embed=1 that reopens the experiment and keeps a theme switch', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/#lab=stability');
  await expect(page.getByTestId('lab-stability')).toBeVisible();
  await page.getByTestId('present').click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  // the bar listens for the arrow keys once it has mounted: a key pressed before that is not seen, so press until the
  // address names step 1 (each press moves the address at once, so this never skips a step)
  await expect(async () => {
    if (!isStepOne(await page.evaluate(() => window.location.hash))) await page.keyboard.press('ArrowRight');
    expect(isStepOne(await page.evaluate(() => window.location.hash))).toBe(true);
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId('presentation')).toHaveAttribute('data-step', '1');
  const lesson = LAB_UIS.stability.lesson;
  await page.getByTestId('embed-toggle').click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  const m = /^<iframe src="([^"]+)"[^>]*><\/iframe>$/.exec(snippet);
  expect(m, snippet).not.toBeNull();
  const src = m![1].replace(/&amp;/g, '&');
  expect(src).toContain('embed=1');
  expect(src).toContain('s=');

  // in the embedded page: no header, the lab, a theme switch that works, and the experiment of the snippet
  await page.evaluate(() => localStorage.clear());
  await page.goto(src);
  await expect(page.getByTestId('lab-stability')).toBeVisible();
  await expect(page.locator('header')).toBeHidden();
  const theme = page.getByTestId('embed-theme').getByTestId('theme');
  await expect(theme).toBeVisible();
  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await theme.selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  expect(await storedSpec(page, 'stability')).toEqual(presetSpec(lesson[0].presetId));
  expect(errors).toEqual([]);
});

test('presentation: every lab’s Share menu offers it, with that lab’s lesson of 4 to 8 steps', async ({ page }) => {
  const errors = collectPageErrors(page);
  for (const lab of NAV_LABS.filter((l) => l.built)) {
    await page.goto(`/#lab=${lab.id}`);
    await expect(page.getByTestId(`lab-${lab.id}`).first()).toBeVisible();
    await page.getByTestId('present').first().click();
    const bar = page.getByTestId('presentation');
    await expect(bar, lab.id).toContainText(`${lab.title} · lesson (${LAB_UIS[lab.id].lesson.length} steps)`);
    await page.getByTestId('lesson-next').click();
    await expect(bar).toHaveAttribute('data-step', '1');
    await expect(page.getByTestId('lesson-step')).toContainText(LAB_UIS[lab.id].lesson[0].title);
    await expect.poll(() => storedSpec(page, lab.id), { message: lab.id }).toEqual(presetSpec(LAB_UIS[lab.id].lesson[0].presetId));
  }
  expect(errors).toEqual([]);
});

test('presentation: a lesson step that opens a sweep page starts the sweep (a long one asks first, as a Run would)', async ({ page }) => {
  const errors = collectPageErrors(page);
  // Extrapolation step 4 opens the Sweeps page with E-1A: its sweep starts (or, over 20 s, waits for a yes)
  const ex = LAB_UIS.extrapolation.lesson;
  const k = ex.findIndex((s) => s.page === 'sweeps') + 1;
  expect(k).toBeGreaterThan(0);
  await page.goto(`/${stepHash('extrapolation', ex, k)}`);
  const bar = page.getByTestId('presentation');
  await expect(bar).toHaveAttribute('data-step', String(k));
  await expect(page.getByTestId('page-sweeps')).toBeVisible();
  const estimateMs = Number(await page.locator('[data-estimate-ms]').getAttribute('data-estimate-ms'));
  console.log(`[bench] ${ex[k - 1].presetId} sweep estimate on this machine: ${estimateMs} ms`);
  const results = page.getByTestId('sweep-results');
  if (estimateMs > 20_000) {
    // a long sweep: the bar asks, nothing runs until the yes
    await expect(page.getByTestId('lesson-confirm')).toContainText('Run it now?');
    await expect(results).toHaveAttribute('data-status', 'idle');
    await page.getByTestId('lesson-confirm-yes').click();
  } else {
    await expect(page.getByTestId('lesson-confirm')).toHaveCount(0);
  }
  await expect(results).toHaveAttribute('data-status', /running|done/, { timeout: 15_000 });
  expect(Number(await results.getAttribute('data-total'))).toBeGreaterThan(1);
  await page.getByTestId('sweep-cancel-main').click();
  await expect(results).not.toHaveAttribute('data-status', 'running');

  // a step back and forward again: the step starts it again
  await page.keyboard.press('ArrowLeft');
  await expect(bar).toHaveAttribute('data-step', String(k - 1));
  await page.keyboard.press('ArrowRight');
  await expect(bar).toHaveAttribute('data-step', String(k));
  if (estimateMs > 20_000) {
    // "Not now" leaves the sweep page idle
    await page.getByTestId('lesson-confirm-no').click();
    await expect(page.getByTestId('lesson-confirm')).toHaveCount(0);
  } else {
    await expect(results).toHaveAttribute('data-status', /running|done/, { timeout: 15_000 });
  }

  // Flow vs Descent's sweep step (the page runs a sweep link itself): it runs once, to its edge
  const fd = LAB_UIS['flow-vs-descent'].lesson;
  const j = fd.findIndex((s) => s.page === 'sweep') + 1;
  await page.goto(`/${stepHash('flow-vs-descent', fd, j)}`);
  await expect(page.getByTestId('page-fd-sweep')).toBeVisible();
  await expect(page.getByTestId('sweep-edge')).toHaveAttribute('data-last-converged', '0.66', { timeout: 60_000 });
  await page.screenshot({ path: shot('presentation-lesson-sweep.png') });
  expect(errors).toEqual([]);
});
