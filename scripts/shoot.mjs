// Takes screenshots of the built app for a human look: node scripts/shoot.mjs <url> <out.png> [waitForDone]
import { chromium } from 'playwright-core';
const [url, out, wait] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(url);
if (wait === 'run') {
  await page.getByTestId('run').click();
  await page.waitForSelector('[data-testid=status-poisoned][data-done=true]', { timeout: 60000 });
  await page.waitForSelector('[data-testid=status-clean][data-done=true]', { timeout: 60000 });
  await page.waitForTimeout(500);
}
await page.screenshot({ path: out, fullPage: true });
await browser.close();
