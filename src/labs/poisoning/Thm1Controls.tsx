import { useState } from 'react';
import { PRESETS } from '../../experiment/presets';
import { parseSpec } from '../../experiment/validate';
import { useExperiment, useLabSpec } from '../../state/experiment-store';
import { NumberField } from '../../ui/NumberField';
import { initialEntries, specFromThm1Params, thm1ParamsOf, type Thm1Params } from './thm1-params';

/** Model, initialisation and solver controls of the Theorem-1 page; every edit goes through the validator. */
export function Thm1Controls() {
  const spec = useLabSpec('poisoning');
  const apply = useExperiment((s) => s.apply);
  const params = thm1ParamsOf(spec);

  /** Applies one change; returns the validator's message for the user, or null. */
  const commit = (patch: Partial<Thm1Params>): string | null => {
    const candidate = specFromThm1Params({ ...params, ...patch });
    const r = parseSpec(candidate);
    if (!r.ok) return r.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    apply(candidate, 'controls');
    return null;
  };

  const thm1Presets = PRESETS.filter((p) => p.id.startsWith('thm1-'));
  const presetId = thm1Presets.find((p) => p.spec.lab === 'poisoning' && JSON.stringify(p.spec) === JSON.stringify({ ...spec, arm: p.spec.arm }))?.id ?? '';

  return (
    <div className="flex flex-col gap-3" data-testid="thm1-controls">
      <div className="flex flex-col gap-0.5">
        <label htmlFor="preset" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Preset
        </label>
        <select
          id="preset"
          data-testid="preset-select"
          value={presetId}
          onChange={(e) => {
            const p = PRESETS.find((x) => x.id === e.target.value);
            if (p) apply(p.spec, 'preset');
          }}
          className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-sm"
        >
          <option value="">Custom</option>
          {thm1Presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="d (student size)" testId="field-d" value={params.d} onCommit={(d) => commit({ d, explicit: null })} />
        <NumberField label="κ (sequence length)" testId="field-kappa" value={params.kappa} onCommit={(kappa) => commit({ kappa })} />
        <NumberField label="init scale" testId="field-scale" value={params.scale} onCommit={(scale) => commit({ scale, explicit: null })} />
        <NumberField label="seed" testId="field-seed" value={params.seed} onCommit={(seed) => commit({ seed, explicit: null })} />
        <NumberField
          label="tie exponent c"
          testId="field-tie"
          value={params.tieC}
          hint={`a₂ = a₁ − 0.05·exp(c·log₁₀ scale)`}
          onCommit={(tieC) => commit({ tieC, explicit: null })}
        />
        <NumberField label="rtol" testId="field-rtol" value={params.rtol} onCommit={(rtol) => commit({ rtol })} />
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor="method" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          ODE solver
        </label>
        <select
          id="method"
          value={params.method}
          onChange={(e) => commit({ method: e.target.value as Thm1Params['method'] })}
          className="rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-sm"
        >
          <option value="auto">automatic (DOPRI5, switching to RODAS4 when stiff)</option>
          <option value="dopri5">explicit DOPRI5 only</option>
          <option value="rodas4">stiff RODAS4 only</option>
        </select>
      </div>
      <EntryEditor key={JSON.stringify(spec.init) + spec.model.d + spec.seed} params={params} commit={commit} current={initialEntries(spec)} />
    </div>
  );
}

function EntryEditor({ params, commit, current }: { params: Thm1Params; commit: (p: Partial<Thm1Params>) => string | null; current: number[] }) {
  const [text, setText] = useState(current.map((v) => String(v)).join('\n'));
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="rounded border border-slate-200 dark:border-slate-800 p-2" open={params.explicit !== null}>
      <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-400">
        Initial diagonal entries {params.explicit ? '(edited by hand)' : '(seeded draw)'}
      </summary>
      <textarea
        data-testid="entries"
        aria-label="initial diagonal entries, one per line"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={Math.min(12, current.length)}
        className="num mt-2 w-full rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-1 font-mono text-xs"
      />
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
      <div className="mt-1 flex gap-2">
        <button
          type="button"
          data-testid="entries-apply"
          className="rounded bg-slate-200 dark:bg-slate-800 px-2 py-1 text-xs hover:bg-slate-300"
          onClick={() => {
            const values = text.split(/[\s,;]+/).filter(Boolean).map(Number);
            setError(commit({ explicit: values, d: values.length }));
          }}
        >
          Use these entries
        </button>
        {params.explicit && (
          <button type="button" className="rounded px-2 py-1 text-xs underline" onClick={() => setError(commit({ explicit: null }))}>
            Back to the seeded draw
          </button>
        )}
      </div>
    </details>
  );
}
