import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** The system Chromium (Debian package `chromium`); no browser is downloaded for these tests. */
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(`End-to-end tests need Chromium at ${CHROMIUM} (apt-get install chromium); it is missing.`);
}

const CI = !!process.env.CI;
/** 4173 unless E2E_PORT says otherwise (e.g. when another preview server holds 4173). */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  // Two cores: the app itself runs two workers per experiment, so one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 75_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  // Bundles with Vite only: the type check is `npm run typecheck`, and half-finished types elsewhere in the
  // project should not stop the browser tests of what does build.
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    viewport: { width: 1400, height: 1000 },
    // Screenshots worth keeping are taken on purpose into e2e/screenshots/; traces only for a retried failure.
    screenshot: 'off',
    trace: CI ? 'on-first-retry' : 'off',
    // The app's offline service worker would serve scripts from its cache, out of reach of page.route(); only
    // e2e/offline.spec.ts lets it register.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
