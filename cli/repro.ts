// npm run repro -- <name> [--json]: a paper's table rows reproduced next to the printed numbers. The names come
// from the labs' cores (LabCore.repro), e.g. thm1.
import { LAB_CORES } from '../src/labs/registry';
import type { Reproduction } from '../src/experiment/lab-core';

const REPROS: Record<string, Reproduction> = Object.assign({}, ...LAB_CORES.map((c) => ('repro' in c ? c.repro : {})));

const [what, ...rest] = process.argv.slice(2);
const repro = what ? REPROS[what] : undefined;
if (!repro) {
  const list = Object.entries(REPROS).map(([name, r]) => `  ${name}: ${r.what}`);
  process.stderr.write(`usage: npm run repro -- <name> [--json]\n${list.join('\n')}\n`);
  process.exit(2);
}
const rows = await repro.run();
process.stdout.write(`${rest.includes('--json') ? JSON.stringify(rows, null, 2) : repro.print(rows)}\n`);
