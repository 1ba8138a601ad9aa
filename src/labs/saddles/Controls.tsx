import { useState } from 'react';
import { fmt } from '../../ui/format';
import { LogSlider } from '../../ui/LogSlider';
import { NumberField } from '../../ui/NumberField';
import { pickPreset, usePresetChoice } from '../../ui/preset-choice';
import { PresetPicker } from '../../ui/PresetPicker';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { useSpecEditor } from '../../ui/useSpecEditor';
import { SaddlesModelControls } from './ModelControls';
import type { SaddlesSpec } from './schema';

type OptimChoice = 'flow' | 'gd' | 'gd-clipped' | 'gd-schedule';

const OPTIMS: SelectOption<OptimChoice>[] = [
  { value: 'flow', label: 'gradient flow (ODE)' },
  { value: 'gd', label: 'GD, constant step' },
  { value: 'gd-clipped', label: 'GD, clipped step' },
];
/** Offered only while the experiment has it (a paper preset's schedule): it cannot be set up from here. */
const PAPER_SCHEDULE: SelectOption<OptimChoice> = { value: 'gd-schedule', label: 'GD, paper schedule' };

const optimChoice = (o: SaddlesSpec['optim']): OptimChoice => (o.kind === 'gd-schedule' ? (o.rule.kind === 'clipped' ? 'gd-clipped' : 'gd-schedule') : o.kind);

/** The experiment with another optimiser; null for the paper schedule, which is only loaded with its preset. */
function withOptim(spec: SaddlesSpec, k: OptimChoice): SaddlesSpec | null {
  const o = spec.optim;
  const lr = o.kind === 'flow' ? 1e-3 : o.lr;
  switch (k) {
    case 'flow':
      return {
        ...spec,
        optim: { kind: 'flow', method: 'dopri5', rtol: 1e-10, atol: 1e-14 * spec.init.delta },
        stop: { ...spec.stop, maxTime: o.kind === 'flow' ? spec.stop.maxTime : Math.min(spec.stop.maxTime, spec.stop.maxSteps * o.lr) },
      };
    case 'gd':
      return { ...spec, optim: { kind: 'gd', lr } };
    case 'gd-clipped':
      return { ...spec, optim: { kind: 'gd-schedule', lr, rule: { kind: 'clipped', s: 0.02 } } };
    default:
      return null;
  }
}

function modelText(spec: SaddlesSpec): string {
  const model = spec.model;
  if (model.kind === 'toy') return `toy H = w₁^${model.Lh} x₁ + w₂^${model.Lh} x₂${model.Lh === 2 ? ' (Example 1)' : ''}`;
  const act = model.p === 1 && model.alpha === 0 ? 'ReLU (outside the theorems)' : model.p === 2 && model.alpha === 1 ? 'x²' : `max(z, ${model.alpha}z)^${model.p}`;
  return `${model.widths.length + 1}-layer, d = ${model.d}, widths ${model.widths.join('×')}, ${act}`;
}

/** Preset, initial scale delta (log slider), optimiser and horizon; every edit goes through the validator. */
export function SaddlesControls() {
  const editor = useSpecEditor('saddles');
  const spec = editor.spec;
  const presetId = usePresetChoice('saddles');
  const [presetError, setPresetError] = useState<string | null>(null);
  const [optimError, setOptimError] = useState<string | null>(null);
  const { commit } = editor;

  const setDelta = (delta: number) => commit({ ...spec, init: { ...spec.init, delta }, optim: spec.optim.kind === 'flow' ? { ...spec.optim, atol: 1e-14 * delta } : spec.optim });

  const o = spec.optim;
  const choice = optimChoice(o);

  return (
    <div className="flex flex-col gap-3" data-testid="saddles-controls">
      <PresetPicker lab="saddles" selected={presetId} onPick={(id) => setPresetError(pickPreset('saddles', id))} error={presetError} />
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="model-summary">
        Model: {modelText(spec)}; loss {spec.loss}.
      </p>
      <SaddlesModelControls />
      <LogSlider
        id="sd-delta"
        testId="delta-slider"
        label={`Initial scale δ = ${fmt(spec.init.delta, { digits: 3, exp: true })}`}
        value={spec.init.delta}
        min={-8}
        max={0}
        step={0.05}
        digits={3}
        onChange={setDelta}
      />
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="δ" testId="field-delta" value={spec.init.delta} onCommit={setDelta} />
        <NumberField label="init seed" testId="field-seed" value={spec.seed} onCommit={(seed) => commit({ ...spec, seed })} />
        <SelectField
          label="Optimiser"
          id="sd-optim"
          testId="optim-select"
          value={choice}
          options={choice === 'gd-schedule' ? [...OPTIMS, PAPER_SCHEDULE] : OPTIMS}
          onChange={(k) => {
            const next = withOptim(spec, k);
            if (next) setOptimError(commit(next));
          }}
          error={optimError}
        />
        {o.kind === 'flow' ? (
          <NumberField label="horizon t_max" testId="field-tmax" value={spec.stop.maxTime} onCommit={(maxTime) => commit({ ...spec, stop: { ...spec.stop, maxTime } })} />
        ) : (
          <>
            <NumberField label="step size η" testId="field-lr" value={o.lr} onCommit={(lr) => commit({ ...spec, optim: { ...o, lr } })} />
            <NumberField label="iterations" testId="field-steps" value={spec.stop.maxSteps} onCommit={(maxSteps) => commit({ ...spec, stop: { ...spec.stop, maxSteps } })} />
          </>
        )}
      </div>
      {o.kind === 'flow' && (
        <p className="text-xs text-slate-500">
          DOPRI5 with rtol {fmt(o.rtol, { digits: 1, exp: true })} and atol {fmt(o.atol, { digits: 2, exp: true })} (= 10⁻¹⁴ δ: the weights are O(δ) while they creep).
        </p>
      )}
    </div>
  );
}
