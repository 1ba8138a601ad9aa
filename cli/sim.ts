// Headless runner: npm run sim -- <spec.json | preset-id> [--series] [--arm clean|poisoned]
// Prints one JSON object on stdout: the normalised spec and the final state (and the series with --series); non-finite
// numbers as the strings "NaN", "Infinity", "-Infinity". Exit code 0; 2 for a bad argument or spec; 3 for a run that diverged.
import { CliError, resolveSpec, simulate } from './run-spec';
import { loadEveryRuntime, prepareRun, runtimeOf } from '../src/experiment/build-run';
import { formatIssues, parseSpec } from '../src/experiment/validate';
import { labIds } from '../src/experiment/schema';

async function main(argv: string[]) {
  const withSeries = argv.includes('--series');
  const armAt = argv.indexOf('--arm');
  const arm = armAt >= 0 ? argv[armAt + 1] : undefined;
  const positional = argv.filter((a, i) => !a.startsWith('--') && (armAt < 0 || i !== armAt + 1));
  // Presets that are not one run (e.g. the Stability sweeps S-sweep, S-fig3, S-bif) print what their lab makes of them.
  await loadEveryRuntime();
  for (const lab of labIds()) {
    const cliPreset = runtimeOf(lab).cliPreset;
    const out = cliPreset && positional[0] ? await cliPreset(positional[0]) : null;
    if (out) return void process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  let spec = resolveSpec(positional[0]);
  if (arm !== undefined) {
    // The spec's own `arm` field (labs with A/B arms): the validator says which values it takes, or that it has none.
    const r = parseSpec({ ...spec, arm });
    if (!r.ok) throw new CliError(`--arm ${arm}: ${formatIssues(r.issues)}`);
    spec = r.spec;
  }
  await prepareRun(spec);
  const out = simulate(spec, withSeries);
  process.stdout.write(`${JSON.stringify(out, finiteOrWord)}\n`);
  // a diverged run is a result, printed in full, but not a success: exit code 3 (2: bad arguments)
  if (out.final.stop.reason === 'diverged') process.exitCode = EXIT_DIVERGED;
}

/** Exit code of a run that diverged. */
const EXIT_DIVERGED = 3;

/** JSON has no NaN or infinities (JSON.stringify writes null): they are written as the strings "NaN", "Infinity", "-Infinity". */
function finiteOrWord(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof CliError ? e.message : (e as Error).stack}\n`);
  process.exit(2);
});
