import { expect, type Page, test } from '@playwright/test';

/**
 * A full tour: the start page and every page of every lab, in the light and the dark theme; on each page its default
 * action where it is quick (a run, a sweep, a Reproduce card), then zero console errors and zero page errors.
 * Console warnings are printed, not asserted.
 */

type Theme = 'light' | 'dark';

/** A page of the tour: its hash, the element that says it is up, and its quick default action (none: just look). */
interface Stop {
  name: string;
  hash: string;
  ready: string;
  act?: (page: Page) => Promise<void>;
}

const done =
  (testId: string, attr = 'data-done', value: string | RegExp = 'true', timeout = 60_000) =>
  async (page: Page) => {
    await expect(page.getByTestId(testId).first()).toHaveAttribute(attr, value, { timeout });
  };
const click = (testId: string) => async (page: Page) => {
  await page.getByTestId(testId).first().click();
};
/** Runs the actions one after another. */
const steps =
  (...acts: ((page: Page) => Promise<void>)[]) =>
  async (page: Page) => {
    for (const act of acts) await act(page);
  };
/** Clicks a button (a run's, a sweep's), then waits as `done` does for what it starts to end. */
const clickThen = (testId: string, ...until: Parameters<typeof done>) => steps(click(testId), done(...until));
const select = (testId: string, value: string) => async (page: Page) => {
  await page.getByTestId(testId).selectOption(value);
};
/** Opens the tabs named, in turn. */
const tabs =
  (...names: string[]) =>
  async (page: Page) => {
    for (const name of names) await page.getByRole('tab', { name }).click();
  };
const visible = (testId: string, timeout: number) => async (page: Page) => {
  await expect(page.getByTestId(testId)).toBeVisible({ timeout });
};
const card = (id: string) => clickThen(`repro-run-${id}`, `repro-${id}`, 'data-state', 'done', 90_000);

const STOPS: Stop[] = [
  {
    name: 'start page',
    hash: '',
    ready: 'start-page',
    // the Theorem-1 pair runs by itself
    act: steps(...['clean', 'poisoned'].map((arm) => done(`plot-start-demo-${arm}`, 'data-points', /^[1-9]\d*$/, 30_000))),
  },
  { name: 'poisoning / thm1', hash: '#lab=poisoning&page=thm1', ready: 'lab-poisoning', act: clickThen('run', 'status-poisoned') },
  { name: 'poisoning / explore', hash: '#lab=poisoning&page=explore', ready: 'page-explore', act: steps(select('preset-select', 'F2-s105'), clickThen('run', 'status-poisoned')) },
  { name: 'poisoning / reproduce', hash: '#lab=poisoning&page=reproduce', ready: 'lab-poisoning', act: card('T1-7') },
  { name: 'extrapolation / run', hash: '#lab=extrapolation&page=run', ready: 'page-extrap-run', act: clickThen('run', 'status') },
  {
    name: 'extrapolation / sweeps',
    hash: '#lab=extrapolation&page=sweeps',
    ready: 'page-sweeps',
    act: async (page) => {
      const ms = Number(await page.locator('[data-estimate-ms]').getAttribute('data-estimate-ms'));
      console.log(`[bench] extrapolation default sweep estimate: ${ms} ms`);
      if (!(ms < 20_000)) return;
      await clickThen('sweep-run', 'sweep-results', 'data-status', 'done', 90_000)(page);
    },
  },
  { name: 'extrapolation / demos', hash: '#lab=extrapolation&page=demos', ready: 'lab-extrapolation' },
  { name: 'extrapolation / reproduce', hash: '#lab=extrapolation&page=reproduce', ready: 'page-reproduce', act: card('E-TWIN') },
  { name: 'flow-vs-descent / run', hash: '#lab=flow-vs-descent&page=run', ready: 'page-fd-run', act: clickThen('run', 'fd-status') },
  { name: 'flow-vs-descent / sweep', hash: '#lab=flow-vs-descent&page=sweep', ready: 'page-fd-sweep', act: clickThen('sweep-run', 'sweep-status', 'data-status', 'done', 90_000) },
  { name: 'flow-vs-descent / theory', hash: '#lab=flow-vs-descent&page=theory', ready: 'lab-flow-vs-descent' },
  { name: 'flow-vs-descent / mnist', hash: '#lab=flow-vs-descent&page=mnist', ready: 'lab-flow-vs-descent' },
  { name: 'flow-vs-descent / reproduce', hash: '#lab=flow-vs-descent&page=reproduce', ready: 'page-fd-reproduce', act: card('FD-Q1') },
  { name: 'saddles', hash: '#lab=saddles', ready: 'lab-saddles', act: clickThen('run', 'status') },
  {
    name: 'stability',
    hash: '#lab=stability',
    ready: 'lab-stability',
    // the run updates by itself; then the sweep tabs (not the bifurcation view: 2000 columns) and the η sweep
    act: steps(
      done('stability-status', 'data-updating', 'false', 30_000),
      tabs('Trade-off: speed vs regularisation', 'Sweep init scale', 'Figure 3 heatmaps', 'Sweep η'),
      click('run-eta-sweep'),
      visible('sweep-done', 60_000),
    ),
  },
];

test.describe.configure({ timeout: 180_000 });

for (const theme of ['light', 'dark'] as Theme[]) {
  for (const stop of STOPS) {
    test(`tour: ${stop.name} in the ${theme} theme, no console or page errors`, async ({ page }) => {
      const errors: string[] = [];
      const warnings: string[] = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
        // the test runner's own notice (it blocks service workers in these tests) is not the app's
        else if (m.type() === 'warning' && !m.text().includes('blocked by Playwright')) warnings.push(m.text());
      });
      await page.addInitScript((t) => localStorage.setItem('ibl.theme', t), theme);
      await page.emulateMedia({ colorScheme: theme });
      const t0 = Date.now();
      await page.goto(`/${stop.hash}`);
      await expect(page.getByTestId(stop.ready).first()).toBeVisible({ timeout: 30_000 });
      if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
      else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
      await page.waitForLoadState('networkidle');
      if (stop.act) await stop.act(page);
      // what the action drew settles (late frames, worker replies)
      await page.waitForTimeout(500);
      console.log(
        `[bench] tour ${stop.name} (${theme}): ${Date.now() - t0} ms${warnings.length ? `; ${warnings.length} console warnings: ${warnings.slice(0, 3).join(' | ')}` : ''}`,
      );
      expect(errors).toEqual([]);
    });
  }
}
