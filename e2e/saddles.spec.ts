import { expect, type Page, test } from '@playwright/test';
import { decodeSpec } from '../src/experiment/link';
import { download, shot } from './helpers';

/** Opens the Saddles lab with one of its presets loaded. */
async function openPreset(page: Page, id: string) {
  await page.goto('/#lab=saddles');
  await expect(page.getByTestId('lab-saddles')).toBeVisible();
  await page.getByTestId('preset-select').selectOption(id);
}

/** Run, then wait (at most `timeout` ms) until the run reports its final state. */
async function runToEnd(page: Page, timeout: number) {
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout });
}

test('the Figure 1 preset (gradient flow) shows the loss staircase with the escape markers', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/#lab=saddles');
  // a fresh page runs the lab's default experiment, and the picker names its preset
  await expect(page.getByTestId('preset-select')).toHaveValue('sd-fig1-flow');
  await expect(page.getByTestId('model-summary')).toContainText('widths 50');
  await runToEnd(page, 60_000);

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
  await openPreset(page, 'sd-ex1-phase');
  await runToEnd(page, 20_000);
  await expect(page.getByTestId('phase-path')).toHaveCount(1);
  await expect(page.getByTestId('direction-needle')).toHaveCount(1);
  await expect(page.getByTestId('saddles-summary')).toContainText('17');
  // The escape-time sweep over 8 deltas in the worker pool, with the ln(1/delta)/(2N*) law drawn.
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('escape-sweep')).toContainText('δ = 0.08', { timeout: 20_000 });
  expect(Number(await page.getByTestId('plot-sd-sweep').getAttribute('data-points'))).toBeGreaterThanOrEqual(8);
  // its exports: the JSON reopens the swept experiment; the CSV has one row per delta with both laws at it
  const json = JSON.parse((await download(page, 'escape-sweep-export-json')).bytes.toString('utf8'));
  expect(json).toMatchObject({ lab: 'saddles', kind: 'escape-sweep' });
  const back = decodeSpec(json.reopen);
  expect(back.ok && back.spec).toEqual(json.spec);
  expect(json.points).toHaveLength(8);
  const csv = (await download(page, 'escape-sweep-export-csv')).bytes.toString('utf8').trimEnd().split('\n');
  const header = csv.findIndex((l) => !l.startsWith('#'));
  expect(csv[header]).toBe('delta,t_esc,law_ustar,prediction_w0');
  const rows = csv.slice(header + 1).map((l) => l.split(',').map(Number));
  expect(rows).toHaveLength(8);
  // Example 1 (Lh = 2, N* = 8): t_esc against ln(1/delta) has the law's slope 1/16, and the measured times sit a
  // constant below the law (the sweep stops at a 1 % loss drop): the note says 'below', with the numbers
  const gaps = rows.map(([, tEsc, law]) => tEsc - law);
  for (const g of gaps) expect(g).toBeCloseTo(gaps[0], 2);
  expect(gaps[0]).toBeLessThan(0);
  await expect(page.getByTestId('sweep-law-note')).toHaveAttribute('data-side', 'below');
  await expect(page.getByTestId('sweep-law-note')).toContainText(/sit about 0\.09\d+ below the orange law/);
  await expect(page.getByTestId('sweep-law-note')).toContainText('1/(2N*) = 0.0625');
  expect(rows.map((r) => r[1])).toEqual(json.points.map((p: { tEsc: number }) => p.tEsc));
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('saddles-ex1.png'), fullPage: true });
});

test('model controls: switch to ReLU and a narrower net, refuse a bad width in place, and run', async ({ page }) => {
  test.setTimeout(60_000);
  await openPreset(page, 'sd-sq2-tiny');
  const controls = page.getByTestId('model-controls');
  await expect(controls).toBeVisible();
  await expect(page.getByTestId('model-family')).toHaveValue('two-layer');
  // a refused edit: the validator's message at the field, the spec unchanged
  await page.getByTestId('field-width1').fill('0');
  await page.getByTestId('field-width1').press('Enter');
  await expect(controls.getByRole('alert')).toContainText('model.widths.0');
  await expect(page.getByTestId('model-summary')).toContainText('widths 4');
  // accepted edits: width 3 (the hand-set w0 no longer fits: random draw), then ReLU
  await expect(page.getByTestId('preset-select'), 'the refused edit left the preset as it was').toHaveValue('sd-sq2-tiny');
  await page.getByTestId('field-width1').fill('3');
  await page.getByTestId('field-width1').press('Enter');
  await expect(page.getByTestId('model-summary')).toContainText('widths 3');
  await expect(page.getByTestId('preset-select'), 'an edited experiment is no preset').toHaveValue('');
  await expect(page.getByTestId('model-facts')).toContainText('9 parameters, degree of homogeneity L = 3');
  await page.getByTestId('activation-select').selectOption('relu');
  await expect(page.getByTestId('model-summary')).toContainText('ReLU');
  await expect(page.getByTestId('model-facts')).toContainText('L = 2');
  await page.getByTestId('loss-select').selectOption('mse-mean');
  await runToEnd(page, 40_000);
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
  await openPreset(page, 'sd-sq2-tiny');
  await page.getByTestId('ncf-tools').locator('summary').click();
  await page.getByTestId('pga-run').click();
  // SD-sq2-tiny: N* = 2(6 + sqrt3)/(3 sqrt3) = 2.976068, one of four neurons active
  await expect(page.getByTestId('pga-result')).toContainText('N(u*) = 2.976068', { timeout: 20_000 });
  await expect(page.getByTestId('pga-result')).toContainText('1 of 4 neurons active');
  await page.getByTestId('warm-start').click();
  await expect(page.getByTestId('model-facts')).toContainText('a KKT point of the NCF (warm start)');
  await expect(page.getByTestId('warm-start')).toHaveText('Back to the random start');
  await runToEnd(page, 40_000);
  // started at a KKT point: the predicted escape from w* is drawn, and the run escapes
  await expect(page.getByTestId('plot-sd-loss').getByText('predicted escape (from w*)')).toBeVisible();
  await expect(page.getByTestId('plot-sd-loss').getByText('measured escape')).toBeVisible();
});

test('a runner worker that cannot load is reported, and the next run starts a fresh one', async ({ page }) => {
  await openPreset(page, 'sd-ex1-0.1');
  // the worker script missing (as when the app is rebuilt under an open page)
  await page.route('**/runner.worker-*.js', (route) => route.abort());
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status').getByRole('alert')).toContainText('could not be loaded', { timeout: 15_000 });
  await expect(page.getByTestId('run')).toBeEnabled();
  await page.unroute('**/runner.worker-*.js');
  await runToEnd(page, 20_000);
  await expect(page.getByTestId('status').getByRole('alert')).toHaveCount(0);
});

test('a GD run plots against flow time or against iterations, markers moving with the axis', async ({ page }) => {
  await openPreset(page, 'sd-ex1-gd');
  await runToEnd(page, 20_000);
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

test('restrict to the active sub-network: the first-saddle oracle runs in a second worker and is drawn on the staircase', async ({ page }) => {
  test.setTimeout(60_000);
  await openPreset(page, 'sd-sq2-tiny');
  await page.getByTestId('restrict-toggle').check();
  await expect(page.getByTestId('restrict-status')).toContainText('Starts with the next run');
  await runToEnd(page, 30_000);
  // one neuron of four kept; its plateau is the best one-neuron fit 2 - sqrt3 = 0.2679492 (docs/labs/saddles.md Sec. 5.2)
  const status = page.getByTestId('restrict-status');
  await expect(status).toContainText('1 neuron kept, from δw*');
  await expect(status).toContainText('(done)', { timeout: 20_000 });
  await expect(status).toContainText('plateau 0.267949');
  const loss = page.getByTestId('plot-sd-loss');
  await expect(loss.getByText(/restricted sub-network from δw\* \(shifted by/)).toBeVisible();
  // its plateau next to the measured one in the summary
  await expect(page.getByTestId('saddles-summary').locator('tr', { hasText: 'restricted run (second worker)' })).toContainText(/0\.2679492\s*plateau 0\.26794/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('saddles-restricted.png'), fullPage: true });
  // unshifted: the curve on its own clock
  await page.getByTestId('restrict-align').uncheck();
  await expect(loss.getByText('restricted sub-network from δw*', { exact: true })).toBeVisible();
  // a GD run: the shift is counted in iterations; switching the toggle off removes the curve
  await page.getByTestId('preset-select').selectOption('sd-ex1-gd');
  await page.getByTestId('restrict-align').check();
  await runToEnd(page, 20_000);
  await expect(page.getByTestId('restrict-status')).toContainText('the active coordinates kept', { timeout: 10_000 });
  await expect(loss.getByText(/restricted sub-network from δw\* \(shifted by [\d.]+ iterations\)/)).toBeVisible();
  await page.getByTestId('restrict-toggle').uncheck();
  await expect(loss.getByText(/restricted sub-network/)).toHaveCount(0);
});

test('zero these neurons: pick a row in a heatmap, re-run, and the neuron stays exactly 0', async ({ page }) => {
  test.setTimeout(60_000);
  await openPreset(page, 'sd-sq2-tiny');
  await runToEnd(page, 30_000);
  // SD-sq2-tiny: the race is won by neuron 4 (docs/labs/saddles.md Sec. 5.2)
  await expect(page.getByTestId('plot-sd-units').getByText('neuron 1:4 (winner)')).toBeVisible();
  // row 4 of W1 in the init heatmap is neuron 1:4
  const init = page.getByTestId('heatmap-init');
  const cell = Number(await init.getAttribute('data-cell'));
  await init.locator('canvas').click({ position: { x: cell / 2, y: 12 + 3 * cell + cell / 2 } });
  await expect(page.getByTestId('zero-selected')).toHaveText('Picked: 1:4');
  await page.getByTestId('zero-run').click();
  await expect(page.getByTestId('zero-current')).toContainText('Zeroed in this experiment: 1:4');
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  // exactly 0 throughout, and another neuron wins the race
  await expect(page.getByTestId('zeroed-check')).toContainText('exactly 0 throughout');
  await expect(page.getByTestId('plot-sd-units').getByText('neuron 1:4 (winner)')).toHaveCount(0);
  await expect(page.getByTestId('plot-sd-units').getByText(/\(winner\)/)).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('saddles-zeroed.png'), fullPage: true });
  // kept with the experiment (as in a link): it survives a reload, and the model's summary says so before a run
  await page.reload();
  await expect(page.getByTestId('model-facts')).toContainText('except neuron 1:4, set to exactly 0');
  await runToEnd(page, 30_000);
  await expect(page.getByTestId('zero-current')).toContainText('1:4');
  await page.getByTestId('zero-typed').fill('1:9');
  await page.getByTestId('zero-typed').press('Enter');
  await expect(page.getByTestId('zero-panel').getByRole('alert')).toContainText('init.zeroNeurons.1: "1:9" names neuron 9, but hidden layer 1 has 4 neurons');
  await page.getByTestId('zero-restore').click();
  await expect(page.getByTestId('zero-current')).toHaveCount(0);
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('plot-sd-units').getByText('neuron 1:4 (winner)')).toBeVisible();
});

test('the i1 / i2 heatmap markers can be set by hand and reset to automatic', async ({ page }) => {
  await openPreset(page, 'sd-sq2-tiny');
  await runToEnd(page, 30_000);
  const i1 = page.getByTestId('marker-i1-value');
  await expect(page.getByTestId('marker-controls')).toContainText('automatic');
  const autoText = await i1.textContent();
  const autoX = await page.getByTestId('plot-sd-loss').locator('g.ref', { hasText: /^i1$/ }).locator('line').getAttribute('x1');
  await page.getByTestId('marker-i1').fill('20');
  await expect(page.getByTestId('marker-controls')).toContainText('set by hand');
  const handText = (await i1.textContent())!;
  expect(handText).not.toBe(autoText);
  // the heatmap's title and the marker line on the loss plot follow
  await expect(page.getByTestId('heatmap-i1')).toContainText(handText);
  await expect.poll(async () => page.getByTestId('plot-sd-loss').locator('g.ref', { hasText: /^i1$/ }).locator('line').getAttribute('x1')).not.toBe(autoX);
  await page.getByTestId('marker-auto').click();
  await expect(i1).toHaveText(autoText!);
  await expect(page.getByTestId('marker-auto')).toBeDisabled();
});

test('phase portraits: the single neuron on its conserved curve, and a d = 2 net as points around the eigenvectors of M', async ({ page }) => {
  await openPreset(page, 'sd-neuron');
  await expect(page.getByTestId('model-summary')).toContainText('d = 1, widths 1');
  await runToEnd(page, 20_000);
  const plane = page.getByTestId('neuron-plane');
  await expect(plane.getByTestId('neuron-plane-path')).toHaveCount(1);
  await expect(plane.getByTestId('neuron-plane-limit')).toHaveCount(1);
  // the limit of docs/labs/saddles.md Sec. 5.1: (sqrt2 (1/2)^(1/3), (1/2)^(1/3)) = (1.122462, 0.793701)
  await expect(page.getByTestId('neuron-plane-conserved')).toContainText('(a, v) = (1.12246, 0.793701)');
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('saddles-neuron.png'), fullPage: true });

  await page.getByTestId('preset-select').selectOption('sd-sq2-tiny');
  await runToEnd(page, 30_000);
  const polar = page.getByTestId('neuron-polar');
  // M's eigenvalues 6 -+ sqrt3 (docs/labs/saddles.md Sec. 5.2) and one point per neuron
  await expect(polar.getByTestId('polar-ray-1')).toContainText('7.732');
  await expect(polar.getByTestId('polar-ray-2')).toContainText('4.268');
  await expect(polar.locator('[data-testid^=polar-neuron-]')).toHaveCount(4);
  await page.waitForTimeout(300);
  await polar.screenshot({ path: shot('saddles-polar.png') });
});

test('the Figure 1 GD run pauses, takes exactly one step, resumes from where it stood and stops with its results kept', async ({ page }) => {
  test.setTimeout(90_000);
  await openPreset(page, 'sd-fig1');
  await expect(page.getByTestId('optim-select')).toHaveValue('gd');
  const status = page.getByTestId('status');
  const steps = async () => {
    const v = await status.getAttribute('data-steps');
    return v ? Number(v) : null;
  };

  await page.getByTestId('run').click();
  await expect.poll(steps, { timeout: 20_000, message: 'the run reports steps' }).toBeGreaterThan(0);
  await page.getByTestId('pause').click();
  await expect(status).toHaveAttribute('data-transport', 'paused');
  await expect(page.getByTestId('run')).toHaveText('Resume');
  await expect(page.getByTestId('pause')).toBeDisabled();
  await page.waitForTimeout(400); // a slice already under way may still report
  const paused = (await steps())!;
  await page.waitForTimeout(600);
  expect(await steps(), 'no steps are taken while paused').toBe(paused);

  // Step: exactly one GD iteration, and the run stays paused
  await page.getByTestId('step').click();
  await expect.poll(steps, { message: 'Step takes one GD step' }).toBe(paused + 1);
  await page.waitForTimeout(300);
  expect(await steps()).toBe(paused + 1);
  await expect(status).toHaveAttribute('data-transport', 'paused');
  await page.getByTestId('step-100').click();
  await expect.poll(steps, { message: 'Step ×100 takes 100 more' }).toBe(paused + 101);

  // Resume continues the same run: the count climbs on from where it stood, never back to 0
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect(status).toHaveAttribute('data-transport', 'running');
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const s = (await steps())!;
        seen.push(s);
        return s;
      },
      { timeout: 10_000, message: 'Resume continues the run' },
    )
    .toBeGreaterThan(paused + 101);
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(100);
    seen.push((await steps())!);
  }
  expect(Math.min(...seen), 'the count never resets').toBeGreaterThanOrEqual(paused + 101);
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);

  // Stop: the final state of this run, its results still on screen
  await page.getByTestId('stop').click();
  await expect(status).toHaveAttribute('data-done', 'true', { timeout: 10_000 });
  await expect(status).toContainText('Stopped by the user');
  await expect(status).toHaveAttribute('data-transport', 'done');
  expect(await steps()).toBeGreaterThanOrEqual(seen.at(-1)!);
  await expect(page.getByTestId('run')).toHaveText('Run again');
  await expect(page.getByTestId('stop')).toBeDisabled();
  expect(Number(await page.getByTestId('plot-sd-loss').getAttribute('data-points'))).toBeGreaterThan(1);
});
