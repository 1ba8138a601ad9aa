import { expect, test } from '@playwright/test';
import { NAV_LABS as LABS } from '../src/labs/ui-registry';
import { collectPageErrors } from './helpers';

const TITLES = ['Poisoning', 'Extrapolation', 'Flow vs Descent', 'Saddles', 'Stability'];

test('app shell: title, the five labs, a not-built lab and back to Poisoning', async ({ page }) => {
  const errors = collectPageErrors(page);
  // the root is the start page; `#lab=poisoning` opens the first lab as it always did
  await page.goto('/');
  await expect(page).toHaveTitle('Implicit Bias Lab');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Implicit Bias Lab');
  await expect(page.getByTestId('start-page')).toBeVisible();
  await expect(page.getByTestId('lab-poisoning')).toHaveCount(0);
  await page.goto('/#lab=poisoning');

  const nav = page.getByRole('navigation', { name: 'Labs' });
  const links = nav.getByRole('link');
  await expect(links).toHaveCount(TITLES.length);
  for (const [i, title] of TITLES.entries()) await expect(links.nth(i)).toContainText(title);
  expect(LABS.map((l) => l.title)).toEqual(TITLES);
  await expect(page.getByTestId('lab-poisoning')).toBeVisible();

  // Labs not built yet are marked "(soon)" and show their one-line description; built ones show their page.
  let notBuilt = 0;
  for (const lab of LABS.filter((l) => l.id !== 'poisoning')) {
    const link = nav.getByRole('link', { name: lab.title });
    const soon = /\(soon\)/.test((await link.textContent()) ?? '');
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveURL(new RegExp(`#lab=${lab.id}$`));
    await expect(page.getByTestId('lab-poisoning')).toHaveCount(0);
    if (!soon) continue;
    notBuilt++;
    const section = page.getByTestId(`lab-${lab.id}`);
    await expect(section).toBeVisible();
    await expect(section.getByRole('heading', { level: 2 })).toHaveText(lab.title);
    expect(lab.blurb.length, `${lab.id} has a one-line description`).toBeGreaterThan(20);
    await expect(section).toContainText(lab.blurb);
  }
  test.info().annotations.push({ type: 'labs', description: `${notBuilt} lab(s) not built yet` });

  await nav.getByRole('link', { name: 'Poisoning' }).click();
  await expect(page.getByTestId('lab-poisoning')).toBeVisible();
  await expect(page.getByTestId('run')).toBeEnabled();
  await expect(nav.getByRole('link', { name: 'Poisoning' })).toHaveAttribute('aria-current', 'page');
  expect(errors).toEqual([]);
});
