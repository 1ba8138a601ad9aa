// npm run repro -- <name> [--json]: a paper's table rows reproduced next to the printed numbers. The names come
// from the labs' runtimes (LabRuntime.repro), e.g. thm1.
import { loadEveryRuntime, runtimeOf } from '../src/experiment/build-run';
import type { Reproduction } from '../src/experiment/lab-core';
import { labIds } from '../src/experiment/schema';

await loadEveryRuntime();
const REPROS: Record<string, Reproduction> = Object.assign({}, ...labIds().map((lab) => runtimeOf(lab).repro ?? {}));

const [what, ...rest] = process.argv.slice(2);
const repro = what ? REPROS[what] : undefined;
if (!repro) {
  const list = Object.entries(REPROS).map(([name, r]) => `  ${name}: ${r.what}`);
  process.stderr.write(`usage: npm run repro -- <name> [--json]\n${list.join('\n')}\n`);
  process.exit(2);
}
const rows = await repro.run();
process.stdout.write(`${rest.includes('--json') ? JSON.stringify(rows, null, 2) : repro.print(rows)}\n`);
