// Headless runner: npm run sim -- <spec.json | preset-id> [--series] [--arm clean|poisoned]
// Prints one JSON object on stdout: the normalised spec and the final state (and the series with --series).
import { CliError, resolveSpec, simulate } from './run-spec';
import { prepareRun } from '../src/experiment/build-run';
import { formatIssues, parseSpec } from '../src/experiment/validate';
import { LAB_CORES } from '../src/labs/registry';

async function main(argv: string[]) {
  const withSeries = argv.includes('--series');
  const armAt = argv.indexOf('--arm');
  const arm = armAt >= 0 ? argv[armAt + 1] : undefined;
  const positional = argv.filter((a, i) => !a.startsWith('--') && (armAt < 0 || i !== armAt + 1));
  // Presets that are not one run (e.g. the Stability sweeps S-sweep, S-fig3, S-bif) print what their lab makes of them.
  for (const core of LAB_CORES) {
    const out = 'cliPreset' in core && core.cliPreset && positional[0] ? core.cliPreset(positional[0]) : null;
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
  await prepareRun(spec);
  process.stdout.write(`${JSON.stringify(simulate(spec, withSeries))}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof CliError ? e.message : (e as Error).stack}\n`);
  process.exit(2);
});
