import { useState } from 'react';
import { labSpecNow } from '../../state/experiment-store';
import { Button } from '../../ui/Button';
import { FieldError } from '../../ui/FieldMessage';
import { inputClass } from '../../ui/field-styles';
import { useSpecEditor } from '../../ui/useSpecEditor';
import { sortNeurons } from './neurons';
import type { SaddlesSpec } from './schema';
import { useSaddlesRun } from './store';
import { useSaddlesUi } from './ui-store';

/** The spec with init.zeroNeurons set to `labels` (the field left out when empty, so presets still match). */
function withZeroed(spec: SaddlesSpec, labels: string[]): SaddlesSpec {
  const { zeroNeurons: _, ...init } = spec.init;
  return { ...spec, init: labels.length ? { ...init, zeroNeurons: sortNeurons(labels) } : init };
}

/**
 * "Zero these neurons" (docs/labs/saddles.md Sec. 7, toggles; 3.4): neurons picked in a heatmap (or typed) get their incoming and
 * outgoing weights set exactly to 0 in w(0), and the experiment runs again.
 */
export function ZeroNeurons() {
  const editor = useSpecEditor('saddles', { source: 'saddles' });
  const spec = editor.spec;
  const selected = useSaddlesUi((s) => s.selected);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const zeroed = spec.init.zeroNeurons ?? [];

  const rerun = (labels: string[]) => {
    const refused = editor.commit(withZeroed(spec, labels));
    setError(refused);
    if (refused) return;
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
        Click a row of a heatmap to pick that hidden neuron (its incoming row, and its entry of v or column of the next W, are outlined). Zeroed neurons start at exactly 0 and, by
        zero preservation, stay there.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="zero-selected">{selected.length ? `Picked: ${sortNeurons(selected).join(', ')}` : 'No neuron picked.'}</span>
        <Button variant="subtle" testId="zero-run" disabled={selected.length === 0} onClick={() => rerun([...zeroed, ...selected])}>
          Zero {selected.length === 1 ? 'this neuron' : 'these neurons'} and re-run
        </Button>
        <Button variant="subtle" disabled={selected.length === 0} onClick={() => useSaddlesUi.getState().clearSelected()}>
          Clear pick
        </Button>
        <label className="flex items-center gap-1">
          or type
          <input
            className={`${inputClass} w-24 py-0.5 text-xs`}
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
          <Button variant="subtle" testId="zero-restore" onClick={() => rerun([])}>
            Restore them and re-run
          </Button>
        </div>
      )}
      <FieldError message={error} />
    </div>
  );
}
