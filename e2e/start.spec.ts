import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LAB_UIS, NAV_LABS } from '../src/labs/ui-registry';
import { collectPageErrors, presetSpec, shot, storedSpec } from './helpers';

test('start page: a cold load draws the Theorem-1 demo by itself (time printed); two sentences, a card per lab, the gallery', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  const demo = page.getByTestId('start-demo');
  // the demo marks the animation frame in which its first data went on screen, in ms from navigation start
  await expect(demo).toHaveAttribute('data-first-draw-ms', /^\d+$/, { timeout: 15_000 });
  const ms = Number(await demo.getAttribute('data-first-draw-ms'));
  for (const arm of ['clean', 'poisoned']) await expect(page.getByTestId(`plot-start-demo-${arm}`)).toHaveAttribute('data-points', /^[1-9]\d*$/);
  // speed is measured, not asserted (the 2-core CI machine under Playwright gave 1.4-1.8 s): the figure is printed
  console.log(`[bench] start page: first demo frame ${ms} ms after navigation (goal 1500 ms)`);
  expect(ms).toBeGreaterThan(0);
  // the pair runs to the end and its numbers are the paper's Table 1 row 1 (seed 242: the lab's reference values)
  await expect(demo).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
  await expect(demo).toContainText(/Gen₂₀ ends at 0\.00118 clean and 0\.0492 poisoned/);
  await page.screenshot({ path: shot('start-1400.png') });

  const intro = (await page.getByTestId('start-intro').textContent()) ?? '';
  expect(intro.split(/\.\s/).filter((s) => s.trim()).length, intro).toBe(2);
  for (const l of NAV_LABS) {
    const card = page.getByTestId(`start-lab-${l.id}`);
    await expect(card).toHaveAttribute('href', `#lab=${l.id}`);
    await expect(card).toContainText(l.title);
    await expect(card).toContainText(l.paper);
    if (l.built) await expect(card).toContainText(l.question);
  }
  const entries = page.locator('[data-testid^="gallery-"]');
  await expect(entries).toHaveCount(Object.values(LAB_UIS).reduce((n, u) => n + u.gallery.length, 0));
  // the note that stood in for the list while the demo started is gone
  await expect(page.getByTestId('start-gallery-wait')).toHaveCount(0);
  // nothing in the header is the current lab; the header's home link comes back here from a lab
  await expect(page.locator('header [aria-current=page]')).toHaveCount(0);
  await page.getByTestId('start-lab-stability').click();
  await expect(page.getByTestId('lab-stability')).toBeVisible();
  await page.getByTestId('home').click();
  await expect(page.getByTestId('start-page')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#start');
  await expect(page.locator('header [aria-current=page]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

for (const lab of NAV_LABS.filter((l) => l.built)) {
  test(`gallery: every ${lab.title} entry opens its lab with its preset loaded`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors = collectPageErrors(page);
    for (const g of LAB_UIS[lab.id].gallery) {
      // a fresh load each time: runs that the previous entry started end with its page
      await page.goto('/');
      await page.getByTestId(`gallery-${g.presetId}`).click();
      await expect(page.getByTestId(`lab-${lab.id}`), g.presetId).toBeVisible();
      // the link's experiment is taken in and the address keeps the lab and its page
      await expect.poll(() => new URL(page.url()).hash, { message: g.presetId }).not.toContain('s=');
      const params = new URLSearchParams(new URL(page.url()).hash.slice(1));
      expect(params.get('lab')).toBe(lab.id);
      if (g.page) await expect(page.getByTestId(`tab-${g.page}`), g.presetId).toHaveAttribute('aria-current', 'page');
      expect(await storedSpec(page, lab.id), g.presetId).toEqual(presetSpec(g.presetId));
    }
    expect(errors).toEqual([]);
  });
}

test('gallery: opened entries run (Theorem 1, Table 1 row 1; Stability Figure 1; Saddles Figure 2)', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await page.getByTestId('gallery-thm1-d10k7-s242').click();
  for (const arm of ['clean', 'poisoned']) await expect(page.locator(`[data-testid=status-${arm}][data-done=true]`)).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('status-clean')).toContainText(/Converged/);
  await expect(page.getByTestId('status-poisoned')).toContainText(/Converged/);
  await expect(page.getByTestId('field-seed')).toHaveValue('242');

  await page.goto('/');
  await page.getByTestId('gallery-S-fig1').click();
  await expect(page.getByTestId('stability-status')).toHaveAttribute('data-outcome', 'converged', { timeout: 30_000 });
  await expect(page.getByTestId('stability-status')).toContainText('flatter than gradient flow');

  await page.goto('/');
  await page.getByTestId('gallery-sd-ex1-0.1').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('status')).toContainText(/loss/);
  expect(errors).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: the start page and presentation mode in the ${theme} theme have no serious or critical violation`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('ibl.theme', t), theme);
    await page.emulateMedia({ colorScheme: theme });
    for (const hash of ['', '#lab=poisoning&page=thm1&present=1']) {
      await page.goto(`/${hash}`);
      await expect(page.getByTestId(hash ? 'presentation' : 'start-page')).toBeVisible();
      if (!hash) await expect(page.getByTestId('start-demo')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
      expect(serious, hash || 'start page').toEqual([]);
    }
  });
}
