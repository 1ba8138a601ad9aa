import { expect } from '@playwright/test';
import { shot, test } from './helpers';

/** The Flow vs Descent lab's other pages: the step-size sweep across the pool (opening a cell as a run) and the MNIST panel. */

test('FD-DLN3-eta: the sweep finds the edge at eta = 0.66, and a cell opens as a run that reruns it', async ({ page }) => {
  await page.goto('/#lab=flow-vs-descent&page=run');
  await page.getByTestId('preset-select').selectOption('FD-DLN3-eta');
  // a preset that is not one run opens the page that shows it
  await expect(page.getByTestId('page-fd-sweep')).toBeVisible();
  const t0 = Date.now();
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-edge')).toHaveAttribute('data-last-converged', '0.66', { timeout: 30_000 });
  console.log(`[bench] FD-DLN3-eta sweep (10 step sizes to their stop rule + one flow reference) in the browser pool: ${Date.now() - t0} ms`);
  await expect(page.getByTestId('sweep-edge')).toHaveAttribute('data-first-not', '0.67');
  await expect(page.getByTestId('sweep-row-0.7')).toHaveAttribute('data-outcome', /period 2/);
  await page.screenshot({ path: shot('fd-sweep.png'), fullPage: true });

  await page.getByTestId('sweep-open-0.3').click();
  await expect(page.getByTestId('page-fd-run')).toBeVisible();
  await expect(page.getByTestId('fd-status')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('fd-arm-0')).toHaveAttribute('data-outcome', 'converged');
  await expect(page.getByTestId('fd-etas')).toHaveValue('0.3');
});

test('the MNIST panel shows the precomputed traces for each network and says the subset differs', async ({ page }) => {
  await page.goto('/#lab=flow-vs-descent&page=mnist');
  await expect(page.getByTestId('fd-mnist-note')).toContainText("not the paper's subset");
  await expect(page.getByTestId('fd-mnist-summary')).toHaveAttribute('data-net', 'fclin');
  await expect(page.getByTestId('plot-fd-mnist-loss')).toBeVisible();
  await expect(page.locator('[data-testid=fd-mnist-checks] li[data-holds=false]')).toHaveCount(0);
  for (const net of ['fcrelu', 'cnnsub', 'lenet']) {
    await page.getByTestId('fd-mnist-net').selectOption(net);
    await expect(page.getByTestId('fd-mnist-summary')).toHaveAttribute('data-net', net);
    await expect(page.locator('[data-testid=fd-mnist-checks] li[data-holds=true]')).toHaveCount(2);
  }
  await page.screenshot({ path: shot('fd-mnist.png'), fullPage: true });
});
