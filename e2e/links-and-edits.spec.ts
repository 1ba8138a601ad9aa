import { expect, test, type Page } from '@playwright/test';
import { encodeSpec } from '../src/experiment/link';
import { findPreset } from '../src/experiment/presets';
import type { Spec, SpecOf } from '../src/experiment/schema';
import { OFF_THREAD_LINK_CHARS } from '../src/state/link-decoder';
import { parseSpec } from '../src/experiment/validate';
import { currentSpec, storedSpec } from './helpers';

/** Asserts the refusal banner is up and names `field` among its issues. */
async function expectRefused(page: Page, field: string) {
  const banner = page.getByTestId('issue-banner');
  await expect(banner).toBeVisible();
  await expect(banner.locator('code').filter({ hasText: new RegExp(`^${field.replace('.', '\\.')}$`) })).toHaveCount(1);
}

test("bad links are refused, name the bad field, and keep the user's experiment", async ({ page }) => {
  await page.goto('/#lab=poisoning');
  const seed = page.getByTestId('field-seed');
  await seed.fill('243');
  await seed.press('Enter');
  await expect(seed).toHaveValue('243');
  await expect(seed).not.toHaveAttribute('aria-invalid', 'true');
  const mine = await currentSpec(page);
  expect(mine.seed).toBe(243);
  await page.reload(); // the change persists
  await expect(seed).toHaveValue('243');

  // Every bad link starts from a valid experiment with another seed, so a wrongly accepted link shows.
  const other = findPreset('thm1-d10k7-s244')!.spec as SpecOf<'poisoning'>;
  const packed = encodeSpec(other).replace(/^s=/, '');
  const badSpec = (patch: Record<string, unknown>) => encodeSpec({ ...other, ...patch } as unknown as Spec);
  const cases = [
    { what: 'a truncated link', hash: `lab=poisoning&s=${packed.slice(0, Math.floor(packed.length / 2))}`, field: 'link' },
    { what: 'garbled text', hash: 'lab=poisoning&s=th1s%20is-not*an(experiment)!', field: 'link' },
    { what: 'd = 1e9', hash: `lab=poisoning&${badSpec({ model: { ...other.model, d: 1e9 } })}`, field: 'model.d' },
    { what: 'spec version 2', hash: `lab=poisoning&${badSpec({ v: 2 })}`, field: 'v' },
  ];
  for (const c of cases) {
    await test.step(c.what, async () => {
      await page.goto(`/#${c.hash}`);
      await expectRefused(page, c.field);
      await expect(page.getByTestId('issue-banner')).toContainText('Your last good experiment is kept');
      await expect(seed).toHaveValue('243');
      await expect(page.getByTestId('status-clean')).toHaveAttribute('data-done', 'false');
      await page.getByTestId('issue-banner').getByRole('button', { name: 'Dismiss' }).click();
      await expect(page.getByTestId('issue-banner')).toHaveCount(0);
    });
  }

  // Reloading the last bad link refuses it again; the experiment is still the user's.
  await page.reload();
  await expectRefused(page, 'v');
  await expect(seed).toHaveValue('243');
  expect(await currentSpec(page)).toEqual(mine);
});

test('a non-number in the d field is refused inline and the experiment keeps its d', async ({ page }) => {
  await page.goto('/#lab=poisoning');
  const d = page.getByTestId('field-d');
  const before = await currentSpec(page);
  await expect(d).toHaveValue(String(before.model.d));

  for (const text of ['NaN', 'abc']) {
    await test.step(`d = ${text}`, async () => {
      await d.fill(text);
      await d.press('Enter');
      await expect(d).toHaveAttribute('aria-invalid', 'true');
      const errId = await d.getAttribute('aria-describedby');
      expect(errId, 'the field points at its error message').toBeTruthy();
      const alert = page.locator(`[id="${errId}"]`);
      await expect(alert).toHaveAttribute('role', 'alert');
      await expect(alert).toContainText('model.d');
      expect(await currentSpec(page), 'the experiment is unchanged').toEqual(before);
    });
  }

  // A good value is taken and clears the message.
  await d.fill('12');
  await d.press('Enter');
  await expect(d).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('thm1-controls').getByRole('alert')).toHaveCount(0);
  expect((await currentSpec(page)).model.d).toBe(12);
});

test("a refused link's banner belongs to its lab: opening another lab dismisses it, and it does not come back", async ({ page }) => {
  await page.goto('/#lab=poisoning&s=th1s%20is-not*an(experiment)!');
  await expectRefused(page, 'link');
  await page.goto('/#lab=saddles');
  await expect(page.getByTestId('lab-saddles')).toBeVisible();
  await expect(page.getByTestId('issue-banner')).toHaveCount(0);
  await page.goto('/#lab=poisoning');
  await expect(page.getByTestId('field-seed')).toBeVisible();
  await expect(page.getByTestId('issue-banner')).toHaveCount(0);
});

test('a long link is read in the link worker, and on the page when that worker is blocked: the same experiment either way', async ({ page, browser }) => {
  const base = findPreset('M-10-s4540')!.spec as SpecOf<'poisoning'>;
  const sequences = Array.from({ length: 500 }, (_, i) => ({
    x: Array.from({ length: 16 }, (_, j) => Math.sin(i * 16 + j)),
    special: i === 499,
    enabled: true,
  }));
  const parsed = parseSpec({ ...base, data: { ...base.data, length: 16, sequences } });
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  const hash = `#lab=poisoning&${encodeSpec(parsed.spec)}`;
  expect(hash.length, 'long enough to be read off the page').toBeGreaterThan(OFF_THREAD_LINK_CHARS);
  await page.goto('/');
  const link = new URL(`/${hash}`, page.url()).href;

  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(link);
  await expect.poll(async () => ((await storedSpec(page, 'poisoning')) as SpecOf<'poisoning'> | null)?.data.sequences.length).toBe(500);
  expect(await storedSpec(page, 'poisoning')).toEqual(parsed.spec);
  expect(workers.filter((u) => /link\.worker/.test(u))).toHaveLength(1);

  // the worker's script cannot load (blocked, offline before it was cached): the page reads the link itself
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    let blocked = 0;
    await other.route('**/link.worker-*.js', (route) => {
      blocked++;
      return route.abort();
    });
    await other.goto(link);
    await expect.poll(async () => ((await storedSpec(other, 'poisoning')) as SpecOf<'poisoning'> | null)?.data.sequences.length).toBe(500);
    expect(await storedSpec(other, 'poisoning')).toEqual(parsed.spec);
    await expect(other.getByTestId('issue-banner')).toHaveCount(0);
    expect(blocked, 'the worker was asked for, and refused').toBe(1);
  } finally {
    await context.close();
  }
});
