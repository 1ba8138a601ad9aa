import type { FinalState } from '../../../engine/core/run';
import { fmt } from '../../../ui/format';
import type { Verdict } from '../../../ui/Repro';

/** One seed's pair of runs, as the Reproduce page lists them. */
export interface SeedOutcome {
  seed: number;
  clean: FinalState | null;
  poisoned: FinalState | null;
}

export interface Spread {
  n: number;
  mean: number;
  min: number;
  max: number;
}

const ok = (f: FinalState | null): f is FinalState => f !== null && f.stop.reason === 'converged';

/** Mean and range of the generalisation metric over converged runs (dead-head runs are excluded, as in the paper). */
export function spreadOf(finals: (FinalState | null)[]): Spread | null {
  const values = finals.filter(ok).map((f) => f.metrics.gen);
  if (!values.length) return null;
  return { n: values.length, mean: values.reduce((s, v) => s + v, 0) / values.length, min: Math.min(...values), max: Math.max(...values) };
}

/** How many seeds have the poisoned error at least `factor` times the clean one (both runs converged). */
export function seedsWithRatio(outcomes: SeedOutcome[], factor: number): { hits: number; of: number } {
  const pairs = outcomes.filter((o) => ok(o.clean) && ok(o.poisoned));
  return { hits: pairs.filter((o) => o.poisoned!.metrics.gen >= factor * o.clean!.metrics.gen).length, of: pairs.length };
}

export const sortedAbs = (a: number[]) => a.map(Math.abs).sort((x, y) => y - x);

/** holds = null: not judged (a dead ReLU head, or a figure the docs/labs/poisoning.md shows without an assertion). */
export type { Verdict } from '../../../ui/Repro';

/** Three significant digits in exponent form, as the paper prints its Gen values. */
const sci3 = (v: number) => fmt(v, { digits: 3, exp: true });

/** The docs/labs/poisoning.md's assertion for an item, judged on the runs just made (null until every run is in). */
export function verdictFor(id: string, outcomes: SeedOutcome[], reference?: Map<string, number>): Verdict | null {
  if (!outcomes.length || outcomes.some((o) => !o.clean || !o.poisoned)) return null;
  const cleanS = spreadOf(outcomes.map((o) => o.clean));
  const poisS = spreadOf(outcomes.map((o) => o.poisoned));
  if (id === 'T1-7' || id === 'T1-9') {
    const off = outcomes.flatMap((o) =>
      (['clean', 'poisoned'] as const).map((arm) => {
        const ref = reference?.get(`${o.seed}/${arm}`);
        return ref ? Math.abs(o[arm]!.metrics.gen - ref) / ref : Infinity; // a seed without a reference cannot pass
      }),
    );
    const worst = Math.max(...off);
    const paper = { 'T1-7': { clean: 1.27e-3, poisoned: 5.01e-2 }, 'T1-9': { clean: 7.34e-3, poisoned: 3.51e-2 } }[id];
    const meanOff = Math.max(Math.abs(cleanS!.mean - paper.clean) / paper.clean, Math.abs(poisS!.mean - paper.poisoned) / paper.poisoned);
    return {
      holds: worst < 2e-3 && meanOff < 5e-3,
      text: `worst seed off its reference value by ${(100 * worst).toFixed(4)} % (tolerance 0.2 %); means off the paper's 3 digits by ${(100 * meanOff).toFixed(2)} %`,
    };
  }
  if (['B-6', 'B-10', 'M-6', 'M-10'].includes(id)) {
    if (!cleanS || !poisS || cleanS.n < 2 || poisS.n < 2) return { holds: false, text: 'fewer than 2 converged runs per arm' };
    const ratio = poisS.mean / cleanS.mean;
    const need = { 'B-6': 10, 'B-10': 4, 'M-6': 5, 'M-10': 1 }[id]!;
    const r5 = seedsWithRatio(outcomes, 5);
    const extra = id === 'B-6' ? poisS.mean >= 2 : true;
    return {
      holds: (id === 'M-10' ? ratio > 1 : ratio >= need) && extra,
      text: `poisoned/clean mean ratio ${ratio.toFixed(1)} (needs ${id === 'M-10' ? '> 1' : `≥ ${need}`}); ≥ 5× in ${r5.hits} of ${r5.of} seed pairs`,
    };
  }
  const o = outcomes[0];
  const c = o.clean!;
  const p = o.poisoned!;
  if (c.stop.reason !== 'converged' || p.stop.reason !== 'converged') {
    const dead = c.stop.reason === 'model-failed' || p.stop.reason === 'model-failed';
    return { holds: dead ? null : false, text: `a run did not converge (${c.stop.reason} / ${p.stop.reason})${dead ? '; dead-head runs are reported, not judged' : ''}` };
  }
  const ac = sortedAbs(c.params.a);
  const ap = sortedAbs(p.params.a);
  if (['F2', 'F7', 'F3', 'F8'].includes(id)) {
    const sooner = (c.stop.convergedStep ?? 0) >= 3 * (p.stop.convergedStep ?? Infinity);
    const holds = ac[0] >= 0.95 && ac[0] <= 1.05 && ac[1] < 0.06 && c.metrics.erank < 1.8 && ap[1] > 0.15 && p.metrics.erank > 3 && sooner;
    return { holds, text: `erank ${c.metrics.erank.toFixed(2)} → ${p.metrics.erank.toFixed(2)}; eps at step ${c.stop.convergedStep} vs ${p.stop.convergedStep}` };
  }
  if (['F2M', 'F7M', 'F3M', 'F8M'].includes(id)) {
    const big = p.params.a.filter((v) => Math.abs(v) > 0.5).length;
    const holds = Math.abs(ac[0] - 1) < 0.05 && ac[1] < 0.06 && c.metrics.erank < 1.8 && big >= 6;
    return { holds, text: `clean erank ${c.metrics.erank.toFixed(2)}; poisoned: ${big} of ${p.params.a.length} entries above 0.5` };
  }
  if (id === 'F4') {
    const holds = Math.abs(ac[0] - 0.99) < 0.02 && Math.abs(ac[1] - 0.8) < 0.02 && ac[2] < 0.05 && ap[0] > 1.02;
    return {
      holds,
      text: `clean (${ac
        .slice(0, 3)
        .map((v) => v.toFixed(3))
        .join(', ')}); poisoned top ${ap[0].toFixed(3)}`,
    };
  }
  return { holds: null, text: `clean Gen ${sci3(c.metrics.gen)}, poisoned ${sci3(p.metrics.gen)} (shown; the docs/labs/poisoning.md asserts nothing here)` };
}
