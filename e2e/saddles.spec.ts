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
  const pct = Number(/\((?:iteration \d+; )?(-?[\d.]+) %\)/.exec(text)?.[1]);
  expect(Math.abs(pct)).toBeLessThan(2);

  // The staircase: the loss starts at L(0), stays there, then drops to a plateau far below.
  const loss = page.getByTestId('plot-sd-loss');
  expect(Number(await loss.getAttribute('data-points'))).toBeGreaterThan(50);
  await expect(loss.getByText('predicted escape (from w0)')).toBeVisible();
  await expect(loss.getByText('measured escape')).toBeVisible();
  await expect(loss.getByText('predicted first saddle')).toBeVisible();
  await expect(page.getByTestId('heatmap-i2')).toBeVisible();
  // the paper's staircase next to this run's: both drops inside the horizon for this teacher draw
  await expect(page.getByTestId('fig1-note')).toContainText('near iteration 192,000');
  await expect(page.getByTestId('fig1-note-run')).toContainText('a second drop');
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

test('model controls: switch to ReLU and a narrower net, refuse a bad width in place, and run', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/#lab=saddles');
  await page.getByTestId('preset-select').selectOption('sd-sq2-tiny');
  const controls = page.getByTestId('model-controls');
  await expect(controls).toBeVisible();
  await expect(page.getByTestId('model-family')).toHaveValue('two-layer');
  // a refused edit: the validator's message at the field, the spec unchanged
  await page.getByTestId('field-width1').fill('0');
  await page.getByTestId('field-width1').press('Enter');
  await expect(controls.getByRole('alert')).toContainText('model.widths.0');
  await expect(page.getByTestId('model-summary')).toContainText('widths 4');
  // accepted edits: width 3 (the hand-set w0 no longer fits: random draw), then ReLU
  await page.getByTestId('field-width1').fill('3');
  await page.getByTestId('field-width1').press('Enter');
  await expect(page.getByTestId('model-summary')).toContainText('widths 3');
  await expect(page.getByTestId('model-facts')).toContainText('9 parameters, degree of homogeneity L = 3');
  await page.getByTestId('activation-select').selectOption('relu');
  await expect(page.getByTestId('model-summary')).toContainText('ReLU');
  await expect(page.getByTestId('model-facts')).toContainText('L = 2');
  await page.getByTestId('loss-select').selectOption('mse-mean');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 40_000 });
  await expect(page.getByTestId('saddles-summary')).toContainText('outside the theorems');
  // a polynomial ReLU with alpha and p, and the three-layer family
  await page.getByTestId('activation-select').selectOption('poly');
  await page.getByTestId('field-p').fill('3');
  await page.getByTestId('field-p').press('Enter');
  await expect(page.getByTestId('model-facts')).toContainText('L = 4');
  await page.getByTestId('model-family').selectOption('three-layer');
  await expect(page.getByTestId('field-width2')).toHaveValue('3');
  await expect(page.getByTestId('model-facts')).toContainText('L = 13');
});

test('KKT point search and warm start from it', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/#lab=saddles');
  await page.getByTestId('preset-select').selectOption('sd-sq2-tiny');
  await page.getByTestId('ncf-tools').locator('summary').click();
  await page.getByTestId('pga-run').click();
  // SD-sq2-tiny: N* = 2(6 + sqrt3)/(3 sqrt3) = 2.976068, one of four neurons active
  await expect(page.getByTestId('pga-result')).toContainText('N(u*) = 2.976068', { timeout: 20_000 });
  await expect(page.getByTestId('pga-result')).toContainText('1 of 4 neurons active');
  await page.getByTestId('warm-start').click();
  await expect(page.getByTestId('model-facts')).toContainText('a KKT point of the NCF (warm start)');
  await expect(page.getByTestId('warm-start')).toHaveText('Back to the random start');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 40_000 });
  // started at a KKT point: the predicted escape from w* is drawn, and the run escapes
  await expect(page.getByTestId('plot-sd-loss').getByText('predicted escape (from w*)')).toBeVisible();
  await expect(page.getByTestId('plot-sd-loss').getByText('measured escape')).toBeVisible();
});

test('a runner worker that cannot load is reported, and the next run starts a fresh one', async ({ page }) => {
  await page.goto('/#lab=saddles');
  await page.getByTestId('preset-select').selectOption('sd-ex1-0.1');
  // the worker script missing (as when the app is rebuilt under an open page)
  await page.route('**/runner.worker-*.js', (route) => route.abort());
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status').getByRole('alert')).toContainText('could not be loaded', { timeout: 15_000 });
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.unroute('**/runner.worker-*.js');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
  await expect(page.getByTestId('status').getByRole('alert')).toHaveCount(0);
});

test('a GD run plots against flow time or against iterations, markers moving with the axis', async ({ page }) => {
  await page.goto('/#lab=saddles');
  await page.getByTestId('preset-select').selectOption('sd-ex1-gd');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
  const loss = page.getByTestId('plot-sd-loss');
  const ticks = async () => (await loss.locator('.axis-x .tick text').allTextContents()).map((s) => Number(s.replace(/,/g, '')));
  // 3000 steps of 1e-3: flow time runs to 3, iterations to 3000 (the escape line sits at t/eta in both);
  // GD runs open on the iteration axis, the paper's
  await expect(page.getByTestId('xaxis-iter')).toBeChecked();
  await page.getByTestId('xaxis-t').check();
  await expect(loss.getByText('t = Σ η_k (flow time of the steps)')).toBeVisible();
  const tTicks = await ticks();
  const escT = await loss.locator('g.ref', { hasText: 'measured escape' }).locator('line').getAttribute('x1');
  await page.getByTestId('xaxis-iter').check();
  await expect(loss.getByText('iteration k', { exact: true })).toBeVisible();
  const kTicks = await ticks();
  expect(Math.max(...kTicks.filter(Number.isFinite))).toBeGreaterThanOrEqual(1000 * Math.max(...tTicks.filter(Number.isFinite)) - 1e-9);
  // the same x pixel: the marker is at the same place on the rescaled axis
  const escK = await loss.locator('g.ref', { hasText: 'measured escape' }).locator('line').getAttribute('x1');
  expect(Math.abs(Number(escK) - Number(escT))).toBeLessThan(2);
  // flow-time axis back: the label returns
  await page.getByTestId('xaxis-t').check();
  await expect(loss.getByText('t = Σ η_k (flow time of the steps)')).toBeVisible();
});
