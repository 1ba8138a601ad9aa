import { useState } from 'react';
import { homogeneityDegree } from '../../engine/homogeneous/ff';
import { FieldError } from '../../ui/FieldMessage';
import { NumberField } from '../../ui/NumberField';
import { SelectField } from '../../ui/SelectField';
import { useSpecEditor } from '../../ui/useSpecEditor';
import {
  ACTIVATION_LABELS,
  FAMILY_LABELS,
  activationOf,
  familyOf,
  withActivation,
  withDataKind,
  withFamily,
  withFf,
  withLoss,
  withSingleLabel,
  withSphere,
  withToy,
  withWidth,
  type Activation,
  type Family,
  type FfDataKind,
} from './model-edit';
import { type SaddlesSpec, saddlesParamCount } from './schema';

const FAMILIES = (Object.keys(FAMILY_LABELS) as Family[]).map((f) => ({ value: f, label: FAMILY_LABELS[f] }));
const ACTIVATIONS = (Object.keys(ACTIVATION_LABELS) as Activation[]).map((a) => ({ value: a, label: ACTIVATION_LABELS[a] }));
const DATA_KINDS: { value: FfDataKind; label: string }[] = [
  { value: 'sphere', label: 'unit sphere, teacher labels' },
  { value: 'circle8', label: '8 points on the circle (d = 2)' },
  { value: 'single', label: 'one point x = 1 (d = 1)' },
];
const LOSSES: { value: SaddlesSpec['loss']; label: string }[] = [
  { value: 'mse-mean', label: 'mean square (1/n) Σ (H − y)²' },
  { value: 'sq-sum', label: 'sum square Σ (H − y)²' },
];

/**
 * Model, data and loss of the Saddles lab (docs/labs/saddles.md Sec. 7, Controls): family, activation max(x, αx)^p, widths, input
 * dimension, data size and seeds, teacher, loss. Every edit is a whole candidate spec through the validator; a
 * refused one shows the validator's message at the field and the last good spec stays.
 */
export function SaddlesModelControls() {
  const editor = useSpecEditor('saddles', { source: 'saddles' });
  const spec = editor.spec;
  const [selectError, setSelectError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  /** Applies a candidate; returns the validator's messages (shown at the field), or null when accepted. */
  const commit = (candidate: SaddlesSpec): string | null => {
    const before = spec.init.dir.kind;
    const refused = editor.commit(candidate);
    if (refused) return refused;
    setNote(before === 'explicit' && candidate.init.dir.kind === 'random' ? 'The hand-set initial direction no longer fits the network; w₀ is now the seeded random draw.' : null);
    return null;
  };
  const commitSelect = (candidate: SaddlesSpec) => setSelectError(commit(candidate));

  const { model, data } = spec;
  const family = familyOf(spec);
  const act = activationOf(model);
  const Lh = model.kind === 'toy' ? model.Lh : homogeneityDegree(model.widths.length + 1, model.p);
  const nParams = saddlesParamCount(spec);
  const outside = model.kind === 'ff' && model.p < 2 && model.alpha !== 1;

  return (
    <details open className="rounded border border-slate-200 dark:border-slate-800 p-2" data-testid="model-controls">
      <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-400">Model, data and loss</summary>
      <div className="mt-2 grid grid-cols-2 gap-2">
        <SelectField className="col-span-2" label="Model" testId="model-family" value={family} options={FAMILIES} onChange={(f) => commitSelect(withFamily(spec, f))} />
        {model.kind === 'ff' ? (
          <>
            <SelectField
              className="col-span-2"
              label="Activation σ"
              testId="activation-select"
              value={act}
              options={ACTIVATIONS}
              onChange={(a) => commitSelect(withActivation(spec, a))}
            />
            {act === 'poly' && (
              <>
                <NumberField label="leak α (0 to 1)" testId="field-alpha" value={model.alpha} onCommit={(alpha) => commit(withFf(spec, { alpha }))} />
                <NumberField label="power p (1, 2 or 3)" testId="field-p" value={model.p} onCommit={(p) => commit(withFf(spec, { p }))} />
              </>
            )}
            <NumberField
              label={family === 'three-layer' ? 'width of W₁ (k₁)' : 'hidden width k'}
              testId="field-width1"
              value={model.widths[0]}
              onCommit={(k) => commit(withWidth(spec, 0, k))}
            />
            {family === 'three-layer' && <NumberField label="width of W₂ (k₂)" testId="field-width2" value={model.widths[1]} onCommit={(k) => commit(withWidth(spec, 1, k))} />}
            <NumberField label="input dimension d" testId="field-d" value={model.d} onCommit={(d) => commit(withFf(spec, { d }))} />
            <SelectField label="Data" testId="data-select" value={data.kind as FfDataKind} options={DATA_KINDS} onChange={(k) => commitSelect(withDataKind(spec, k))} />
            {data.kind === 'single' && <NumberField label="label y of x = 1" testId="field-single-y" value={data.y} onCommit={(y) => commit(withSingleLabel(spec, y))} />}
            {data.kind === 'sphere' && (
              <>
                <NumberField label="data points n" testId="field-n" value={data.n} onCommit={(n) => commit(withSphere(spec, { n }))} />
                <NumberField label="data seed" testId="field-data-seed" value={data.seed} onCommit={(seed) => commit(withSphere(spec, { seed }))} />
                <NumberField label="teacher seed" testId="field-teacher-seed" value={data.teacherSeed} onCommit={(teacherSeed) => commit(withSphere(spec, { teacherSeed }))} />
                <NumberField label="teacher width" testId="field-teacher-width" value={data.teacherWidth} onCommit={(teacherWidth) => commit(withSphere(spec, { teacherWidth }))} />
                <NumberField label="label scale" testId="field-label-scale" value={data.labelScale} onCommit={(labelScale) => commit(withSphere(spec, { labelScale }))} />
                <div className="flex flex-col justify-end gap-1 text-xs">
                  <label className="flex items-center gap-1">
                    <input
                      type="checkbox"
                      checked={data.teacherNorm === 'joint'}
                      onChange={(e) => commitSelect(withSphere(spec, { teacherNorm: e.target.checked ? 'joint' : 'raw' }))}
                    />
                    teacher later layers normalised
                  </label>
                  {family === 'three-layer' && (
                    <label className="flex items-center gap-1">
                      <input type="checkbox" checked={data.teacherNonneg} onChange={(e) => commitSelect(withSphere(spec, { teacherNonneg: e.target.checked }))} />
                      teacher W₂ ≥ 0
                    </label>
                  )}
                </div>
              </>
            )}
          </>
        ) : (
          <>
            <NumberField label="degree L (2 = Example 1)" testId="field-Lh" value={model.Lh} onCommit={(v) => commit(withToy(spec, { Lh: v }))} />
            <div />
            {data.kind === 'toy' && (
              <>
                <NumberField label="label y₁ of x = (1, 0)" testId="field-y1" value={data.y[0]} onCommit={(v) => commit(withToy(spec, { y: [v, data.y[1]] }))} />
                <NumberField label="label y₂ of x = (0, 1)" testId="field-y2" value={data.y[1]} onCommit={(v) => commit(withToy(spec, { y: [data.y[0], v] }))} />
              </>
            )}
          </>
        )}
        <SelectField className="col-span-2" label="Loss" testId="loss-select" value={spec.loss} options={LOSSES} onChange={(l) => commitSelect(withLoss(spec, l))} />
      </div>
      <FieldError message={selectError} testId="model-error" className="mt-1 block" />
      <p className="mt-1 text-xs text-slate-500" data-testid="model-facts">
        {nParams} parameters, degree of homogeneity L = {Lh}; initialisation δ·w₀ with w₀{' '}
        {spec.init.dir.kind === 'explicit' ? 'set by hand' : spec.init.dir.kind === 'kkt' ? 'a KKT point of the NCF (warm start)' : `a random unit vector (init seed ${spec.seed})`}
        {spec.init.zeroNeurons?.length ? `, except neuron${spec.init.zeroNeurons.length > 1 ? 's' : ''} ${spec.init.zeroNeurons.join(', ')}, set to exactly 0` : ''}.
        {outside && ' This activation is not locally Lipschitz in its gradient (Assumption 1): the predictions are empirical only.'}
      </p>
      {note && <p className="mt-1 text-xs text-amber-700">{note}</p>}
    </details>
  );
}
