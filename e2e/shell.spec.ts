import { expect, test } from '@playwright/test';
import { LABS } from '../src/labs/registry';
import { collectPageErrors } from './helpers';

const TITLES = ['Poisoning', 'Extrapolation', 'Flow vs Descent', 'Saddles', 'Stability'];
/** Only Poisoning is built so far; the others show their one-line promise. */
const NOT_BUILT = LABS.filter((l) => l.id !== 'poisoning');

test('app shell: title, the five labs, a not-built lab and back to Poisoning', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await expect(page).toHaveTitle('Implicit Bias Lab');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Implicit Bias Lab');

  const nav = page.getByRole('navigation', { name: 'Labs' });
  const links = nav.getByRole('link');
  await expect(links).toHaveCount(TITLES.length);
  for (const [i, title] of TITLES.entries()) await expect(links.nth(i)).toContainText(title);
  await expect(page.getByTestId('lab-poisoning')).toBeVisible();

  expect(NOT_BUILT.map((l) => l.title)).toEqual(TITLES.slice(1));
  for (const lab of NOT_BUILT) {
    await nav.getByRole('link', { name: lab.title }).click();
    const section = page.getByTestId(`lab-${lab.id}`);
    await expect(section).toBeVisible();
    await expect(section.getByRole('heading')).toHaveText(lab.title);
    await expect(section).toContainText(lab.blurb);
    expect(lab.blurb.length, `${lab.id} has a one-line description`).toBeGreaterThan(20);
    await expect(page.getByTestId('lab-poisoning')).toHaveCount(0);
    await expect(nav.getByRole('link', { name: lab.title })).toHaveAttribute('aria-current', 'page');
  }

  await nav.getByRole('link', { name: 'Poisoning' }).click();
  await expect(page.getByTestId('lab-poisoning')).toBeVisible();
  await expect(page.getByTestId('run')).toBeEnabled();
  for (const lab of NOT_BUILT) await expect(page.getByTestId(`lab-${lab.id}`)).toHaveCount(0);
  expect(errors).toEqual([]);
});
