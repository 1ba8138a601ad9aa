import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, type Browser, expect, type Page } from '@playwright/test';
import { decodeSpec } from '../src/experiment/link';
import { findPreset } from '../src/experiment/presets';
import { parseSpec } from '../src/experiment/validate';
import type { LabId, Spec, SpecOf } from '../src/experiment/schema';

type PoisoningSpec = Extract<Spec, { lab: 'poisoning' }>;

export const ARMS = ['clean', 'poisoned'] as const;
export type Arm = (typeof ARMS)[number];

/** Where screenshots taken on purpose go (git-ignored). */
export const shot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}`, import.meta.url));

/** The plots of the Theorem-1 page. */
export const THM1_PLOTS = ['entries-clean', 'entries-poisoned', 'loss', 'gen-time', 'gen-k', 'impulse'] as const;

/** Waits until both arms report a final state. */
export async function waitBothDone(page: Page, timeout = 60_000) {
  for (const arm of ARMS) {
    await expect(page.locator(`[data-testid=status-${arm}][data-done=true]`)).toHaveCount(1, { timeout });
  }
}

/** The final states of both arms as the page publishes them (the hidden JSON export). */
export async function finalJson(page: Page): Promise<string> {
  const text = await page.getByTestId('final-json').textContent();
  expect(text, 'final-json is present').toBeTruthy();
  return text!;
}

/** Clicks Share and returns the link shown to the user. */
export async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const input = page.getByTestId('share-link');
  await expect(input).toBeVisible();
  await expect(input).toHaveValue(/#.*s=/);
  return input.inputValue();
}

/**
 * Opens a link in a fresh browser context (no shared storage: only the link carries the experiment), hands its page
 * to `check`, and closes the context however the check ends.
 */
export async function inFreshContext(browser: Browser, link: string, check: (other: Page) => Promise<void>) {
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(link);
    await check(other);
  } finally {
    await context.close();
  }
}

/** The Poisoning experiment on screen, read back through its share link (what the user would send on). */
export async function currentSpec(page: Page): Promise<PoisoningSpec> {
  const link = await shareLink(page);
  const r = decodeSpec(new URL(link).hash);
  if (!r.ok) throw new Error(`the page's own share link does not decode: ${JSON.stringify(r.issues)}`);
  if (r.spec.lab !== 'poisoning') throw new Error(`the share link is for the ${r.spec.lab} lab, not poisoning`);
  return r.spec;
}

/** Fails the test on uncaught page errors (a crashed worker or render shows up here first). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Playwright's `test`, failing each test on an uncaught page error it saw from start to end (collectPageErrors). */
export const test = base.extend<{ noPageErrors: undefined }>({
  noPageErrors: [
    async ({ page }, use) => {
      const errors = collectPageErrors(page);
      await use(undefined);
      expect(errors, 'uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
});

/** Opens a lab's Run page (waits for its page test id) and picks a preset when one is named. */
export async function openRunPage(page: Page, lab: LabId, pageTestId: string, preset?: string) {
  await page.goto(`/#lab=${lab}&page=run`);
  await expect(page.getByTestId(pageTestId)).toBeVisible();
  if (preset) {
    await page.getByTestId('preset-select').selectOption(preset);
    await expect(page.getByTestId('preset-select')).toHaveValue(preset);
  }
}

/**
 * The experiment on screen, read back through the page's own share link, checked to be the lab's; `close` shuts the
 * share popover again (Escape) for pages whose next step it would cover.
 */
export async function specOnScreen<L extends LabId>(page: Page, lab: L, { close = false } = {}): Promise<{ link: string; spec: SpecOf<L> }> {
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  const r = decodeSpec(new URL(link).hash);
  if (!r.ok) throw new Error(`the share link does not decode: ${JSON.stringify(r.issues)}`);
  if (r.spec.lab !== lab) throw new Error(`the link is for ${r.spec.lab}, not ${lab}`);
  if (close) await page.keyboard.press('Escape');
  return { link, spec: r.spec as SpecOf<L> };
}

/**
 * The experiment the page has saved for a lab (the persisted store: what its controls show and Run runs). The page
 * saves when idle; a page being left saves at once, which is what this asks of it first.
 */
export const storedSpec = (page: Page, lab: LabId) =>
  page.evaluate((l) => {
    window.dispatchEvent(new Event('pagehide'));
    const raw = localStorage.getItem('ibl.experiments.v1');
    return raw ? ((JSON.parse(raw) as { state: { specs: Record<string, unknown> } }).state.specs[l] ?? null) : null;
  }, lab);

/** The preset's spec as the app normalises it (what a link or a preset pick stores). */
export const presetSpec = (id: string) => {
  const r = parseSpec(structuredClone(findPreset(id)!.spec));
  if (!r.ok) throw new Error(`${id} does not validate`);
  return r.spec;
};

/** Collects the page's long tasks (main-thread work over 50 ms) from the start, in window.__longTasks. */
export async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
export const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.slice());
export const clearLongTasks = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __longTasks: number[] }).__longTasks.length = 0;
  });

/** Clicks a download button and returns the file's name and bytes. */
export async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testId).click({ timeout: 30_000 })]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** Pixel position of a data point inside a Landscape's svg (plot margins: left 48, top 8, right 12, bottom 36). */
export async function landscapePos(page: Page, id: string, x: number, y: number) {
  const fig = page.locator(`[data-testid=landscape-${id}]`);
  const view = JSON.parse((await fig.getAttribute('data-view'))!) as { x: number[]; y: number[] };
  const box = (await fig.locator('svg[role=img]').boundingBox())!;
  return { x: 48 + ((x - view.x[0]) / (view.x[1] - view.x[0])) * (box.width - 60), y: 8 + ((view.y[1] - y) / (view.y[1] - view.y[0])) * (box.height - 44) };
}

/** The comparison on screen is the current experiment's (the worker's answer has arrived: no "updating…"). */
export async function stabilitySettled(page: Page, timeout = 20_000) {
  await expect(page.getByTestId('stability-status')).toHaveAttribute('data-updating', 'false', { timeout });
}
