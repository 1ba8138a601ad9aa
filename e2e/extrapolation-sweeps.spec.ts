import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import type { SpecOf } from '../src/experiment/schema';
import { shot, storedSpec, test } from './helpers';

/** Types a list into one of the sweep's list fields and commits it (Enter), as a user would. */
async function setList(page: Page, testId: string, text: string) {
  const field = page.getByTestId(testId);
  await field.fill(text);
  await field.press('Enter');
}

test('Sweeps: a small E-X3 k-sweep runs across the pool to its end, E(7) < E(6), and a cell opens as a run', async ({ page }) => {
  await page.goto('/#lab=extrapolation&page=sweeps');
  await page.getByTestId('sweep-preset').selectOption('E-X3');
  await expect(page.getByTestId('sweep-estimate')).toHaveAttribute('data-runs', '27');
  await setList(page, 'sweep-seeds', '0');
  await setList(page, 'sweep-ks', '5..8');
  await expect(page.getByTestId('sweep-estimate')).toHaveAttribute('data-runs', '4');
  // the edited sweep is the experiment's own, no longer the preset's
  await expect(page.getByTestId('sweep-preset')).toHaveValue('');

  await page.getByTestId('sweep-run').click();
  const results = page.getByTestId('sweep-results');
  await expect(results).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(results).toHaveAttribute('data-done', '4');
  await expect(results).toHaveAttribute('data-total', '4');
  await expect(page.getByTestId('sweep-done')).toContainText('4 runs in');

  const plot = page.getByTestId('plot-sweep-k');
  await expect(plot).toHaveAttribute('data-dots', '4');
  const eByK = JSON.parse((await plot.getAttribute('data-e-by-k'))!) as Record<string, number>;
  expect(Object.keys(eByK)).toEqual(['5', '6', '7', '8']);
  // k = 2 dHat + 1 = 7 extrapolates, k = 2 dHat = 6 does not (the preset's assertion for seed 0)
  expect(eByK['7']).toBeLessThan(eByK['6']);
  expect(eByK['7']).toBeLessThan(3e-3);
  expect(eByK['6']).toBeGreaterThan(2e-2);
  // the table lists the same runs
  await expect(page.locator('[data-testid^=sweep-cell-]')).toHaveCount(4);
  await expect(page.getByTestId('sweep-stale')).toHaveAttribute('data-stale', 'false');
  // the hover readout names k and the seed's value
  const box = (await plot.locator('circle[data-x="7"]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('plot-sweep-k-readout')).toContainText('k = 7');
  await page.screenshot({ path: shot('extrapolation-sweeps.png'), fullPage: true });

  // the exports carry the experiment that produced the runs, every run and the summary
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sweep-export-json').click()]);
  const data = JSON.parse(await readFile((await json.path())!, 'utf8'));
  expect(data.spec.ui.sweep).toEqual({ kind: 'k', ks: [5, 6, 7, 8], seeds: [0] });
  expect(data.points.map((p: { k: number }) => p.k)).toEqual([5, 6, 7, 8]);
  expect(data.summary.find((r: { k: number }) => r.k === 7).meanE).toBeCloseTo(eByK['7'], 12);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sweep-export-csv').click()]);
  const lines = (await readFile((await csv.path())!, 'utf8')).split('\n');
  expect(lines[0]).toBe('# extrapolation sweep: 4 of 4 runs');
  expect(JSON.parse(lines[1].replace('# spec: ', '')).training.loss).toBe('population');
  expect(lines.filter((l) => l.startsWith('atoms(3),')).length).toBe(8);

  // a dot opens its run: the Run page, with that k and seed as the lab's experiment
  await plot.locator('circle[data-x="7"]').click();
  await expect(page).toHaveURL(/page=run/);
  await expect(page.getByTestId('tab-run')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('field-k')).toHaveValue('7');
  const spec = (await storedSpec(page, 'extrapolation')) as SpecOf<'extrapolation'>;
  expect(spec.training.k).toBe(7);
  expect(spec.seed).toBe(0);
  expect(spec.ui?.sweep).toEqual({ kind: 'k', ks: [5, 6, 7, 8], seeds: [0] });

  // back on the Sweeps page the sweep is current (k and the seed are what it sweeps) ...
  await page.getByTestId('tab-sweeps').click();
  await expect(page.getByTestId('sweep-stale')).toHaveAttribute('data-stale', 'false');
  // ... until the sweep or the base experiment changes
  await setList(page, 'sweep-seeds', '0, 1');
  await expect(page.getByTestId('sweep-stale')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('sweep-stale-badge')).toContainText('out of date');
});

test('Sweeps: a sweep of more than 2000 runs is refused under the field that asked for it, naming the field', async ({ page }) => {
  await page.goto('/#lab=extrapolation&page=sweeps');
  await page.getByTestId('sweep-preset').selectOption('E-X3');
  await page.getByTestId('sweep-kind').selectOption('sigma');
  await expect(page.getByTestId('sweep-sigmas')).toBeVisible();
  await setList(page, 'sweep-sigma-ks', '2..49');
  await expect(page.getByTestId('sweep-estimate')).toHaveAttribute('data-runs', String(5 * 48 * 3));
  // 5 sigmas x 48 ks x 20 seeds = 4800 runs
  await setList(page, 'sweep-seeds', '0..19');
  const seeds = page.getByTestId('sweep-seeds');
  await expect(seeds).toHaveAttribute('aria-invalid', 'true');
  const message = page.locator('[role=alert]').filter({ hasText: 'ui.sweep' });
  await expect(message).toContainText('ui.sweep: asks for 4800 runs, more than 2000');
  // nothing was applied: the experiment still asks for 720 runs
  await expect(page.getByTestId('sweep-estimate')).toHaveAttribute('data-runs', '720');
  // an unparsable list is refused by the field itself
  await setList(page, 'sweep-sigmas', '1e-3, big');
  await expect(page.locator('[role=alert]').filter({ hasText: '"big" is not a number' })).toBeVisible();
});

test('Sweeps: Cancel stops a running sweep after the runs in flight and keeps the finished ones', async ({ page }) => {
  await page.goto('/#lab=extrapolation&page=sweeps');
  // E-1B: full students of d = 50, seconds per run
  await page.getByTestId('sweep-preset').selectOption('E-1B');
  await expect(page.getByTestId('sweep-estimate')).toHaveAttribute('data-runs', '36');
  await page.getByTestId('sweep-run').click();
  const results = page.getByTestId('sweep-results');
  await expect(results).toHaveAttribute('data-status', 'running');
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByTestId('sweep-cancel').click();
  await expect(results).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('sweep-cancelled')).toContainText('of 36 runs');
  await expect(page.getByTestId('sweep-run')).toBeEnabled();
  expect(Number(await results.getAttribute('data-done'))).toBeLessThan(36);
});
