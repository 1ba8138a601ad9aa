import { fmt } from '../../ui/format';
import type { SeriesBuffers } from '../../state/series';
import { neuronParamIndices } from './neurons';

/**
 * Under the per-neuron plot: the zeroed neurons' largest |weight| over every snapshot so far. Their norms are
 * exactly 0, which a log axis cannot draw, so the check is said in words (docs/labs/saddles.md Sec. 3.4, Lemma 16).
 */
export function ZeroedCheck({ b, dims, zeroed }: { b: SeriesBuffers; dims: number[]; zeroed: readonly string[] }) {
  if (zeroed.length === 0) return null;
  let max = 0;
  for (const label of zeroed) {
    const idx = neuronParamIndices(dims, label);
    if (!idx) continue;
    for (const k of [...idx.inIdx, ...idx.outIdx]) {
      const col = b.absParams[k];
      for (let i = 0; i < b.count; i++) if (col[i] > max) max = col[i];
    }
  }
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="zeroed-check">
      Zeroed at the start: neuron{zeroed.length > 1 ? 's' : ''} {zeroed.join(', ')} (not drawn: log axis). Largest |weight| of theirs over {b.count} snapshots:{' '}
      <span className="num font-medium">{max === 0 ? '0 — exactly 0 throughout, as zero preservation says' : fmt(max, { digits: 4, exp: true })}</span>.
    </p>
  );
}
