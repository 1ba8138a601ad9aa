// `npm test`: the unit tests (vitest), the end-to-end tests (Playwright against the built app), and then the
// static checks (`npm run check`: type check, lint, format check, import boundaries), which count as one test:
// 1 passed or 1 failed. Each suite reports to the terminal as usual and to a JSON file; the last line printed
// is the sum of all three, exactly `N passed, N failed` (with `, N skipped` when something was skipped). A
// suite that crashes without a usable report counts as a failure. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'ibl-test-'));

/** Runs a command in the repository with the terminal attached; returns its exit code (null if killed). */
function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) console.error(`test-all: could not start ${cmd}: ${r.error.message}`);
  if (r.signal) console.error(`test-all: ${cmd} ${args[0] ?? ''} was killed by ${r.signal}`);
  return r.error ? null : r.status;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Counts of one suite; `note` explains a failure that has no test of its own to blame. */
const counts = (passed, failed, skipped, note = null) => ({ passed, failed, skipped, note });

function unitTests() {
  const out = join(work, 'vitest.json');
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  const r = readJson(out);
  if (!r || typeof r.numPassedTests !== 'number') return counts(0, 1, 0, `unit tests crashed (exit code ${code}) without a report`);
  // A test file that fails to load, or a failing hook, fails its file without failing a test.
  const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  let failed = r.numFailedTests + brokenFiles;
  let note = brokenFiles ? `${brokenFiles} unit test file(s) failed outside any test` : null;
  if (code !== 0 && failed === 0) {
    failed = 1;
    note = `vitest exited with code ${code} (e.g. an unhandled error) without a failing test`;
  }
  return counts(r.numPassedTests, failed, (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0), note);
}

function e2eTests() {
  if (!existsSync(CHROMIUM)) {
    console.error(`\ntest-all: end-to-end tests need Chromium at ${CHROMIUM} (Debian package "chromium"); it is missing, so they could not run.`);
    return counts(0, 1, 0, `Chromium missing at ${CHROMIUM}`);
  }
  const out = join(work, 'playwright.json');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const r = readJson(out);
  const s = r?.stats;
  if (!s || typeof s.expected !== 'number') return counts(0, 1, 0, `end-to-end tests crashed (exit code ${code}) without a report`);
  // Errors outside any test: the web server did not start, a spec file did not load, no tests were found.
  const globalErrors = (r.errors ?? []).length;
  let failed = s.unexpected + globalErrors;
  let note = globalErrors ? `${globalErrors} end-to-end error(s) outside any test` : null;
  if (s.flaky) note = [note, `${s.flaky} end-to-end test(s) passed only on retry (flaky)`].filter(Boolean).join('; ');
  if (code !== 0 && failed === 0) {
    failed = 1;
    note = `playwright exited with code ${code} without a failing test`;
  }
  return counts(s.expected + s.flaky, failed, s.skipped ?? 0, note);
}

/** `npm run check` (scripts/check.mjs) as one test: passed when every step passed; the note names the failed steps. */
function staticChecks() {
  const out = join(work, 'check.json');
  const code = run(process.execPath, ['scripts/check.mjs', `--report=${out}`]);
  const r = readJson(out);
  if (!r || !Array.isArray(r.steps)) return counts(0, 1, 0, `the static checks crashed (exit code ${code}) without a report`);
  const failed = r.steps.filter((s) => !s.ok).map((s) => s.name);
  if (failed.length) return counts(0, 1, 0, `npm run check failed: ${failed.join(', ')}`);
  if (code !== 0) return counts(0, 1, 0, `npm run check exited with code ${code} with every step passed`);
  return counts(1, 0, 0);
}

let suites;
try {
  suites = [unitTests(), e2eTests(), staticChecks()];
} finally {
  rmSync(work, { recursive: true, force: true });
}
const total = suites.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), counts(0, 0, 0));
console.log('');
for (const s of suites) if (s.note) console.log(`note: ${s.note}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
