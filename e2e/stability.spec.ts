import { expect, test, type Page } from '@playwright/test';
import { decodeSpec } from '../src/spec/link';
import { shot } from './helpers';

const LAND = '[data-testid=landscape-stability]';

async function openLab(page: Page) {
  await page.goto('/#lab=stability');
  await expect(page.getByTestId('lab-stability')).toBeVisible();
  // The 200 x 200 grid arrives from the landscape worker.
  await expect(page.locator(`${LAND}[data-grid="200x200"]`)).toHaveCount(1);
}

const gdPoints = async (page: Page) => Number(await page.locator(`${LAND} [data-overlay=gd]`).getAttribute('data-points'));
const gdPath = (page: Page) => page.locator(`${LAND} [data-overlay=gd] path`).getAttribute('d');

test('a click on the landscape places the start and the GD path appears; the eta slider redraws', async ({ page }) => {
  await openLab(page);
  const svg = page.locator(`${LAND} svg[role=img]`);
  const box = (await svg.boundingBox())!;
  // The plot area starts 48 px in and 8 px down; click about 3/4 of the way right and 1/3 down.
  await svg.click({ position: { x: 48 + (box.width - 60) * 0.75, y: 8 + (box.height - 44) * 0.33 } });
  const a0 = Number(await page.getByTestId('a0-input').inputValue());
  const b0 = Number(await page.getByTestId('b0-input').inputValue());
  expect(a0).toBeGreaterThan(0.5);
  expect(b0).toBeGreaterThan(0.3);
  await expect(page.getByTestId('stability-preset')).toHaveValue('');
  expect(await gdPoints(page)).toBeGreaterThan(1);
  const before = await gdPath(page);
  const label = await page.getByTestId('eta-value').textContent();

  await page.getByTestId('eta-slider').fill('-0.35');
  await expect(page.getByTestId('eta-value')).not.toHaveText(label!);
  await expect.poll(() => gdPath(page)).not.toBe(before);
  await expect(page.getByTestId('eta-value')).toContainText('η = 0.4467');

  // Hover readout.
  await svg.hover({ position: { x: box.width / 2, y: box.height / 2 } });
  await expect(page.getByTestId('landscape-stability-readout')).toContainText('log₁₀ L');
  await page.waitForTimeout(200);
  await page.screenshot({ path: shot('stability-click.png'), fullPage: true });
});

test('a share link restores the same view', async ({ page, browser }) => {
  await openLab(page);
  await page.getByTestId('stability-preset').selectOption('S-catapult');
  await expect(page.getByTestId('stability-status')).toHaveAttribute('data-steps', '22');
  // Zoom in once so the view is not the default.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForTimeout(150);
  const view = JSON.parse((await page.locator(LAND).getAttribute('data-view'))!) as { x: number[]; y: number[] };
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  const sent = decodeSpec(new URL(link).hash);
  expect(sent.ok).toBe(true);

  const ctx = await browser.newContext();
  try {
    const other = await ctx.newPage();
    await other.goto(link);
    await expect(other.getByTestId('stability-preset')).toHaveValue('S-catapult');
    await expect(other.getByTestId('stability-status')).toHaveAttribute('data-steps', '22');
    await expect(other.getByTestId('eta-value')).toHaveText(await page.getByTestId('eta-value').textContent() as string);
    await expect(other.locator(`${LAND}[data-grid="200x200"]`)).toHaveCount(1);
    const got = JSON.parse((await other.locator(LAND).getAttribute('data-view'))!) as { x: number[]; y: number[] };
    for (const k of ['x', 'y'] as const) for (const i of [0, 1]) expect(got[k][i]).toBeCloseTo(view[k][i], 6);
    expect(await other.locator(`${LAND} [data-overlay=gd]`).getAttribute('data-points')).toBe(await page.locator(`${LAND} [data-overlay=gd]`).getAttribute('data-points'));
    await other.waitForTimeout(200);
    await other.screenshot({ path: shot('stability-share.png'), fullPage: true });
  } finally {
    await ctx.close();
  }
});

test('eta sweep across the worker pool and the bifurcation view', async ({ page }) => {
  await openLab(page);
  await page.getByTestId('run-eta-sweep').click();
  const done = page.getByTestId('sweep-done');
  await expect(done).toBeVisible({ timeout: 30_000 });
  const runs = Number(await done.getAttribute('data-runs'));
  const ms = Number(await done.getAttribute('data-ms'));
  const timing = await page.getByTestId('landscape-timing').getAttribute('data-grid-ms');
  console.log(`[bench] eta sweep in the browser: ${runs} GD runs in ${ms} ms = ${((runs / ms) * 1000).toFixed(0)} runs/s (all pool workers); 200x200 landscape round trip ${timing} ms`);
  await expect(page.getByTestId('eta-sweep-summary')).toContainText('first divergence');
  await page.locator('[data-testid=plot-sw-eta-lam]').scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await page.screenshot({ path: shot('stability-sweep.png'), fullPage: true });
  await page.getByRole('tab', { name: /bifurcation/ }).click();
  await expect(page.locator('[data-testid=landscape-bifurcation][data-grid="500x300"]')).toHaveCount(1, { timeout: 20_000 });
  await page.locator('[data-testid=landscape-bifurcation]').scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await page.locator('[data-testid=stability-sweeps]').screenshot({ path: shot('stability-bifurcation.png') });
});

test('a wider network (d > 1) with a seeded start runs through its exact reduction to the (a, b) plane', async ({ page }) => {
  await openLab(page);
  await page.getByTestId('wide-start').locator('summary').click();
  await page.getByTestId('wide-d').fill('5');
  await page.getByTestId('wide-d').press('Enter');
  await expect(page.getByText('d = 5: the run is shown through its exact reduction')).toBeVisible();
  expect(await gdPoints(page)).toBeGreaterThan(1);
  const before = await gdPath(page);
  await page.getByTestId('wide-structure').selectOption('orthogonal');
  await expect.poll(() => gdPath(page)).not.toBe(before);
  await page.screenshot({ path: shot('stability-wide.png'), fullPage: false });
});

test('step through the GD iterates: single steps, play to the end, back to the whole run', async ({ page }) => {
  await openLab(page);
  await page.getByTestId('stability-preset').selectOption('S-catapult');
  const total = await gdPoints(page);
  expect(total).toBeGreaterThan(10);
  // the first step shows the start, the next ones one iterate more each, with the cursor on the time plots
  await page.getByTestId('player-step').click();
  await page.getByTestId('player-step').click();
  await page.getByTestId('player-step').click();
  await expect(page.getByTestId('player-readout')).toContainText('k = 2:');
  expect(await gdPoints(page)).toBe(3);
  await expect(page.locator(`${LAND} [data-overlay=gd-now]`)).toHaveCount(1);
  await expect(page.getByTestId('plot-st-factors').getByText('k = 2', { exact: true })).toBeVisible();
  await page.getByTestId('player-back').click();
  expect(await gdPoints(page)).toBe(2);
  // play: the catapult's records go by in a few seconds and the animation stops on the last one
  await page.getByTestId('player-speed').selectOption('4');
  await page.getByTestId('player-play').click();
  await expect(page.getByTestId('stability-player')).toHaveAttribute('data-cursor', String(total - 1), { timeout: 15_000 });
  await expect(page.getByTestId('player-play')).toBeVisible();
  await page.getByTestId('player-all').click();
  await expect(page.getByTestId('player-readout')).toContainText('whole run');
  await expect(page.locator(`${LAND} [data-overlay=gd-now]`)).toHaveCount(0);
  expect(await gdPoints(page)).toBe(total);
});
