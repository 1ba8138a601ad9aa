import type { PoisoningSpec } from '../schema';

export interface Thm1Options {
  d: number;
  kappa: number;
  seed: number;
  scale: number;
  tieC: number;
  maxTime: number;
  arm?: 'clean' | 'poisoned';
}

const unit = (kappa: number, position: number) => Array.from({ length: kappa }, (_, i) => (i + 1 === position ? 1 : 0));

/**
 * Paper 000, Theorem 1: B = C = 1 fixed, the thm1 teacher, S1 = {e_1} (clean) and S2 = {e_1, e_(kappa-1)}
 * (poisoned), trained by exact gradient flow from the reference uniform-sorted initialisation.
 */
export function thm1Spec(o: Thm1Options): PoisoningSpec {
  return {
    v: 1,
    lab: 'poisoning',
    seed: o.seed,
    arm: o.arm ?? 'poisoned',
    model: { kind: 'ssm', d: o.d, teacher: { kind: 'thm1' }, trainBC: false, head: null },
    data: {
      length: o.kappa,
      sequences: [
        { x: unit(o.kappa, 1), special: false, enabled: true },
        { x: unit(o.kappa, o.kappa - 1), special: true, enabled: true },
      ],
    },
    init: { kind: 'uniform-sorted', scale: o.scale, tieC: o.tieC },
    optim: { kind: 'flow', method: 'auto', rtol: 1e-10, atol: 1e-14 },
    stop: { lossBelow: 1e-14, maxSteps: 1e6, maxTime: o.maxTime, extraSteps: 0 },
    record: { every: 100, perDecade: 40 },
    metrics: { genWindow: 20 },
  };
}

/**
 * A "per Theorem 1" row (row 1) of Table 1 or 3: the setting, the reference seeds and the paper's printed means; its
 * id, short name and label are spelled from d and kappa.
 */
function thm1Row(table: 1 | 3, setting: Omit<Thm1Options, 'seed' | 'arm'>, seeds: number[], paper: { clean: number; poisoned: number }) {
  const { d, kappa } = setting;
  return { id: `T1-${kappa}`, short: `d${d}k${kappa}`, label: `Table ${table}, row 1 (d = ${d}, κ = ${kappa})`, ...setting, seeds, paper };
}

/** Table 1 row 1 (d = 10, kappa = 7) and Table 3 row 1 (d = 20, kappa = 9) settings, per the docs/labs/poisoning.md. */
export const THM1_TABLE_ROWS = [
  thm1Row(1, { d: 10, kappa: 7, scale: 1e-3, tieC: 5, maxTime: 1e11 }, [242, 243, 244, 246], { clean: 1.27e-3, poisoned: 5.01e-2 }),
  thm1Row(3, { d: 20, kappa: 9, scale: 5e-3, tieC: 10, maxTime: 1e13 }, [342, 344, 345, 346], { clean: 7.34e-3, poisoned: 3.51e-2 }),
];
