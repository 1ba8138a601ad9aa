import { expect, test } from '@playwright/test';
import { findPreset } from '../src/experiment/presets';
import type { Spec } from '../src/experiment/schema';
import { lossSlice } from '../src/labs/poisoning/explore/explore-model';
import { fmt } from '../src/ui/format';
import { ARMS, collectPageErrors, currentSpec, shot, waitBothDone } from './helpers';

const specialRows = (page: import('@playwright/test').Page) => page.locator('[data-testid=seq-row][data-special=true]');

test('Explore: drag a bar, add a special sequence, run A/B and see both arms', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/#lab=poisoning&page=explore');
  await expect(page.getByTestId('page-explore')).toBeVisible();
  await expect(page.getByTestId('tab-explore')).toHaveAttribute('aria-current', 'page');

  // A fast preset: Fig. 2 SSM panels, adaptive GD (8 baseline rows at positions 1, 2; 10 special at 5, 6).
  await page.getByTestId('preset-select').selectOption('F2-s105');
  await expect(page.getByTestId('seq-row')).toHaveCount(18);
  await expect(specialRows(page)).toHaveCount(10);

  // Drag bar 3 of the first sequence (value 0) upwards: the value changes and is shown for typing.
  const bar = page.getByTestId('bar-0-2');
  await expect(bar).toHaveAttribute('data-value', '0');
  const box = (await page.getByTestId('strip-0').boundingBox())!;
  const x = box.x + (2.5 * box.width) / 6; // kappa = 6: the middle of bar 3
  const mid = box.y + box.height / 2;
  await page.mouse.move(x, mid);
  await page.mouse.down();
  await page.mouse.move(x, mid - 8, { steps: 4 });
  await page.mouse.move(x, mid - 14, { steps: 4 });
  await page.mouse.up();
  await expect(bar).not.toHaveAttribute('data-value', '0');
  const dragged = Number(await bar.getAttribute('data-value'));
  expect(dragged, 'dragging up gives a positive value').toBeGreaterThan(0);
  await expect(page.getByTestId('cell-value')).toHaveValue(String(dragged));

  // Type an exact value into the selected cell.
  await page.getByTestId('cell-value').fill('0.75');
  await page.getByTestId('cell-value').press('Enter');
  await expect(bar).toHaveAttribute('data-value', '0.75');

  // One click adds a special sequence q e_(kappa-1): more special rows, and gamma^(0) at init changes.
  const g0Before = await page.getByTestId('gamma0-init-poisoned').getAttribute('data-value');
  await expect(page.getByTestId('gamma0-init-clean')).toHaveAttribute('data-value', '0');
  await page.getByTestId('add-special').click();
  await expect(specialRows(page)).toHaveCount(11);
  await expect(page.getByTestId('gamma0-init-poisoned')).not.toHaveAttribute('data-value', g0Before ?? '');
  expect(Number(await page.getByTestId('gamma0-init-poisoned').getAttribute('data-value'))).not.toBeNaN();
  await expect(page.getByTestId('label-18')).toContainText('y = 1'); // teacher "one": phi*(e_5) = 1

  // Run both arms from the same initialisation.
  await page.getByTestId('run').click();
  await waitBothDone(page, 60_000);
  for (const arm of ARMS) {
    await expect(page.getByTestId(`plot-entries-${arm}`)).toHaveAttribute('data-points', /^[1-9]\d*$/);
    await expect(page.getByTestId(`traj-${arm}`)).toHaveAttribute('data-points', /^[1-9]\d*$/);
  }
  for (const id of ['loss', 'erank', 'gamma0', 'gen-k', 'impulse']) await expect(page.getByTestId(`plot-${id}`)).toHaveAttribute('data-points', /^[1-9]\d*$/);
  await expect(page.getByTestId('status-clean')).toContainText('Without special sequences');
  await expect(page.getByTestId('status-poisoned')).toContainText('With special sequences');
  const gen = Object.fromEntries(await Promise.all(ARMS.map(async (a) => [a, Number(await page.getByTestId(`gen-${a}`).getAttribute('data-value'))] as const)));
  expect(gen.poisoned, 'the special sequences hurt extrapolation').toBeGreaterThan(gen.clean);

  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('poisoning-explore.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('Explore: a refused edit keeps the last good spec; gap slider, landscape click, other presets', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/#lab=poisoning&page=explore');
  await page.getByTestId('preset-select').selectOption('F2-s105');
  const d = page.getByTestId('field-d');
  await d.fill('0');
  await d.press('Enter');
  await expect(d).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'state dimension d' })).toHaveCount(1);
  await expect(page.getByTestId('preset-select'), 'the refused edit left the experiment as it was').toHaveValue('F2-s105');

  const target = page.getByTestId('landscape-click');
  const box = (await target.boundingBox())!;
  await target.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  await expect(page.getByTestId('field-init')).toHaveValue('explicit');
  await expect(page.getByTestId('preset-select')).toHaveValue('');

  // The near-tie slider sets the tie exponent through gap = 0.05 exp(c log10 scale).
  await page.getByTestId('preset-select').selectOption('F2-s105');
  await expect(page.getByTestId('gap-value')).toHaveText('2.12e-19');
  await page.getByTestId('field-gap').fill('-6');
  await expect(page.getByTestId('gap-value')).toHaveText('1.00e-6');

  // Presets with an MLP head and with gradient flow load and show their readouts.
  for (const id of ['M-6-s4540', 'thm1-d10k7-s242']) {
    await page.getByTestId('preset-select').selectOption(id);
    await expect(page.getByTestId('gamma0-init-poisoned')).toHaveAttribute('data-value', /\d/);
    await expect(page.getByTestId('init-marker')).toHaveCount(1);
  }
  await expect(page.getByTestId('gamma0-init-clean')).toHaveAttribute('data-value', '0');
  expect(errors).toEqual([]);
});

test('Explore: the poison dose knobs switch special rows off and rescale them, through the validator', async ({ page }) => {
  await page.goto('/#lab=poisoning&page=explore');
  await page.getByTestId('preset-select').selectOption('F2-s105');
  await expect(specialRows(page)).toHaveCount(10);
  const dose = page.getByTestId('poison-dose');
  await expect(dose).toContainText('10 / 10');
  // fewer special rows in use: they stay in the table, switched off
  await page.getByTestId('dose-count').fill('4');
  await expect(dose).toContainText('4 / 10');
  await expect(page.getByTestId('row-counts')).toContainText('4 special');
  await expect(page.getByTestId('row-counts')).toContainText('6 disabled');
  // a new size: the largest |value| among the rows in use becomes 0.5
  await page.getByTestId('dose-amplitude').fill('0.5');
  await page.getByTestId('dose-amplitude').press('Enter');
  await expect(page.getByTestId('dose-amplitude')).toHaveValue('0.5');
  const values = await page
    .locator('[data-testid=seq-row][data-special=true] [data-testid^=bar-]')
    .evaluateAll((els) => els.map((e) => Math.abs(Number(e.getAttribute('data-value')))));
  expect(Math.max(...values)).toBeGreaterThan(0.49);
  // all ten back in use (the six that were off were rescaled alike)
  await page.getByTestId('dose-count').fill('10');
  await expect(dose).toContainText('10 / 10');
  // no rows in use: nothing to rescale, the field says so and the spec is kept
  await page.getByTestId('dose-count').fill('0');
  await page.getByTestId('dose-amplitude').fill('2');
  await page.getByTestId('dose-amplitude').press('Enter');
  await expect(dose.getByRole('alert')).toContainText('switch a special row');
});

test('Explore: the (a1, a2) slice is mapped in the landscape worker, with the values the page computed before', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/#lab=poisoning&page=explore');
  await page.getByTestId('preset-select').selectOption('B-6-s200');
  const land = page.getByTestId('plot-landscape');
  // the main-thread slice of before, over the same 100 x 100 points, as the page's colour range (log10 loss)
  const spec = findPreset('B-6-s200')!.spec as Extract<Spec, { lab: 'poisoning' }>;
  const range = (arm: 'clean' | 'poisoned', bcOne: boolean) => {
    const v = lossSlice(spec, arm, [-0.6, 1.4], 100, bcOne)!.values;
    const logs = Array.from(v, (x) => Math.log10(Math.max(x, 1e-16)));
    return [Math.min(...logs), Math.max(...logs)];
  };
  const expectRange = async ([lo, hi]: number[]) => {
    await expect.poll(async () => Number(await land.getAttribute('data-log-min'))).toBeCloseTo(lo, 9);
    await expect.poll(async () => Number(await land.getAttribute('data-log-max'))).toBeCloseTo(hi, 9);
  };
  await expect(land).toHaveAttribute('data-grid', '100x100');
  await expectRange(range('poisoned', false));
  expect(
    page.workers().some((w) => w.url().includes('landscape.worker')),
    'the grid comes from the landscape worker',
  ).toBe(true);
  await page.getByTestId('landscape-surface').selectOption('clean');
  await expectRange(range('clean', false));
  await page.getByTestId('landscape-bc1').check();
  await expectRange(range('clean', true));
  expect(errors).toEqual([]);
});

test('Explore: the sequence bars work from the keyboard alone (a slider group per sequence)', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/#lab=poisoning&page=explore');
  await page.getByTestId('preset-select').selectOption('F2-s105');
  await expect(page.getByTestId('seq-row')).toHaveCount(18);
  // one tab stop per strip: Tab from the row's kind toggle lands on its first bar
  const strip = page.getByTestId('strip-0');
  const bars = strip.getByRole('slider');
  await expect(bars).toHaveCount(6);
  await expect(strip.locator('[role=slider][tabindex="0"]')).toHaveCount(1);
  await page
    .getByTestId('seq-row')
    .first()
    .getByRole('button', { name: /baseline|special/ })
    .focus();
  await page.keyboard.press('Tab');
  const bar0 = page.getByTestId('bar-0-0');
  await expect(bar0).toBeFocused();
  await expect(bar0).toHaveAttribute('aria-label', 'sequence 1, position 1');
  await expect(bar0).toHaveAttribute('aria-valuemin', '-1000000');
  await expect(bar0).toHaveAttribute('aria-valuemax', '1000000');
  // a screen reader hears the value as the page shows numbers (4 significant digits), and which rows are special
  await expect(bar0).toHaveAttribute('aria-valuetext', fmt(Number(await bar0.getAttribute('aria-valuenow'))));
  await expect(page.locator('[data-testid=seq-row][data-special=true]').first().getByRole('group')).toHaveAttribute('aria-label', /^sequence \d+ \(special\): /);
  await expect(strip).toHaveAttribute('aria-label', /^sequence 1: /);
  // right / End / Home move the focus between the bars of the strip
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const bar2 = page.getByTestId('bar-0-2');
  await expect(bar2).toBeFocused();
  await expect(bar2).toHaveAttribute('tabindex', '0');
  await expect(bar0).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('End');
  await expect(page.getByTestId('bar-0-5')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(bar0).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(bar2).toBeFocused();
  // up / down change the value by 0.1, shift by 1: the spec (read back through the share link) has it
  const v0 = Number(await bar2.getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(bar2).toHaveAttribute('aria-valuenow', String(Math.round((v0 + 0.3) * 1e9) / 1e9));
  await page.keyboard.press('Shift+ArrowDown');
  const v1 = Math.round((v0 + 0.3 - 1) * 1e9) / 1e9;
  await expect(bar2).toHaveAttribute('aria-valuenow', String(v1));
  await expect(bar2).toHaveAttribute('data-value', String(v1));
  await expect(bar2).toBeFocused();
  // the focused bar is the selected cell: its exact value is in the field beside the strips
  await expect(page.getByTestId('cell-value')).toHaveValue(String(v1));
  // the focus ring (keyboard focus) is drawn round the focused bar
  const ring = await bar2.locator('rect.ring').evaluate((el) => getComputedStyle(el).stroke);
  expect(ring, 'a visible ring colour').not.toMatch(/none|rgba\(0, 0, 0, 0\)|transparent/);
  await page.screenshot({ path: shot('poisoning-bars-keyboard.png'), clip: (await page.getByTestId('sequence-editor').boundingBox()) ?? undefined });
  // Space on a bar does not start a run (shortcuts stay off controls)
  await page.keyboard.press(' ');
  await expect(page.locator('[role=toolbar][data-transport=idle]')).toHaveCount(1);
  // the pointer over a bar (above its bar and the strip's midline) reads its value out in the strip; moved again until
  // the page has stopped scrolling under it (the focus scrolled the first row under the list's sticky header)
  await page.getByTestId('sequence-list').evaluate((el) => el.scrollTo(0, 0));
  await expect(async () => {
    const [barBox, stripBox] = [await bar2.boundingBox(), await strip.boundingBox()];
    await strip.hover({ position: { x: barBox!.x - stripBox!.x + barBox!.width / 2, y: 4 } });
    await expect(strip.getByTestId('bar-readout')).toHaveText(`position 3: ${fmt(v1)}`, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const spec = await currentSpec(page);
  expect(spec.data.sequences[0].x[2]).toBe(v1);
  expect(errors).toEqual([]);
});
