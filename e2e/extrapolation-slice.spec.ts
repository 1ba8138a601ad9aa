import { expect, test } from '@playwright/test';
import { collectPageErrors } from './helpers';

test('the loss slice (plot 9) appears when a run ends, and recomputes along other directions', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/#lab=extrapolation&page=run');
  await page.getByTestId('preset-select').selectOption('E-X3');
  await page.getByTestId('run').click();
  const slice = page.getByTestId('ex-slice');
  await expect(slice).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  await expect(page.getByTestId('landscape-ex-slice')).toHaveAttribute('data-grid', '80x80');
  await page.getByTestId('ex-slice-kind').selectOption('random');
  await page.getByTestId('ex-slice-compute').click();
  await expect(page.getByTestId('landscape-ex-slice')).toContainText('direction 1');
  expect(errors).toEqual([]);
});
