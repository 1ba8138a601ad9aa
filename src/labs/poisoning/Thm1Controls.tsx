import { useMemo, useState } from 'react';
import type { Preset } from '../../experiment/presets';
import { Button } from '../../ui/Button';
import { FieldError } from '../../ui/FieldMessage';
import { NumberField } from '../../ui/NumberField';
import { pickPreset, usePresetChoice } from '../../ui/preset-choice';
import { PresetPicker } from '../../ui/PresetPicker';
import { SelectField } from '../../ui/SelectField';
import { useSpecEditor } from '../../ui/useSpecEditor';
import { initialEntries } from './build';
import { specFromThm1Params, thm1ParamsOf, type Thm1Params } from './thm1-params';
import { Term } from '../../ui/Term';

const isThm1 = (p: Preset) => p.id.startsWith('thm1-');

const METHODS: { value: Thm1Params['method']; label: string }[] = [
  { value: 'auto', label: 'automatic (DOPRI5, switching to RODAS4 when stiff)' },
  { value: 'dopri5', label: 'explicit DOPRI5 only' },
  { value: 'rodas4', label: 'stiff RODAS4 only' },
];

/** Model, initialisation and solver controls of the Theorem-1 page; every edit goes through the validator. */
export function Thm1Controls() {
  const editor = useSpecEditor('poisoning');
  const spec = editor.spec;
  const params = thm1ParamsOf(spec);
  const presetId = usePresetChoice('poisoning');
  const [methodError, setMethodError] = useState<string | null>(null);

  /** Applies one change; returns the validator's message (naming the field) for the user, or null. */
  const commit = (patch: Partial<Thm1Params>): string | null => editor.commit(specFromThm1Params({ ...params, ...patch }));
  const entries = useMemo(() => initialEntries(spec), [spec]);

  return (
    <div className="flex flex-col gap-3" data-testid="thm1-controls">
      <PresetPicker lab="poisoning" selected={presetId} onPick={(id) => pickPreset('poisoning', id)} filter={isThm1} />
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="d (student size)" testId="field-d" inputMode="numeric" value={params.d} onCommit={(d) => commit({ d, explicit: null })} />
        <NumberField label="κ (sequence length)" testId="field-kappa" inputMode="numeric" value={params.kappa} onCommit={(kappa) => commit({ kappa })} />
        <NumberField label="init scale" testId="field-scale" value={params.scale} onCommit={(scale) => commit({ scale, explicit: null })} />
        <NumberField label="seed" testId="field-seed" inputMode="numeric" value={params.seed} onCommit={(seed) => commit({ seed, explicit: null })} />
        <NumberField
          label="tie exponent c"
          testId="field-tie"
          value={params.tieC}
          hint={`a₂ = a₁ − 0.05·exp(c·log₁₀ scale)`}
          onCommit={(tieC) => commit({ tieC, explicit: null })}
        />
        <NumberField label="rtol" testId="field-rtol" value={params.rtol} onCommit={(rtol) => commit({ rtol })} />
      </div>
      <SelectField
        label="ODE solver"
        testId="field-method"
        value={params.method}
        options={METHODS}
        onChange={(method) => setMethodError(commit({ method }))}
        error={methodError}
        hint={
          <>
            <Term term="DOPRI5" /> · <Term term="RODAS4" />
          </>
        }
      />
      <EntryEditor key={entries.join(',')} params={params} commit={commit} current={entries} />
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
      <FieldError message={error} />
      <div className="mt-1 flex gap-2">
        <Button
          variant="subtle"
          testId="entries-apply"
          onClick={() => {
            const values = text
              .split(/[\s,;]+/)
              .filter(Boolean)
              .map(Number);
            setError(commit({ explicit: values, d: values.length }));
          }}
        >
          Use these entries
        </Button>
        {params.explicit && (
          <Button variant="link" onClick={() => setError(commit({ explicit: null }))}>
            Back to the seeded draw
          </Button>
        )}
      </div>
    </details>
  );
}
