import type { Page } from 'playwright-core';

/**
 * The Stability drag that the browser test asserts on and `npm run bench:browser` prints: 1 s of dragging the start
 * around page point (x, y), then 1 s of dragging the eta slider back and forth from its thumb. Each mouse move waits
 * until the page has handled it, so a busy page thread gets fewer. Returns how many moves of each it took.
 */
export async function dragStabilityStartAndEta(page: Page, start: { x: number; y: number }): Promise<{ moves: number; slides: number }> {
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  let moves = 0;
  for (const t = Date.now(); Date.now() - t < 1000; moves++) {
    await page.mouse.move(start.x + 70 * Math.sin(moves / 9), start.y + 50 * Math.sin(moves / 13), { steps: 2 });
  }
  await page.mouse.up();

  const slider = page.getByTestId('eta-slider');
  const sb = (await slider.boundingBox())!;
  const [lo, hi, v] = await slider.evaluate((el) => {
    const input = el as HTMLInputElement;
    return [Number(input.min), Number(input.max), Number(input.value)];
  });
  const x0 = sb.x + 8 + ((v - lo) / (hi - lo)) * (sb.width - 16);
  const y0 = sb.y + sb.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  let slides = 0;
  for (const t = Date.now(); Date.now() - t < 1000; slides++) {
    await page.mouse.move(Math.max(sb.x + 2, x0 - 120 * Math.abs(Math.sin(slides / 12))), y0, { steps: 2 });
  }
  await page.mouse.up();
  return { moves, slides };
}
