import { readFileSync, existsSync } from 'node:fs';
import { buildRun, runtimeOf } from '../src/experiment/build-run';
import type { FinalState } from '../src/engine/core/run';
import { allPresets, findPreset } from '../src/experiment/presets';
import type { Spec } from '../src/experiment/schema';
import { formatIssues, parseSpec } from '../src/experiment/validate';

export class CliError extends Error {}

/** Every preset id, for the CLI's usage and refusal messages. */
const presetIds = () =>
  allPresets()
    .map((p) => p.id)
    .join(', ');

/** A spec from a JSON file path or a preset id, validated by the one validator. */
export function resolveSpec(arg: string | undefined): Spec {
  if (!arg) throw new CliError(`usage: npm run sim -- <spec.json | preset-id> [--series] [--arm clean|poisoned]\npresets: ${presetIds()}`);
  let raw: unknown;
  if (existsSync(arg)) {
    try {
      raw = JSON.parse(readFileSync(arg, 'utf8'));
    } catch (e) {
      throw new CliError(`${arg}: not valid JSON (${(e as Error).message})`);
    }
  } else {
    const preset = findPreset(arg);
    if (!preset) throw new CliError(`"${arg}" is neither a file nor a preset id; presets: ${presetIds()}`);
    raw = preset.spec;
  }
  const r = parseSpec(raw);
  if (!r.ok) throw new CliError(`invalid spec:\n${formatIssues(r.issues)}`);
  return r.spec;
}

export interface SimOutput {
  spec: Spec;
  final: FinalState;
  /** Lab-specific keys (LabRuntime.cliSummary), e.g. `stability`: the Stability page's own GD summary. */
  [extra: string]: unknown;
  series?: {
    t: number[];
    step: number[];
    loss: number[];
    metrics: Record<string, number[]>;
    params: Record<string, number[][]>;
  };
}

/** Runs a spec to its stop rule in this process (after prepareRun): the same engine the worker runs, bit for bit. */
export function simulate(spec: Spec, withSeries: boolean): SimOutput {
  const run = buildRun(spec);
  const final = run.runToEnd();
  const summary = runtimeOf(spec.lab).cliSummary;
  const lab = summary ? summary(spec) : {};
  if (!withSeries) return { spec, final, ...lab };
  const all = run.recorder.all();
  const names = run.problem.metricNames;
  const metrics: Record<string, number[]> = {};
  names.forEach((name, k) => (metrics[name] = Array.from({ length: all.count }, (_, r) => all.metrics[r * names.length + k])));
  const params: Record<string, number[][]> = {};
  const n = run.recorder.nParams;
  for (const b of run.problem.blocks.filter((blk) => blk.offset + blk.size <= run.recorder.nParams)) {
    params[b.name] = Array.from({ length: all.count }, (_, r) => Array.from(all.theta.subarray(r * n + b.offset, r * n + b.offset + b.size)));
  }
  return { spec, final, ...lab, series: { t: Array.from(all.t), step: Array.from(all.step), loss: Array.from(all.loss), metrics, params } };
}
