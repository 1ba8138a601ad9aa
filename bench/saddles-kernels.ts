// The Saddles lab's GD kernels against a native baseline: for Figures 1, 4, 5 and 6 of paper 003, steps/s of the
// engine's own GD integrator on the preset's problem, and of bench/native/saddles_gd.c (the same layout and float64
// operations, built with the system compiler when there is one) on the same data and start. Both runs report their
// final loss and parameter sum, which must agree bit for bit. Nothing is asserted; the best of the repeats is kept
// (the machine is shared, so the slower repeats measure the neighbours).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gdFigure, runGdSteps } from './saddles-gd';

export interface KernelRow {
  id: string;
  label: string;
  steps: number;
  jsRate: number;
  /** null when no compiler was found. */
  nativeRate: number | null;
  /** The JavaScript and native runs ended on the same loss and parameter sum, bit for bit. */
  same: boolean | null;
}

export const KERNEL_FIGURES: { id: string; label: string; steps: number }[] = [
  { id: 'sd-fig1', label: 'Fig 1: 2-layer square, 20-50-1', steps: 20_000 },
  { id: 'sd-fig4', label: 'Fig 4: 3-layer square, 20-20-20-1 (clipped)', steps: 10_000 },
  { id: 'sd-fig5', label: 'Fig 5: 2-layer ReLU, 20-50-1', steps: 10_000 },
  { id: 'sd-fig6', label: 'Fig 6: 3-layer ReLU, 20-20-30-1', steps: 10_000 },
];

const here = dirname(fileURLToPath(import.meta.url));

/** Compiles the native baseline into a temporary folder; null (with the reason) when there is no C compiler. */
export function buildNative(): { exe: string | null; note: string } {
  const cc = process.env.CC ?? 'cc';
  const flags = ['-O3', '-march=native', '-ffp-contract=off'];
  const dir = mkdtempSync(join(tmpdir(), 'saddles-native-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const exe = join(dir, 'saddles_gd');
  const res = spawnSync(cc, [...flags, '-o', exe, join(here, 'native', 'saddles_gd.c'), '-lm'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) return { exe: null, note: `native baseline skipped: ${cc} ${res.error ? 'not found' : `failed: ${res.stderr.trim()}`}` };
  return { exe, note: `native baseline: ${cc} ${flags.join(' ')}` };
}

/** The problem file bench/native/saddles_gd.c reads (float64: header, X, y, theta0). */
function problemFile(s: ReturnType<typeof gdFigure>): Float64Array {
  const { model, spec, theta0 } = s;
  const optim = spec.optim as { kind: string; lr: number; rule?: { kind: string; s?: number } };
  let clip = 0;
  if (optim.kind === 'gd-schedule') {
    if (optim.rule?.kind !== 'clipped') throw new Error('only the clipped schedule is mirrored natively');
    clip = optim.rule.s!;
  } else if (optim.kind !== 'gd') throw new Error(`optimiser ${optim.kind} is not GD`);
  const quad = model.depth === 2 && model.p === 2 && model.alpha === 1 ? 1 : 0;
  const scale = model.lossKind === 'mse-mean' ? 1 / model.nPoints : 1;
  const header = [model.depth, ...model.dims, model.p, model.alpha, scale, model.nPoints, optim.lr, clip, quad];
  return Float64Array.from([...header, ...model.X, ...model.y, ...theta0]);
}

/** %a of C for a finite double (enough to compare bits: the hex of its IEEE representation). */
const bitsOf = (x: number) => Buffer.from(Float64Array.of(x).buffer).toString('hex');
function parseHexFloat(s: string): number {
  const m = /^(-?)0x([01])\.?([0-9a-f]*)p([+-]\d+)$/.exec(s.trim());
  if (!m) return Number.NaN;
  const frac = m[3] ? Number.parseInt(m[3], 16) / 16 ** m[3].length : 0;
  return (m[1] ? -1 : 1) * (Number(m[2]) + frac) * 2 ** Number(m[4]);
}

export function benchKernel(fig: (typeof KERNEL_FIGURES)[number], exe: string | null, repeats = 3): KernelRow {
  const s = gdFigure(fig.id);
  let jsRate = 0;
  let jsLoss = 0;
  let jsSum = 0;
  const cpuSeconds = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  };
  for (let rep = 0; rep < repeats; rep++) {
    const r = runGdSteps(s, fig.steps, cpuSeconds);
    jsRate = Math.max(jsRate, fig.steps / r.seconds);
    jsLoss = r.loss;
    jsSum = r.sum;
  }
  let nativeRate: number | null = null;
  let same: boolean | null = null;
  if (exe) {
    const file = join(dirname(exe), `${fig.id}.f64`);
    writeFileSync(file, Buffer.from(problemFile(s).buffer));
    for (let rep = 0; rep < repeats; rep++) {
      const out = spawnSync(exe, [file, String(fig.steps)], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`native run of ${fig.id} failed: ${out.stderr}`);
      const [, , rate, loss, sum] = out.stdout.trim().split(/\s+/);
      nativeRate = Math.max(nativeRate ?? 0, Number(rate));
      same = bitsOf(parseHexFloat(loss)) === bitsOf(jsLoss) && bitsOf(parseHexFloat(sum)) === bitsOf(jsSum);
    }
  }
  return { id: fig.id, label: fig.label, steps: fig.steps, jsRate, nativeRate, same };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { exe, note } = buildNative();
  console.log(note);
  const only = process.argv.slice(2);
  for (const fig of KERNEL_FIGURES.filter((f) => !only.length || only.includes(f.id))) {
    const r = benchKernel(fig, exe);
    const ratio = r.nativeRate ? `${((100 * r.jsRate) / r.nativeRate).toFixed(0)} %` : '-';
    console.log(
      `${r.label}: JS ${r.jsRate.toFixed(0)} steps/s, native ${r.nativeRate?.toFixed(0) ?? '-'} steps/s, ratio ${ratio}, bits ${r.same === null ? '-' : r.same ? 'same' : 'DIFFER'}`,
    );
  }
}
