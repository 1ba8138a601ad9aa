import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { decodeSpec } from '../src/experiment/link';

/** Clicks a download button and returns the file's text and name. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/**
 * A plot's PNG and SVG: the SVG is a standalone image with the plot's title, its legend and a caption with the app
 * version and the link that reopens `lab`; the PNG is twice its size.
 */
async function checkPlotImages(page: Page, plotId: string, title: RegExp, lab: string) {
  const menu = page.getByTestId(`export-${plotId}`);
  await menu.locator('summary').click();
  const svg = await download(page, `export-${plotId}-svg`);
  expect(svg.name).toBe(`${plotId}.svg`);
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text).toMatch(title);
  expect(text).toMatch(new RegExp(`implicit-bias-lab \\d+\\.\\d+\\.\\d+ · http://[^<]*#lab=${lab}`));
  expect(text).toMatch(/<path d="M/);
  const width = Number(/width="(\d+)"/.exec(text)![1]);
  const height = Number(/height="(\d+)"/.exec(text)![1]);
  // the SVG parses in the browser as an image
  const parsed = await page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror') === null, text);
  expect(parsed).toBe(true);
  const png = await download(page, `export-${plotId}-png`);
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
}

/** A run's JSON (its specs reopen the experiment) and CSV (# lines, then a header and rows). */
async function checkRunExports(page: Page, jsonId: string, csvId: string, lab: string) {
  const json = JSON.parse((await download(page, jsonId)).bytes.toString('utf8'));
  const spec = json.arms?.[0]?.spec ?? json.spec;
  const reopen = json.arms?.[0]?.reopen ?? json.reopen;
  expect(spec.lab).toBe(lab);
  const back = decodeSpec(reopen);
  expect(back.ok && back.spec).toEqual(spec);
  const csv = (await download(page, csvId)).bytes.toString('utf8').trimEnd().split('\n');
  expect(csv[0]).toMatch(/^# implicit-bias-lab \d/);
  const header = csv.findIndex((l) => !l.startsWith('#'));
  expect(csv[header].split(',').length).toBeGreaterThan(2);
  expect(csv.length - header - 1).toBeGreaterThan(1);
}

test('Poisoning: a Theorem-1 plot as PNG and SVG, the run as JSON and CSV', async ({ page }) => {
  await page.goto('/#lab=poisoning');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status-poisoned')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  await checkPlotImages(page, 'loss', /Training loss|loss/, 'poisoning');
  const json = JSON.parse((await download(page, 'export-json')).bytes.toString('utf8'));
  expect(json.spec.lab).toBe('poisoning');
  const csv = (await download(page, 'export-csv')).bytes.toString('utf8').split('\n');
  expect(csv.filter((l) => l.startsWith('# clean reopen: #lab=poisoning&s='))).toHaveLength(1);
});

test('Stability: a time plot and the landscape as PNG and SVG, the run as JSON and CSV', async ({ page }) => {
  await page.goto('/#lab=stability');
  await expect(page.getByTestId('stability-status')).toHaveAttribute('data-updating', 'false', { timeout: 20_000 });
  await checkPlotImages(page, 'st-imbalance', /Imbalance/, 'stability');
  await expect(page.locator('[data-testid=landscape-stability][data-grid="200x200"]')).toHaveCount(1);
  await checkPlotImages(page, 'landscape-stability', /<image /, 'stability');
  await checkRunExports(page, 'run-export', 'run-export-csv', 'stability');
});

test('Saddles: the loss staircase as PNG and SVG, the run as JSON and CSV', async ({ page }) => {
  await page.goto('/#lab=saddles');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 45_000 });
  await checkPlotImages(page, 'sd-loss', /loss/i, 'saddles');
  await checkRunExports(page, 'export-json', 'export-csv', 'saddles');
});

test('Extrapolation and Flow vs Descent: a plot as PNG and SVG, the run as JSON and CSV', async ({ page }) => {
  await page.goto('/#lab=flow-vs-descent');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('fd-status')).toHaveAttribute('data-done', 'true', { timeout: 45_000 });
  await checkPlotImages(page, 'fd-loss', /f − min f/, 'flow-vs-descent');
  await checkRunExports(page, 'export-json', 'export-csv', 'flow-vs-descent');

  await page.goto('/#lab=extrapolation');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 });
  await checkPlotImages(page, 'ex-hankel', /Hankel/, 'extrapolation');
  await checkRunExports(page, 'export-json', 'export-csv', 'extrapolation');
});
