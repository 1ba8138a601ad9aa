// npm run repro -- thm1 [--json]: the paper's Theorem-1 table rows reproduced next to the printed numbers.
import { reproduceThm1 } from './repro-thm1';

const [what, ...rest] = process.argv.slice(2);
if (what !== 'thm1') {
  process.stderr.write('usage: npm run repro -- thm1 [--json]\n');
  process.exit(2);
}
const rows = reproduceThm1();
if (rest.includes('--json')) {
  process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
} else {
  const line = (cols: string[]) => cols.map((c, i) => c.padEnd([34, 9, 44, 11, 9, 8][i] ?? 10)).join(' ');
  console.log('Paper 000, "Per Theorem 1" rows: normalised Gen_20, exact gradient flow, reference seeds');
  console.log(line(['table row', 'arm', 'per seed', 'lab mean', 'paper', 'lab/paper']));
  for (const r of rows) {
    console.log(line([r.label, r.arm, r.values.map((v) => v.toExponential(3)).join(' '), r.mean.toExponential(3), r.paper.toExponential(2), (r.mean / r.paper).toFixed(3)]));
  }
}
