import { useMemo, useState } from 'react';
import type { Preset } from '../../../experiment/presets';
import { useLabSpec } from '../../../state/experiment-store';
import { Button } from '../../../ui/Button';
import { FieldGroup } from '../../../ui/FieldGroup';
import { FieldError } from '../../../ui/FieldMessage';
import { inputClass, labelClass } from '../../../ui/field-styles';
import { fmt } from '../../../ui/format';
import { NumberField } from '../../../ui/NumberField';
import { pickPreset, usePresetChoice } from '../../../ui/preset-choice';
import { PresetPicker } from '../../../ui/PresetPicker';
import { SelectField } from '../../../ui/SelectField';
import { commitSpec } from './commit';
import { initialEntries } from '../build';
import { explicitInit, gapOfTie, initScale, setD, TEACHER_PRESETS, teacherPresetId, tieOfGap } from './explore-model';
import type { PoisoningSpec } from '../schema';

type Optim = PoisoningSpec['optim'];
type Init = PoisoningSpec['init'];

const isThm1 = (p: Preset) => p.id.startsWith('thm1-');
const PRESET_GROUPS = [
  { label: 'Theorem 1 (gradient flow)', match: isThm1 },
  { label: 'Tables and figures (GD / Adam)', match: (p: Preset) => !isThm1(p) },
];

/** Preset picker, teacher and student, optimiser and stopping rule, and the initialisation. */
export function ExploreControls() {
  const spec = useLabSpec('poisoning');
  const presetId = usePresetChoice('poisoning');
  const [presetError, setPresetError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3" data-testid="explore-controls">
      <PresetPicker
        lab="poisoning"
        label="Load a preset of the paper"
        selected={presetId}
        onPick={(id) => setPresetError(pickPreset('poisoning', id))}
        groups={PRESET_GROUPS}
        showIds
        customLabel="Custom (edited)"
        error={presetError}
      />
      <ModelGroup spec={spec} />
      <OptimGroup spec={spec} />
      <InitGroup spec={spec} />
    </div>
  );
}

const parseList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);

/** A group's refusal, and its commit of a whole spec that shows the refusal (and returns it). */
function useCommit() {
  const [err, setErr] = useState<string | null>(null);
  const commit = (c: PoisoningSpec) => {
    const e = commitSpec(c);
    setErr(e);
    return e;
  };
  return [err, setErr, commit] as const;
}

function ModelGroup({ spec }: { spec: PoisoningSpec }) {
  const m = spec.model;
  const tid = teacherPresetId(m.teacher);
  const [custom, setCustom] = useState(m.teacher.kind === 'diag' ? m.teacher.a.join(', ') : '0.9, 0.5');
  const [err, , commit] = useCommit();
  const withModel = (patch: Partial<PoisoningSpec['model']>): PoisoningSpec => ({ ...spec, model: { ...m, ...patch } });
  return (
    <FieldGroup title="Teacher and student" testId="group-model">
      <SelectField
        label="Teacher"
        testId="field-teacher"
        value={tid}
        options={[...TEACHER_PRESETS.map((t) => ({ value: t.id, label: t.label })), { value: 'custom', label: 'custom diagonal a*' }]}
        onChange={(id) => {
          const p = TEACHER_PRESETS.find((t) => t.id === id);
          commit(withModel({ teacher: p ? p.teacher : { kind: 'diag', a: parseList(custom) } }));
        }}
      />
      {tid === 'custom' && (
        <div className="flex items-end gap-2">
          <label className="flex flex-1 flex-col text-[11px] text-slate-500">
            teacher a* (B* = C* = 1)
            <input className={inputClass} value={custom} onChange={(e) => setCustom(e.target.value)} aria-label="custom teacher entries" />
          </label>
          <Button variant="subtle" onClick={() => commit(withModel({ teacher: { kind: 'diag', a: parseList(custom) } }))}>
            Set
          </Button>
        </div>
      )}
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="student dimension d" testId="field-d" inputMode="numeric" value={m.d} onCommit={(d) => commitSpec(setD(spec, d))} />
        <label className="flex items-center gap-1 self-end pb-1 text-xs">
          <input type="checkbox" checked={m.trainBC} onChange={(e) => commit(withModel({ trainBC: e.target.checked }))} data-testid="field-trainbc" />
          learn B, C (else B = C = 1)
        </label>
      </div>
      <label className="flex items-center gap-1 text-xs">
        <input
          type="checkbox"
          checked={m.head !== null}
          onChange={(e) => commit(withModel({ head: e.target.checked ? { width: 15, depth: 2 } : null }))}
          data-testid="field-head"
        />
        ReLU MLP head (teacher carries the head too)
      </label>
      {m.head && (
        <div className="grid grid-cols-2 gap-2">
          <NumberField label="head width" inputMode="numeric" value={m.head.width} onCommit={(width) => commitSpec(withModel({ head: { ...m.head!, width } }))} />
          <NumberField label="head depth (hidden layers)" inputMode="numeric" value={m.head.depth} onCommit={(depth) => commitSpec(withModel({ head: { ...m.head!, depth } }))} />
        </div>
      )}
      <FieldError message={err} />
    </FieldGroup>
  );
}

function optimOfKind(kind: Optim['kind'], cur: Optim): Optim {
  const lr = cur.kind === 'flow' ? 0.01 : cur.lr;
  switch (kind) {
    case 'flow':
      return { kind: 'flow', method: 'auto', rtol: 1e-10, atol: 1e-14 };
    case 'gd':
      return { kind: 'gd', lr };
    case 'adam':
      return { kind: 'adam', lr, beta1: 0.9, beta2: 0.999, eps: 1e-7 };
    case 'adaptive-gd':
      return { kind: 'adaptive-gd', lr };
  }
}

const OPTIMISERS: { value: Optim['kind']; label: string }[] = [
  { value: 'flow', label: 'gradient flow (exact ODE)' },
  { value: 'gd', label: 'gradient descent' },
  { value: 'adaptive-gd', label: "adaptive-step GD (paper's code)" },
  { value: 'adam', label: 'Adam' },
];

function OptimGroup({ spec }: { spec: PoisoningSpec }) {
  const o = spec.optim;
  const stop = spec.stop;
  const [err, setErr] = useState<string | null>(null);
  const withStop = (patch: Partial<PoisoningSpec['stop']>) => commitSpec({ ...spec, stop: { ...stop, ...patch } });
  return (
    <FieldGroup title="Optimiser and stopping rule" testId="group-optim">
      <SelectField
        label="Optimiser"
        testId="field-optim"
        value={o.kind}
        options={OPTIMISERS}
        onChange={(kind) => setErr(commitSpec({ ...spec, optim: optimOfKind(kind, o), record: spec.record }))}
        error={err}
      />
      <div className="grid grid-cols-2 gap-2">
        {o.kind !== 'flow' && <NumberField label="step size η" testId="field-lr" value={o.lr} onCommit={(lr) => commitSpec({ ...spec, optim: { ...o, lr } })} />}
        {o.kind !== 'flow' && spec.poisonedOverrides?.lr !== undefined && (
          <NumberField
            label="η of the 'with' arm"
            value={spec.poisonedOverrides.lr}
            onCommit={(lr) => commitSpec({ ...spec, poisonedOverrides: { ...spec.poisonedOverrides, lr } })}
            hint="preset override"
          />
        )}
        <NumberField label="stop when loss <" testId="field-eps" value={stop.lossBelow} onCommit={(lossBelow) => withStop({ lossBelow })} />
        {o.kind === 'flow' ? (
          <NumberField label="max flow time" value={stop.maxTime} onCommit={(maxTime) => withStop({ maxTime })} />
        ) : (
          <NumberField label="max steps" testId="field-maxsteps" inputMode="numeric" value={stop.maxSteps} onCommit={(maxSteps) => withStop({ maxSteps })} />
        )}
        {o.kind !== 'flow' && (
          <NumberField label="extra steps after loss < ε" testId="field-extra" inputMode="numeric" value={stop.extraSteps} onCommit={(extraSteps) => withStop({ extraSteps })} />
        )}
      </div>
    </FieldGroup>
  );
}

const initOfKind = (kind: Init['kind'], spec: PoisoningSpec): Init => {
  switch (kind) {
    case 'uniform-sorted':
      return { kind, scale: 1e-3, tieC: 5 };
    case 'gd-normal':
      return { kind, sdA: 1e-2, sdBC: 1e-2, tieC: 20, warm: 0, sdD: 0.03 };
    case 'explicit':
      return explicitInit(spec, initialEntries(spec)).init;
  }
};

const INIT_KINDS: { value: Init['kind']; label: string }[] = [
  { value: 'uniform-sorted', label: 'Theorem-1 uniform, sorted' },
  { value: 'gd-normal', label: '|N(0, σ)| sorted (GD presets)' },
  { value: 'explicit', label: 'explicit values' },
];

function InitGroup({ spec }: { spec: PoisoningSpec }) {
  const init = spec.init;
  const [err, setErr, commit] = useCommit();
  const withInit = (patch: Partial<Init>) => commit({ ...spec, init: { ...init, ...patch } as Init });
  const scale = initScale(spec);
  const tieC = init.kind === 'explicit' ? null : init.tieC;
  const gap = scale !== null && tieC !== null ? gapOfTie(tieC, scale) : null;
  const a = useMemo(() => initialEntries(spec), [spec]);

  return (
    <FieldGroup title="Initialisation (shared by both arms)" testId="group-init">
      <div className="grid grid-cols-2 gap-2">
        <SelectField
          className="col-span-2"
          label="Draw"
          testId="field-init"
          value={init.kind}
          options={INIT_KINDS}
          onChange={(kind) => commit({ ...spec, init: initOfKind(kind, spec) })}
        />
        <NumberField label="seed" testId="field-seed" inputMode="numeric" value={spec.seed} onCommit={(seed) => commitSpec({ ...spec, seed })} />
        {init.kind === 'uniform-sorted' && (
          <NumberField label="scale" testId="field-scale" value={init.scale} onCommit={(s) => commitSpec({ ...spec, init: { ...init, scale: s } })} />
        )}
        {init.kind === 'gd-normal' && (
          <>
            <NumberField label="σ_A (scale of a)" testId="field-scale" value={init.sdA} onCommit={(sdA) => commitSpec({ ...spec, init: { ...init, sdA } })} />
            <NumberField label="σ_BC" value={init.sdBC} onCommit={(sdBC) => commitSpec({ ...spec, init: { ...init, sdBC } })} />
            <NumberField label="warm (added to a, b)" value={init.warm} onCommit={(warm) => commitSpec({ ...spec, init: { ...init, warm } })} />
          </>
        )}
      </div>
      {gap !== null && scale !== null && (
        <div className="flex flex-col gap-0.5">
          <label htmlFor="gap" className={labelClass}>
            {/* three significant digits, exponent always: the slider moves by quarter decades */}
            Near-tie a₁ − a₂ ={' '}
            <span className="num" data-testid="gap-value">
              {gap.toExponential(2)}
            </span>{' '}
            <span className="font-normal text-slate-500">(tie exponent c = {fmt(tieC!)})</span>
          </label>
          <input
            id="gap"
            type="range"
            min={-20}
            max={-2}
            step={0.25}
            value={Math.max(-20, Math.min(-2, Math.log10(gap)))}
            data-testid="field-gap"
            disabled={!(scale < 1)}
            onChange={(e) => {
              const c = tieOfGap(10 ** Number(e.target.value), scale);
              if (c === null) setErr('the near-tie needs an init scale below 1 and a gap below 0.05');
              else withInit({ tieC: c });
            }}
          />
          <span className="flex justify-between text-[10px] text-slate-500">
            <span>10⁻²⁰ (tie)</span>
            <span>gap = 0.05·exp(c·log₁₀ scale)</span>
            <span>10⁻²</span>
          </span>
        </div>
      )}
      <EntryText key={a.join(',')} a={a} explicit={init.kind === 'explicit'} onUse={(v) => commit(explicitInit(spec, v))} />
      <FieldError message={err} />
    </FieldGroup>
  );
}

function EntryText({ a, explicit, onUse }: { a: number[]; explicit: boolean; onUse: (v: number[]) => string | null }) {
  const [text, setText] = useState(a.map((v) => Number(v.toPrecision(10))).join(', '));
  const [err, setErr] = useState<string | null>(null);
  return (
    <details className="text-xs" open={explicit}>
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
        Initial a entries {explicit ? '(explicit)' : '(from the draw)'}: a₁ = {fmt(a[0])}
        {a.length > 1 ? `, a₂ = ${fmt(a[1])}` : ''}
      </summary>
      <textarea
        className="num mt-1 w-full rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 p-1 font-mono text-xs"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="initial a entries, comma separated"
        data-testid="init-entries"
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="subtle" testId="init-entries-apply" onClick={() => setErr(onUse(parseList(text)))}>
          Use these values (d = count)
        </Button>
        <FieldError message={err} />
      </div>
    </details>
  );
}
