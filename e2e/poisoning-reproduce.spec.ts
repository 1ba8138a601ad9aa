import { expect, test } from '@playwright/test';
import { collectPageErrors, shot } from './helpers';

/** Paper 000 as printed: Table 1 row 1 (Gen_20 means), and the B-6 row's criterion. */
const PAPER_T1_7 = { clean: 1.27e-3, poisoned: 5.01e-2 };

test('Reproduce: Table 1 rows 1 and 2 run across the worker pool and land beside the paper', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/#lab=poisoning&page=reproduce');
  await expect(page.getByTestId('repro-table2')).toContainText('not re-run in the browser');

  for (const id of ['T1-7', 'B-6']) await page.getByTestId(`repro-run-${id}`).click();
  for (const id of ['T1-7', 'B-6']) {
    await expect(page.getByTestId(`repro-${id}`)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(page.getByTestId(`repro-verdict-${id}`)).toHaveAttribute('data-holds', 'true');
  }
  for (const arm of ['clean', 'poisoned'] as const) {
    const mean = Number(await page.locator(`[data-testid=repro-summary-T1-7] [data-arm=${arm}]`).getAttribute('data-mean'));
    expect(Math.abs(mean - PAPER_T1_7[arm]) / PAPER_T1_7[arm]).toBeLessThan(0.005);
  }
  // "open" loads a seed into the Theorem-1 page and runs it there.
  await page.getByTestId('repro-T1-7').getByRole('button', { name: 'open' }).nth(1).click();
  await expect(page.getByTestId('page-thm1')).toBeVisible();
  await expect(page.getByTestId('field-seed')).toHaveValue('243');
  await page.screenshot({ path: shot('poisoning-reproduce.png'), fullPage: false });
  expect(errors).toEqual([]);
});
