// `npm run check`: the static checks of the whole tree, each run even when an earlier one failed:
//   typecheck   `tsc -b`: the engine without the DOM library (tsconfig.engine.json), its tests, then the rest
//   lint        `biome lint`: an error fails the check; warnings and infos are advice
//   format      `biome format` without writing: any file Biome would reformat fails the check
//   boundaries  the import-boundary test, src/boundaries.test.ts (Vitest)
// Prints one line per step at the end and exits non-zero when any step failed. With `--report=FILE` it also
// writes {"steps": [{"name", "ok", "code"}]} to FILE (scripts/test-all.mjs counts the check from it).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportArg = process.argv.slice(2).find((a) => a.startsWith('--report='));
const reportFile = reportArg ? reportArg.slice('--report='.length) : null;

const STEPS = [
  { name: 'typecheck', cmd: ['tsc', '-b'] },
  { name: 'lint', cmd: ['biome', 'lint', '--reporter=concise', '--max-diagnostics=100'] },
  { name: 'format', cmd: ['biome', 'format', '--reporter=summary'] },
  { name: 'boundaries', cmd: ['vitest', 'run', 'src/boundaries.test.ts'] },
];

const results = [];
for (const step of STEPS) {
  console.log(`\ncheck: ${step.name} (${step.cmd.join(' ')})`);
  const r = spawnSync('npx', step.cmd, { cwd: ROOT, stdio: 'inherit' });
  if (r.error) console.error(`check: could not start ${step.cmd[0]}: ${r.error.message}`);
  const code = r.error ? null : r.status;
  results.push({ name: step.name, ok: code === 0, code });
}

console.log('');
for (const s of results) console.log(`check: ${s.name.padEnd(10)} ${s.ok ? 'ok' : `FAILED (exit code ${s.code})`}`);
if (reportFile) writeFileSync(reportFile, `${JSON.stringify({ steps: results })}\n`);
process.exitCode = results.every((s) => s.ok) ? 0 : 1;
