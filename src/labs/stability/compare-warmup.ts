import { compareJob } from './compare';
import { STABILITY_PRESET_ROWS, stabilitySpecFromRow } from './schema';

/**
 * A spare comparison worker runs this while it waits: a drag cancels a long run by replacing its worker, and a
 * fresh worker runs its first jobs several times slower than a warm one (1e6 steps of S-chaos: ~200 ms cold, ~50 ms
 * once the engine's loop is optimised). A replacement that is still cold is itself cancelled before it finishes, so
 * without this a drag over a long run never gets a result back and keeps a core busy throughout.
 */
export function compareWarmup(steps = WARMUP_STEPS): number {
  const chaos = stabilitySpecFromRow(STABILITY_PRESET_ROWS.find((r) => r.id === 'S-chaos')!);
  const t0 = performance.now();
  // a few runs: the optimising compiler picks up the loop after a few hundred thousand iterations
  for (let i = 0; i < 3; i++) compareJob({ ...chaos, stop: { ...chaos.stop, maxSteps: steps } });
  return performance.now() - t0;
}

/** GD steps of each warm-up run. */
export const WARMUP_STEPS = 100_000;
