import { expect, type Page, test } from '@playwright/test';
import type { LabId } from '../src/experiment/schema';
import { collectPageErrors, openRunPage, specOnScreen as labSpecOnScreen } from './helpers';

/** The Extrapolation lab's Run page with three arms (E-6's three k): one change each, shared axes, a link that restores them. */

const LAB = 'extrapolation' satisfies LabId;

const open = (page: Page, preset?: string) => openRunPage(page, LAB, 'page-extrap-run', preset);
const ARMS = ['status', 'status-compare', 'status-third'] as const;

async function allDone(page: Page, timeout = 60_000) {
  for (const id of ARMS) await expect(page.getByTestId(id)).toHaveAttribute('data-done', 'true', { timeout });
}

const finalEs = (page: Page) => Promise.all(ARMS.map(async (id) => page.getByTestId(id).getAttribute('data-e')));

test('three arms: k = 7, 5 and 3 on E-X3 run side by side, and a share link restores all three with the same numbers', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const errors = collectPageErrors(page);
  await open(page, 'E-X3');
  await expect(page.getByTestId('compare2'), 'the third arm is offered only beside a second one').toHaveCount(0);
  await page.getByTestId('compare-kind').selectOption('k');
  await expect(page.getByTestId('compare-k')).toHaveValue('5');
  await page.getByTestId('compare2-kind').selectOption('k');
  await expect(page.getByTestId('compare2-k'), 'the third arm avoids the second arm’s k').toHaveValue('3');
  await page.getByTestId('run').click();
  await allDone(page);
  await expect(page.getByTestId('run-plots')).toHaveAttribute('data-arms', '3');
  await expect(page.getByTestId('status-third')).toContainText('Third arm: k = 3');
  const impulse = page.getByTestId('plot-ex-impulse');
  for (const role of ['main', 'compare', 'third']) await expect(impulse.locator(`[data-series=${role}-h]`)).toHaveCount(1);
  const [E, E2, E3] = (await finalEs(page)).map(Number);
  // E-X3, s = 0 (Sec. 6): k = 7 = 2 d_hat + 1 extrapolates (1.3e-3); the shorter windows do worse
  expect(E).toBeLessThan(3e-3);
  expect(E2).toBeGreaterThan(E);
  expect(E3).toBeGreaterThan(E);
  console.log(`[figure] E-X3, s = 0: E(k = 7, 5, 3) = ${[E, E2, E3].map((v) => v.toPrecision(3)).join(', ')}`);

  const { link } = await labSpecOnScreen(page, LAB, { close: true });
  expect(link).toMatch(/cmp=k%3A5/);
  expect(link).toMatch(/cmp2=k%3A3/);
  const context = await browser.newContext(); // no shared storage: only the link carries the experiment and its arms
  try {
    const other = await context.newPage();
    await other.goto(link);
    await allDone(other);
    expect((await finalEs(other)).map(Number), 'the same final E in every arm').toEqual([E, E2, E3]);
    await expect(other.getByTestId('compare-k')).toHaveValue('5');
    await expect(other.getByTestId('compare2-k')).toHaveValue('3');
    await expect(other.getByTestId('run-plots')).toHaveAttribute('data-arms', '3');
    expect(new URL(other.url()).hash, 'the link flags are consumed').not.toMatch(/cmp2?=/);
  } finally {
    await context.close();
  }

  // back to two arms: the third arm's choice set to nothing, Run again
  await page.getByTestId('compare2-kind').selectOption('none');
  await expect(page.getByTestId('run-stale')).toBeVisible();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status-compare')).toHaveAttribute('data-done', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('status-third')).toHaveCount(0);
  await expect(page.getByTestId('run-plots')).toHaveAttribute('data-arms', '2');
  expect(errors).toEqual([]);
});
