import { expect, test } from '@playwright/test';
import { collectPageErrors, waitBothDone } from './helpers';

/** Offline: after one visit the service worker has precached the app, so a reload with the network off still runs labs. */

// the other specs block service workers (playwright.config.ts); this one needs the app's
test.use({ serviceWorkers: 'allow' });

test('after one visit the app reloads and runs two labs with the network off', async ({ page, context }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  // the worker precaches everything while installing, then claims the page (clientsClaim): ready + controller
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  // the controller can still be 'activating' when controllerchange fires
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state), { timeout: 15_000 }).toBe('activated');

  await context.setOffline(true);
  const fromNetwork: string[] = [];
  page.on('response', (r) => {
    if (!r.fromServiceWorker() && new URL(r.url()).origin === new URL(page.url()).origin) fromNetwork.push(r.url());
  });
  await page.reload();
  // the network really is off: an address the worker has not precached fails
  expect(
    await page.evaluate(() =>
      fetch(`/favicon.svg?offline-probe=${Date.now()}`).then(
        () => 'loaded',
        () => 'failed',
      ),
    ),
  ).toBe('failed');

  // Poisoning: the Theorem-1 run in its runner worker, both arms to the end
  await page.goto('/#lab=poisoning');
  await expect(page.getByTestId('field-seed')).toHaveValue('242');
  await page.getByTestId('run').click();
  await waitBothDone(page);
  await expect(page.getByTestId('status-clean')).toContainText(/Converged/);
  await expect(page.getByTestId('plot-loss')).toHaveAttribute('data-points', /^[1-9]\d*$/);

  // Flow vs Descent: a lazy lab chunk plus the MNIST trace data chunks
  await page.goto('/#lab=flow-vs-descent&page=mnist');
  await expect(page.getByTestId('fd-mnist-summary')).toHaveAttribute('data-net', 'fclin');
  await page.getByTestId('fd-mnist-net').selectOption('lenet');
  await expect(page.getByTestId('fd-mnist-summary')).toHaveAttribute('data-net', 'lenet');
  await expect(page.locator('[data-testid=fd-mnist-checks] li[data-holds=true]')).toHaveCount(2);

  // Stability: its landscape grid comes from the landscape worker
  await page.goto('/#lab=stability');
  await expect(page.locator('[data-testid=landscape-stability][data-grid="200x200"]')).toHaveCount(1);

  expect(fromNetwork, 'every same-origin response came from the service worker').toEqual([]);
  expect(errors).toEqual([]);
});
