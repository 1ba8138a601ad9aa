import { useState } from 'react';
import { homogeneityDegree } from '../../engine/homogeneous/ff';
import { saddlesParamCount, type SaddlesSpec } from './schema';
import { parseSpec } from '../../experiment/validate';
import { useExperiment, useLabSpec } from '../../state/experiment-store';
import { NumberField } from '../../ui/NumberField';
import { ACTIVATION_LABELS, FAMILY_LABELS, activationOf, familyOf, withActivation, withDataKind, withFamily, withFf, withLoss, withSingleLabel, withSphere, withToy, withWidth, type Activation, type Family, type FfDataKind } from './model-edit';

const select = 'rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-sm';
const label = 'text-xs font-medium text-slate-600 dark:text-slate-400';

/**
 * Model, data and loss of the Saddles lab (lab spec 7, Controls): family, activation max(x, αx)^p, widths, input
 * dimension, data size and seeds, teacher, loss. Every edit is a whole candidate spec through the validator; a
 * refused one shows the validator's message at the field and the last good spec stays.
 */
export function SaddlesModelControls() {
  const spec = useLabSpec('saddles');
  const [selectError, setSelectError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  /** Applies a candidate; returns the validator's messages (shown at the field), or null when accepted. */
  const commit = (candidate: SaddlesSpec): string | null => {
    const r = parseSpec(candidate);
    if (!r.ok) return r.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    const before = spec.init.dir.kind;
    useExperiment.getState().apply(candidate, 'saddles');
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
        <div className="col-span-2 flex flex-col gap-0.5">
          <label htmlFor="sd-family" className={label}>
            Model
          </label>
          <select id="sd-family" data-testid="model-family" className={select} value={family} onChange={(e) => commitSelect(withFamily(spec, e.target.value as Family))}>
            {(Object.keys(FAMILY_LABELS) as Family[]).map((f) => (
              <option key={f} value={f}>
                {FAMILY_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        {model.kind === 'ff' ? (
          <>
            <div className="col-span-2 flex flex-col gap-0.5">
              <label htmlFor="sd-act" className={label}>
                Activation σ
              </label>
              <select id="sd-act" data-testid="activation-select" className={select} value={act} onChange={(e) => commitSelect(withActivation(spec, e.target.value as Activation))}>
                {(Object.keys(ACTIVATION_LABELS) as Activation[]).map((a) => (
                  <option key={a} value={a}>
                    {ACTIVATION_LABELS[a]}
                  </option>
                ))}
              </select>
            </div>
            {act === 'poly' && (
              <>
                <NumberField label="leak α (0 to 1)" testId="field-alpha" value={model.alpha} onCommit={(alpha) => commit(withFf(spec, { alpha }))} />
                <NumberField label="power p (1, 2 or 3)" testId="field-p" value={model.p} onCommit={(p) => commit(withFf(spec, { p }))} />
              </>
            )}
            <NumberField label={family === 'three-layer' ? 'width of W₁ (k₁)' : 'hidden width k'} testId="field-width1" value={model.widths[0]} onCommit={(k) => commit(withWidth(spec, 0, k))} />
            {family === 'three-layer' && <NumberField label="width of W₂ (k₂)" testId="field-width2" value={model.widths[1]} onCommit={(k) => commit(withWidth(spec, 1, k))} />}
            <NumberField label="input dimension d" testId="field-d" value={model.d} onCommit={(d) => commit(withFf(spec, { d }))} />
            <div className="flex flex-col gap-0.5">
              <label htmlFor="sd-data" className={label}>
                Data
              </label>
              <select id="sd-data" data-testid="data-select" className={select} value={data.kind} onChange={(e) => commitSelect(withDataKind(spec, e.target.value as FfDataKind))}>
                <option value="sphere">unit sphere, teacher labels</option>
                <option value="circle8">8 points on the circle (d = 2)</option>
                <option value="single">one point x = 1 (d = 1)</option>
              </select>
            </div>
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
                    <input type="checkbox" checked={data.teacherNorm === 'joint'} onChange={(e) => commitSelect(withSphere(spec, { teacherNorm: e.target.checked ? 'joint' : 'raw' }))} />
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
        <div className="col-span-2 flex flex-col gap-0.5">
          <label htmlFor="sd-loss" className={label}>
            Loss
          </label>
          <select id="sd-loss" data-testid="loss-select" className={select} value={spec.loss} onChange={(e) => commitSelect(withLoss(spec, e.target.value as SaddlesSpec['loss']))}>
            <option value="mse-mean">mean square (1/n) Σ (H − y)²</option>
            <option value="sq-sum">sum square Σ (H − y)²</option>
          </select>
        </div>
      </div>
      {selectError && (
        <p role="alert" className="mt-1 text-xs text-red-600" data-testid="model-error">
          {selectError}
        </p>
      )}
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
