import { expect, test } from '@playwright/test';
import { NAV_LABS } from '../src/labs/ui-registry';

/** Phone and tablet widths: no page of any lab scrolls sideways; on a phone the labs are in a menu. */
for (const { width, height } of [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
]) {
  test(`at ${width} x ${height} no lab page is wider than the screen`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const wide: string[] = [];
    for (const lab of NAV_LABS) {
      await page.goto(`/#lab=${lab.id}`);
      await expect(page.getByTestId(`lab-${lab.id}`)).toBeVisible();
      // every tab of the lab (the labs with one page have none)
      const tabs = await page.locator(`[data-testid^="tab-"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      for (const tab of tabs.length ? tabs : [null]) {
        if (tab) await page.getByTestId(tab).click();
        await page.waitForTimeout(300);
        const sw = await page.evaluate(() => document.documentElement.scrollWidth);
        if (sw > width) wide.push(`${lab.id}${tab ? ` ${tab}` : ''}: ${sw} px`);
      }
    }
    expect(wide).toEqual([]);
  });
}

test('on a phone the labs fold into a menu that opens another lab', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#lab=poisoning');
  const menu = page.getByTestId('lab-menu');
  await menu.locator('summary').click();
  await menu.getByRole('link', { name: 'Flow vs Descent' }).click();
  await expect(page.getByTestId('lab-flow-vs-descent')).toBeVisible();
});
