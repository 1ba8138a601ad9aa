// Headless runner: npm run sim -- <spec.json | preset-id> [--series] [--arm clean|poisoned]
// Prints one JSON object on stdout: the normalised spec and the final state (and the series with --series).
import { CliError, resolveSpec, simulate } from './run-spec';
import { sweepPresetOutput } from '../src/labs/stability/sweeps';

function main(argv: string[]) {
  const withSeries = argv.includes('--series');
  const armAt = argv.indexOf('--arm');
  const arm = armAt >= 0 ? argv[armAt + 1] : undefined;
  const positional = argv.filter((a, i) => !a.startsWith('--') && (armAt < 0 || i !== armAt + 1));
  // Stability sweep presets (S-tradeoff-*, S-sweep, S-fig3, S-bif) print their sweep: { preset, spec, sweep, points }.
  const sweep = sweepPresetOutput(positional[0]);
  if (sweep) return void process.stdout.write(JSON.stringify(sweep) + '\n');
  let spec = resolveSpec(positional[0]);
  if (arm !== undefined) {
    if (arm !== 'clean' && arm !== 'poisoned') throw new CliError(`--arm must be clean or poisoned, got "${arm}"`);
    if (spec.lab !== 'poisoning') throw new CliError(`--arm applies to poisoning specs only (this one is ${spec.lab})`);
    spec = { ...spec, arm };
  }
  process.stdout.write(JSON.stringify(simulate(spec, withSeries)) + '\n');
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e instanceof CliError ? e.message : (e as Error).stack}\n`);
  process.exit(2);
}
