import { useState } from 'react';
import type { SaddlesSpec } from './schema';
import { parseSpec } from '../../experiment/validate';
import { labSpecNow, useExperiment, useLabSpec } from '../../state/experiment-store';
import { sortNeurons } from './neurons';
import { useSaddlesRun } from './store';
import { useSaddlesUi } from './ui-store';

const btn = 'rounded px-2 py-1 text-xs font-medium border border-slate-300 dark:border-slate-700 hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-40';

/** The spec with init.zeroNeurons set to `labels` (the field left out when empty, so presets still match). */
function withZeroed(spec: SaddlesSpec, labels: string[]): SaddlesSpec {
  const { zeroNeurons: _, ...init } = spec.init;
  return { ...spec, init: labels.length ? { ...init, zeroNeurons: sortNeurons(labels) } : init };
}

/**
 * "Zero these neurons" (lab spec 7, toggles; 3.4): neurons picked in a heatmap (or typed) get their incoming and
 * outgoing weights set exactly to 0 in w(0), and the experiment runs again.
 */
export function ZeroNeurons() {
  const spec = useLabSpec('saddles');
  const selected = useSaddlesUi((s) => s.selected);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const zeroed = spec.init.zeroNeurons ?? [];

  const rerun = (labels: string[]) => {
    const next = withZeroed(spec, labels);
    const r = parseSpec(next);
    if (!r.ok) {
      setError(r.issues.map((i) => `${i.field}: ${i.message}`).join('; '));
      return;
    }
    setError(null);
    useExperiment.getState().apply(next, 'saddles');
    useSaddlesUi.getState().clearSelected();
    void useSaddlesRun.getState().start(labSpecNow('saddles'));
  };
  const addTyped = () => {
    const labels = typed.split(/[\s,;]+/).filter(Boolean);
    if (labels.length) rerun([...zeroed, ...selected, ...labels]);
    setTyped('');
  };

  return (
    <div className="flex flex-col gap-1 text-xs" data-testid="zero-panel">
      <p className="text-slate-600 dark:text-slate-400">
        Click a row of a heatmap to pick that hidden neuron (its incoming row, and its entry of v or column of the next W, are outlined). Zeroed neurons
        start at exactly 0 and, by zero preservation, stay there.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="zero-selected">{selected.length ? `Picked: ${sortNeurons(selected).join(', ')}` : 'No neuron picked.'}</span>
        <button type="button" className={btn} data-testid="zero-run" disabled={selected.length === 0} onClick={() => rerun([...zeroed, ...selected])}>
          Zero {selected.length === 1 ? 'this neuron' : 'these neurons'} and re-run
        </button>
        <button type="button" className={btn} disabled={selected.length === 0} onClick={() => useSaddlesUi.getState().clearSelected()}>
          Clear pick
        </button>
        <label className="flex items-center gap-1">
          or type
          <input
            className="w-24 rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-1"
            placeholder="1:3, 1:7"
            data-testid="zero-typed"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && addTyped()}
            aria-label="neurons to zero, as layer:neuron"
          />
        </label>
      </div>
      {zeroed.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-red-700 dark:text-red-400" data-testid="zero-current">
            Zeroed in this experiment: {zeroed.join(', ')}
          </span>
          <button type="button" className={btn} data-testid="zero-restore" onClick={() => rerun([])}>
            Restore them and re-run
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
