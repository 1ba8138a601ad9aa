import type { SaddlesSpec } from './schema';
import type { SeriesBuffers } from '../../state/series';
import { timeToIteration } from './derive';

/**
 * How far to move the restricted run's curve on the loss plot so that it can be compared with the full run:
 * the restricted run starts at delta w* and escapes at the predicted t_esc(w*), the full run at t_esc(w0); the
 * paper's limit path p(t) is the same after that shift. In flow time the shift is t_esc(w0) - t_esc(w*); on the
 * iteration axis it is the difference of the iterations each run reaches at its own predicted escape. 0 when
 * either prediction is missing.
 */
export function restrictedShift(
  main: { b: SeriesBuffers; spec: SaddlesSpec },
  restricted: { b: SeriesBuffers; spec: SaddlesSpec },
  tEscW0: number,
  tEscWstar: number,
  byIter: boolean,
): number {
  if (!Number.isFinite(tEscW0) || !Number.isFinite(tEscWstar)) return 0;
  if (!byIter) return tEscW0 - tEscWstar;
  const s = timeToIteration(main.b, main.spec, tEscW0) - timeToIteration(restricted.b, restricted.spec, tEscWstar);
  return Number.isFinite(s) ? s : 0;
}
