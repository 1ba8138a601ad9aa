import { PRESETS } from '../../experiment/presets';
import type { SaddlesSpec } from './schema';
import { parseSpec } from '../../experiment/validate';
import { useExperiment, useLabSpec } from '../../state/experiment-store';
import { NumberField } from '../../ui/NumberField';
import { SaddlesModelControls } from './ModelControls';

const select = 'rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-sm';
const label = 'text-xs font-medium text-slate-600 dark:text-slate-400';

const SADDLES_PRESETS = PRESETS.filter((p) => p.lab === 'saddles');

/** Preset, initial scale delta (log slider), optimiser and horizon; every edit goes through the validator. */
export function SaddlesControls() {
  const spec = useLabSpec('saddles');
  const apply = useExperiment((s) => s.apply);

  const commit = (next: SaddlesSpec): string | null => {
    const r = parseSpec(next);
    if (!r.ok) return r.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    apply(next, 'controls');
    return null;
  };
  const setDelta = (delta: number) =>
    commit({ ...spec, init: { ...spec.init, delta }, optim: spec.optim.kind === 'flow' ? { ...spec.optim, atol: 1e-14 * delta } : spec.optim });

  const presetId = SADDLES_PRESETS.find((p) => JSON.stringify(p.spec) === JSON.stringify(spec))?.id ?? '';
  const o = spec.optim;
  const isFlow = o.kind === 'flow';
  const model = spec.model;
  const modelText =
    model.kind === 'toy'
      ? `toy H = w₁^${model.Lh} x₁ + w₂^${model.Lh} x₂${model.Lh === 2 ? ' (Example 1)' : ''}`
      : `${model.widths.length + 1}-layer, d = ${model.d}, widths ${model.widths.join('×')}, ${model.p === 1 && model.alpha === 0 ? 'ReLU (outside the theorems)' : model.p === 2 && model.alpha === 1 ? 'x²' : `max(z, ${model.alpha}z)^${model.p}`}`;

  return (
    <div className="flex flex-col gap-3" data-testid="saddles-controls">
      <div className="flex flex-col gap-0.5">
        <label htmlFor="sd-preset" className={label}>
          Preset
        </label>
        <select id="sd-preset" data-testid="preset-select" value={presetId} className={select} onChange={(e) => {
          const p = SADDLES_PRESETS.find((x) => x.id === e.target.value);
          if (p) apply(p.spec, 'preset');
        }}>
          <option value="">Custom</option>
          {SADDLES_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <p className="text-xs text-slate-500">{SADDLES_PRESETS.find((p) => p.id === presetId)?.description ?? modelText}</p>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="model-summary">
        Model: {modelText}; loss {spec.loss}.
      </p>
      <SaddlesModelControls />
      <div className="flex flex-col gap-0.5">
        <label htmlFor="sd-delta" className={label}>
          Initial scale δ = {spec.init.delta.toExponential(2)}
        </label>
        <input
          id="sd-delta"
          data-testid="delta-slider"
          type="range"
          min={-8}
          max={0}
          step={0.05}
          value={Math.log10(spec.init.delta)}
          onChange={(e) => setDelta(Number((10 ** Number(e.target.value)).toPrecision(3)))}
        />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="δ" testId="field-delta" value={spec.init.delta} onCommit={setDelta} />
        <NumberField label="init seed" testId="field-seed" value={spec.seed} onCommit={(seed) => commit({ ...spec, seed })} />
        <div className="flex flex-col gap-0.5">
          <label htmlFor="sd-optim" className={label}>
            Optimiser
          </label>
          <select
            id="sd-optim"
            data-testid="optim-select"
            className={select}
            value={o.kind === 'gd-schedule' ? (o.rule.kind === 'clipped' ? 'gd-clipped' : 'gd-schedule') : o.kind}
            onChange={(e) => {
              const k = e.target.value;
              if (k === 'flow') commit({ ...spec, optim: { kind: 'flow', method: 'dopri5', rtol: 1e-10, atol: 1e-14 * spec.init.delta }, stop: { ...spec.stop, maxTime: spec.optim.kind === 'flow' ? spec.stop.maxTime : Math.min(spec.stop.maxTime, spec.stop.maxSteps * spec.optim.lr) } });
              else if (k === 'gd') commit({ ...spec, optim: { kind: 'gd', lr: o.kind === 'flow' ? 1e-3 : o.lr } });
              else if (k === 'gd-clipped') commit({ ...spec, optim: { kind: 'gd-schedule', lr: o.kind === 'flow' ? 1e-3 : o.lr, rule: { kind: 'clipped', s: 0.02 } } });
            }}
          >
            <option value="flow">gradient flow (ODE)</option>
            <option value="gd">GD, constant step</option>
            <option value="gd-clipped">GD, clipped step</option>
            {o.kind === 'gd-schedule' && o.rule.kind === 'piecewise' && <option value="gd-schedule">GD, paper schedule</option>}
          </select>
        </div>
        {isFlow ? (
          <NumberField label="horizon t_max" testId="field-tmax" value={spec.stop.maxTime} onCommit={(maxTime) => commit({ ...spec, stop: { ...spec.stop, maxTime } })} />
        ) : (
          <>
            <NumberField label="step size η" testId="field-lr" value={o.lr} onCommit={(lr) => commit({ ...spec, optim: { ...o, lr } as SaddlesSpec['optim'] })} />
            <NumberField label="iterations" testId="field-steps" value={spec.stop.maxSteps} onCommit={(maxSteps) => commit({ ...spec, stop: { ...spec.stop, maxSteps } })} />
          </>
        )}
      </div>
      {isFlow && (
        <p className="text-xs text-slate-500">
          DOPRI5 with rtol {o.rtol.toExponential(0)} and atol {o.atol.toExponential(1)} (= 10⁻¹⁴ δ: the weights are O(δ) while they creep).
        </p>
      )}
    </div>
  );
}
