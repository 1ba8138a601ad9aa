import { expect, test } from '@playwright/test';
import { NAV_LABS } from '../src/labs/ui-registry';
import { collectPageErrors } from './helpers';

/** Storage that throws must never blank the page: an embed=1 iframe with blocked third-party storage, or a full quota. */

test('localStorage that throws on access (blocked third-party storage): every lab still works and the user is told', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  for (const lab of NAV_LABS) {
    await page.goto(`/#lab=${lab.id}&embed=1`);
    await expect(page.getByTestId(`lab-${lab.id}`)).toBeVisible();
    await expect(page.getByTestId('storage-problem')).toContainText('SecurityError');
  }
  // the theme still switches (from memory)
  await page.goto('/#lab=stability');
  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  expect(errors).toEqual([]);
});

test('a full quota: saving fails, the experiment still runs and edits still apply', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/#lab=flow-vs-descent&page=run');
  await page.getByTestId('preset-select').selectOption('FD-Q2');
  await expect(page.getByTestId('fd-horizon')).toHaveValue('20');
  await expect(page.getByTestId('storage-problem')).toContainText('QuotaExceededError');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('fd-status')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a pool worker whose script is blocked: the sweep says so instead of waiting forever, and works once the script loads', async ({ page }) => {
  let block = true;
  await page.route(/pool\.worker/, (route) => (block ? route.abort() : route.continue()));
  await page.goto('/#lab=flow-vs-descent&page=run');
  await page.getByTestId('preset-select').selectOption('FD-DLN3-eta');
  await expect(page.getByTestId('page-fd-sweep')).toBeVisible();
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'error', { timeout: 15_000 });
  await expect(page.getByTestId('sweep-status')).toContainText('pool worker failed');
  block = false;
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-edge')).toHaveAttribute('data-last-converged', '0.66', { timeout: 30_000 });
});

test('saved experiments of another version or a wrong type are kept aside, the user is told and can download them', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const good = { v: 1, lab: 'flow-vs-descent', objective: { family: 'quadratic', lam: [1, 3], q0: [0.5, 0.5] }, etas: [0.1], horizon: 5 };
    localStorage.setItem('ibl.experiments.v1', JSON.stringify({ version: -1, state: { specs: { 'flow-vs-descent': good, stability: { v: 1, lab: 'stability', eta: 'fast' } } } }));
  });
  await page.goto('/#lab=flow-vs-descent&page=run');
  // the readable experiment survived the unknown version; the broken one is announced, not silently dropped
  await expect(page.getByTestId('fd-q0')).toHaveValue('0.5, 0.5');
  const notice = page.getByTestId('unreadable-experiments');
  await expect(notice).toContainText('stability');
  const download = page.waitForEvent('download');
  await page.getByTestId('unreadable-download').click();
  expect((await download).suggestedFilename()).toBe('implicit-bias-lab-unreadable-experiments.json');
  // still kept after a reload, until dismissed
  await page.reload();
  await expect(notice).toBeVisible();
  await page.getByTestId('unreadable-dismiss').click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});
