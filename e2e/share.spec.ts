import { expect, test } from '@playwright/test';
import { buildRun, prepareRun } from '../src/experiment/build-run';
import type { FinalState } from '../src/engine/core/run';
import { decodeSpec } from '../src/experiment/link';
import { parseSpec } from '../src/experiment/validate';
import { ARMS, currentSpec, finalJson, shareLink, shot, waitBothDone } from './helpers';

test('a share link reruns the experiment to the same final states in a fresh browser', async ({ page, browser }) => {
  await page.goto('/#lab=poisoning');
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
    if (sent.spec.lab !== 'poisoning') throw new Error(`the share link is for the ${sent.spec.lab} lab`);
    await expect(other.getByTestId('field-seed')).toHaveValue(String(sent.spec.seed));
    await expect(other.getByTestId('field-d')).toHaveValue(String(sent.spec.model.d));
    await other.waitForTimeout(300); // let the last animation frame land before the picture
    await other.screenshot({ path: shot('share-opened.png'), fullPage: true });
    expect(await currentSpec(other)).toEqual(sent.spec);
  } finally {
    await context.close();
  }
});

/** Samples of the transcendental functions the engine uses, evaluated the same way in the page and in Node. */
const MATH_PROBE = `(() => {
  const out = [];
  for (let i = 1; i <= 3000; i++) {
    const x = i / 1009;
    out.push(Math.exp(7 * x - 12), Math.pow(1 - x / 4, (i % 29) + 2), Math.pow(x, 0.2 + (i % 7) / 10), Math.log(x), Math.log10(x));
  }
  return out;
})()`;

test('the browser worker and Node give bit-identical final states', async ({ page }) => {
  // Table 3, row 1 (d = 20, kappa = 9), picked in the page: a different size from the default, still quick,
  // and stiff enough that the automatic solver switches methods along the way.
  await page.goto('/#lab=poisoning');
  await page.getByTestId('preset-select').selectOption('thm1-d20k9-s342');
  await expect(page.getByTestId('field-d')).toHaveValue('20');
  await page.getByTestId('run').click();
  await waitBothDone(page);
  const browserFinals = JSON.parse(await finalJson(page)) as Record<string, FinalState>;

  // The spec the page ran, read back from its own share link.
  const spec = await currentSpec(page);
  expect([spec.model.d, spec.data.length, spec.seed]).toEqual([20, 9, 342]);

  // If the numbers differ, say whether the two JavaScript engines already disagree on Math.exp/pow/log.
  const [webMath, nodeMath] = [(await page.evaluate(MATH_PROBE)) as number[], new Function(`return ${MATH_PROBE}`)() as number[]];
  const mathDiffs = nodeMath.filter((v, i) => !Object.is(v, webMath[i])).length;
  const note = mathDiffs
    ? ` (note: this Chromium and this Node differ in ${mathDiffs} of ${nodeMath.length} Math.exp/pow/log results)`
    : ' (this Chromium and this Node agree on the Math.exp/pow/log probe)';

  for (const arm of ARMS) {
    const parsed = parseSpec({ ...spec, arm });
    if (!parsed.ok) throw new Error(`${arm}: ${JSON.stringify(parsed.issues)}`);
    // JSON is how the page publishes its numbers; it keeps every float64 exactly.
    await prepareRun(parsed.spec);
    const node = JSON.parse(JSON.stringify(buildRun(parsed.spec).runToEnd())) as FinalState;
    const web = browserFinals[arm];
    expect(web, `${arm} finished in the browser`).toBeTruthy();
    expect.soft(web.step, `${arm} step${note}`).toBe(node.step);
    expect.soft(web.time, `${arm} time${note}`).toBe(node.time);
    expect.soft(web.loss, `${arm} loss${note}`).toBe(node.loss);
    expect.soft(web.params, `${arm} params${note}`).toEqual(node.params);
    expect.soft(web.metrics, `${arm} metrics${note}`).toEqual(node.metrics);
    expect.soft(web.stop.reason, `${arm} stop reason${note}`).toBe(node.stop.reason);
  }
});
