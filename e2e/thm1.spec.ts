import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ARMS, collectPageErrors, shot, THM1_PLOTS, waitBothDone } from './helpers';

/** The lab's published reference values of Gen_20 for Table 1 row 1, seed 242 (the default experiment). */
const REFERENCE = { clean: 1.18424e-3, poisoned: 4.9186e-2 } as const;

const stepsOf = async (page: Page, arm: string) => {
  const text = (await page.getByTestId(`status-${arm}`).textContent()) ?? '';
  const m = /step (\d+)/.exec(text);
  return m ? Number(m[1]) : null;
};

test('Theorem-1 run fills every plot and matches the reference Gen_20 for seed 242', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/#lab=poisoning');
  await expect(page.getByTestId('field-seed')).toHaveValue('242');
  for (const arm of ARMS) await expect(page.getByTestId(`gen-${arm}`)).toHaveAttribute('data-value', '');

  await page.getByTestId('run').click();
  await waitBothDone(page);

  for (const id of THM1_PLOTS) await expect(page.getByTestId(`plot-${id}`)).toHaveAttribute('data-points', /^[1-9]\d*$/);
  const plots = page.locator('[data-testid^="plot-"]');
  const n = await plots.count();
  expect(n).toBeGreaterThanOrEqual(THM1_PLOTS.length);
  for (let i = 0; i < n; i++) {
    const el = plots.nth(i);
    const id = await el.getAttribute('data-testid');
    await expect(el, `${id} has drawn points`).toHaveAttribute('data-points', /^[1-9]\d*$/);
  }

  for (const arm of ARMS) {
    const raw = await page.getByTestId(`gen-${arm}`).getAttribute('data-value');
    const gen = Number(raw);
    expect(Number.isFinite(gen) && raw !== '', `gen-${arm} data-value "${raw}" is a number`).toBe(true);
    expect(Math.abs(gen - REFERENCE[arm]) / REFERENCE[arm], `${arm} Gen_20 = ${gen} vs reference ${REFERENCE[arm]}`).toBeLessThan(0.01);
  }
  await expect(page.getByTestId('status-clean')).toContainText(/Converged/);
  await expect(page.getByTestId('status-poisoned')).toContainText(/Converged/);
  await expect(page.getByTestId('run')).toHaveText('Run again');

  // One time cursor for both arms: hovering the clean entries shows the poisoned readout at the same t
  const clean = page.getByTestId('plot-entries-clean');
  const box = (await clean.locator('[tabindex="0"]').boundingBox())!;
  // (early t: the poisoned arm converges sooner, and a cursor past the end of its time axis is not shown there)
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  const tipX = (id: string) => page.getByTestId(`plot-${id}`).locator('.tip-x');
  await expect(tipX('entries-poisoned')).toBeVisible();
  await expect(tipX('loss')).toBeVisible();
  // each readout snaps to its own nearest record: the same t up to the spacing of the records
  const tOf = async (id: string) => Number(/t = ([\d.e+-]+)/.exec((await tipX(id).textContent()) ?? '')?.[1]);
  const [tc, tp] = [await tOf('entries-clean'), await tOf('entries-poisoned')];
  expect(Math.abs(Math.log(tp / tc))).toBeLessThan(0.15);
  await page.mouse.move(0, 0);
  await expect(tipX('entries-poisoned')).toBeHidden();

  // the impulse response as its error against the teacher, |h_k - h*_k|: both arms, on a log axis
  await page.getByTestId('impulse-view-err').check();
  const impulse = page.getByTestId('plot-impulse');
  await expect(impulse).toHaveAttribute('aria-label', /error \|hₖ − h\*ₖ\|/);
  await expect(impulse).toHaveAttribute('data-points', /^[1-9]\d*$/);
  await expect(impulse.locator('[data-series]')).toHaveCount(2);
  await page.getByTestId('impulse-view-h').check();
  await expect(impulse.locator('[data-series]')).toHaveCount(3);

  await page.waitForTimeout(300); // let the last animation frame land before the picture
  await page.screenshot({ path: shot('thm1-run.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('progress is visible while running; pause, resume and stop work', async ({ page }) => {
  await page.goto('/#lab=poisoning');
  // A deliberately slow experiment, made through the controls: the poisoned arm of d = 256, kappa = 64 with
  // the explicit solver at the tightest tolerance takes far longer than this test.
  for (const [id, value] of [
    ['field-d', '256'],
    ['field-kappa', '64'],
    ['field-rtol', '1e-14'],
  ] as const) {
    const field = page.getByTestId(id);
    await field.fill(value);
    await field.press('Enter');
    await expect(field).toHaveValue(value);
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  }
  await page.getByLabel('ODE solver').selectOption('dopri5');
  await expect(page.getByLabel('ODE solver')).toHaveValue('dopri5');

  await page.getByTestId('run').click();
  // an experiment this long is asked about first
  await expect(page.getByTestId('run-question')).toContainText('may take up to about');
  await page.getByTestId('run-anyway').click();
  const poisoned = page.getByTestId('status-poisoned');
  await expect.poll(() => stepsOf(page, 'poisoned'), { timeout: 5_000, message: 'the status shows a step count soon after Run' }).toBeGreaterThan(0);
  await expect(poisoned.getByRole('progressbar')).toHaveCount(1);
  await expect(poisoned).toHaveAttribute('data-done', 'false');
  const first = (await stepsOf(page, 'poisoned'))!;
  await expect.poll(() => stepsOf(page, 'poisoned'), { timeout: 5_000, message: 'the step count advances while running' }).toBeGreaterThan(first);
  await expect
    .poll(async () => Number(await poisoned.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 10_000, message: 'the progress bar moves' })
    .toBeGreaterThan(0);

  await page.getByTestId('pause').click();
  await expect(page.getByTestId('run')).toHaveText('Resume');
  await expect(page.getByTestId('run')).toBeEnabled();
  await expect(page.getByTestId('pause')).toBeDisabled();
  await page.waitForTimeout(400); // a slice already under way may still report
  const paused = await stepsOf(page, 'poisoned');
  await page.waitForTimeout(1_000);
  expect(await stepsOf(page, 'poisoned'), 'no steps are taken while paused').toBe(paused);

  await page.getByTestId('run').click();
  await expect(page.getByTestId('run')).toBeDisabled();
  await expect.poll(() => stepsOf(page, 'poisoned'), { timeout: 5_000, message: 'Resume continues the run' }).toBeGreaterThan(paused!);

  await page.getByTestId('stop').click();
  await waitBothDone(page, 10_000);
  await expect(poisoned).toContainText('Stopped by the user');
  await expect(page.getByTestId('run')).toHaveText('Run again');
  await expect(page.getByTestId('stop')).toBeDisabled();
  await page.screenshot({ path: shot('thm1-stopped.png'), fullPage: true });
});

test("an edit after a run marks its plots and results out of date; they keep the run's markers and export its spec", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/#lab=poisoning');
  const plots = page.getByTestId('thm1-plots-stale');
  const results = page.getByTestId('thm1-results-stale');
  const kappa = page.getByTestId('field-kappa');
  await expect(kappa).toHaveValue('7');
  await expect(plots).toHaveAttribute('data-stale', 'false'); // nothing has run: nothing is out of date

  await page.getByTestId('run').click();
  await waitBothDone(page);
  const genK = page.getByTestId('plot-gen-k');
  const impulse = page.getByTestId('plot-impulse');
  const marker = (plot: typeof genK, text: string) => plot.locator('g.ref', { hasText: text });
  await expect(marker(genK, 'κ = 7')).toHaveCount(1);
  await expect(plots).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('thm1-plots-stale-badge')).toHaveCount(0);

  // Committing the same value again changes nothing.
  await kappa.fill('7');
  await kappa.press('Enter');
  await expect(plots).toHaveAttribute('data-stale', 'false');

  // A new kappa after the run: plots and table are marked, and still draw the run's kappa, not the edited one.
  await kappa.fill('8');
  await kappa.press('Enter');
  await expect(kappa).toHaveValue('8');
  await expect(kappa).not.toHaveAttribute('aria-invalid', 'true');
  await expect(plots).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('thm1-plots-stale-badge')).toContainText('out of date — press Run');
  await expect(results).toHaveAttribute('data-stale', 'true');
  await expect(marker(genK, 'κ = 7')).toHaveCount(1);
  await expect(marker(genK, 'κ = 8')).toHaveCount(0);
  await expect(marker(impulse, 'κ−1 = 6')).toHaveCount(1);
  await expect(marker(impulse, 'κ−1 = 7')).toHaveCount(0);
  await expect(page.getByTestId('issue-banner')).toHaveCount(0);

  // The export writes the spec that produced the results (kappa 7), not the edited one.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(download.suggestedFilename()).toContain('-k7-');
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    spec: { data: { length: number } };
    armSpecs: Record<string, { arm: string; data: { length: number } }>;
  };
  expect(exported.spec.data.length).toBe(7);
  for (const arm of ARMS) expect([exported.armSpecs[arm].arm, exported.armSpecs[arm].data.length]).toEqual([arm, 7]);

  // Back to the run's kappa: up to date again.
  await kappa.fill('7');
  await kappa.press('Enter');
  await expect(plots).toHaveAttribute('data-stale', 'false');
  await expect(results).toHaveAttribute('data-stale', 'false');

  // Running the edited experiment clears the mark and moves the markers.
  await kappa.fill('8');
  await kappa.press('Enter');
  await expect(plots).toHaveAttribute('data-stale', 'true');
  await page.getByTestId('run').click();
  await expect(plots).toHaveAttribute('data-stale', 'false');
  await waitBothDone(page);
  await expect(marker(genK, 'κ = 8')).toHaveCount(1);
  await expect(marker(genK, 'κ = 7')).toHaveCount(0);
  expect(errors).toEqual([]);
});
