import { expect, test } from '@playwright/test';
import { shot } from './helpers';

test('the Figure 1 preset (gradient flow) shows the loss staircase with the escape markers', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/#lab=saddles');
  await expect(page.getByTestId('lab-saddles')).toBeVisible();
  await page.getByTestId('preset-select').selectOption('sd-fig1-flow');
  await expect(page.getByTestId('model-summary')).toContainText('widths 50');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 });

  // Predicted escape from the NCF analysis, and the measured one close to it (Fig. 1: within 2 %).
  const summary = page.getByTestId('saddles-summary');
  await expect(summary).toContainText('escape time');
  const text = (await summary.textContent())!;
  const pct = Number(/\((-?[\d.]+) %\)/.exec(text)?.[1]);
  expect(Math.abs(pct)).toBeLessThan(2);

  // The staircase: the loss starts at L(0), stays there, then drops to a plateau far below.
  const loss = page.getByTestId('plot-sd-loss');
  expect(Number(await loss.getAttribute('data-points'))).toBeGreaterThan(50);
  await expect(loss.getByText('predicted escape (from w0)')).toBeVisible();
  await expect(loss.getByText('measured escape')).toBeVisible();
  await expect(loss.getByText('predicted first saddle')).toBeVisible();
  await expect(page.getByTestId('heatmap-i2')).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('saddles-fig1.png'), fullPage: true });
});

test('Example 1 shows the phase portrait and the circle of directions', async ({ page }) => {
  await page.goto('/#lab=saddles');
  await page.getByTestId('preset-select').selectOption('sd-ex1-phase');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('phase-path')).toHaveCount(1);
  await expect(page.getByTestId('direction-needle')).toHaveCount(1);
  await expect(page.getByTestId('saddles-summary')).toContainText('17');
  // The escape-time sweep over 8 deltas in the worker pool, with the ln(1/delta)/(2N*) law drawn.
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('escape-sweep')).toContainText('δ = 0.08', { timeout: 20_000 });
  expect(Number(await page.getByTestId('plot-sd-sweep').getAttribute('data-points'))).toBeGreaterThanOrEqual(8);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('saddles-ex1.png'), fullPage: true });
});
