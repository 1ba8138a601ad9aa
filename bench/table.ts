// The benchmark table's rows and printer, shared by `npm run bench` (bench/index.ts) and each lab's bench module run
// on its own (`npx tsx bench/<lab>.ts`).

export interface Row {
  lab: string;
  figure: string;
  node: string;
  native?: string;
  ratio?: string;
  detail: string;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function printTable(rows: Row[]): void {
  const head = ['Lab', 'Figure', 'Node', 'Native', 'Node / native', 'Detail'];
  const cells = rows.map((r) => [r.lab, r.figure, r.node, r.native ?? '-', r.ratio ?? '-', r.detail]);
  const width = head.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) => `| ${row.map((x, c) => (c >= 2 && c <= 4 ? x.padStart(width[c]) : x.padEnd(width[c]))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${width.map((w, c) => (c >= 2 && c <= 4 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const row of cells) console.log(line(row));
}

/** Whether a bench module is the script node was started with (then it prints its own rows). */
export const isMain = (url: string) => process.argv[1] !== undefined && new URL(url).pathname === new URL(`file://${process.argv[1]}`).pathname;
