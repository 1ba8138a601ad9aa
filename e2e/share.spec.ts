import { expect, test } from '@playwright/test';
import { buildRun } from '../src/engine/run/build';
import type { FinalState } from '../src/engine/run/run';
import { decodeSpec, encodeSpec } from '../src/spec/link';
import { findPreset } from '../src/spec/presets';
import { parseSpec } from '../src/spec/validate';
import { ARMS, currentSpec, finalJson, shareLink, shot, waitBothDone } from './helpers';

test('a share link reruns the experiment to the same final states in a fresh browser', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByTestId('run').click();
  await waitBothDone(page);
  const first = await finalJson(page);
  const finals = JSON.parse(first) as Record<string, FinalState | null>;
  for (const arm of ARMS) expect(finals[arm], `${arm} has a final state`).toBeTruthy();

  const link = await shareLink(page);
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);
  expect(link).toMatch(/#lab=poisoning&s=/);

  const context = await browser.newContext(); // no shared storage: only the link carries the experiment
  try {
    const other = await context.newPage();
    await other.goto(link);
    await waitBothDone(other);
    expect(await finalJson(other)).toBe(first);
    const sent = decodeSpec(new URL(link).hash);
    if (!sent.ok) throw new Error(`the share link does not decode: ${JSON.stringify(sent.issues)}`);
    await expect(other.getByTestId('field-seed')).toHaveValue(String(sent.spec.seed));
    await expect(other.getByTestId('field-d')).toHaveValue(String(sent.spec.model.d));
    expect(await currentSpec(other)).toEqual(sent.spec);
    await other.waitForTimeout(300);
    await other.screenshot({ path: shot('share-opened.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('the browser worker and Node give bit-identical final states', async ({ page }) => {
  // Table 3, row 1 (d = 20, kappa = 9): a different size from the default, still quick, and stiff enough
  // that the automatic solver switches methods along the way.
  const preset = findPreset('thm1-d20k9-s342');
  expect(preset, 'the Table-3 preset exists').toBeTruthy();
  await page.goto(`/#lab=poisoning&${encodeSpec(preset!.spec)}`);
  await waitBothDone(page);
  const browserFinals = JSON.parse(await finalJson(page)) as Record<string, FinalState>;

  // The spec the page actually ran, read back from its own share link.
  const spec = await currentSpec(page);
  expect(spec.lab).toBe('poisoning');
  const expected = parseSpec(preset!.spec);
  if (!expected.ok) throw new Error(`the preset does not validate: ${JSON.stringify(expected.issues)}`);
  expect(spec).toEqual(expected.spec);

  for (const arm of ARMS) {
    const parsed = parseSpec({ ...spec, arm });
    if (!parsed.ok) throw new Error(`${arm}: ${JSON.stringify(parsed.issues)}`);
    // JSON is how the page publishes its numbers; it keeps every float64 exactly.
    const node = JSON.parse(JSON.stringify(buildRun(parsed.spec).runToEnd())) as FinalState;
    const web = browserFinals[arm];
    expect(web, `${arm} finished in the browser`).toBeTruthy();
    expect(web.step, `${arm} step`).toBe(node.step);
    expect(web.time, `${arm} time`).toBe(node.time);
    expect(web.loss, `${arm} loss`).toBe(node.loss);
    expect(web.params, `${arm} params`).toEqual(node.params);
    expect(web.metrics, `${arm} metrics`).toEqual(node.metrics);
    expect(web.stop.reason, `${arm} stop reason`).toBe(node.stop.reason);
  }
});
