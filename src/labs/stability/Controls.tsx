import { useState } from 'react';
import type { Preset } from '../../experiment/presets';
import { Button } from '../../ui/Button';
import { NumberField } from '../../ui/NumberField';
import { PresetPicker } from '../../ui/PresetPicker';
import { SelectField } from '../../ui/SelectField';
import { ShareButton } from '../../ui/ShareButton';
import { useSpecEditor } from '../../ui/useSpecEditor';
import { DataMode } from './DataMode';
import { fmt } from './format';
import { dataFit, lossBelowOf, type StabilitySpec, sweepPresetRow, tolOf } from './schema';
import { SliderMarks } from '../../ui/SliderMarks';

/** What the controls read of the experiment's start: the scalar start, the step on the reduced loss, GF's R. */
interface StartBasics {
  a0: number;
  b0: number;
  eta: number;
  flow: { R: number };
}

interface Props {
  spec: StabilitySpec;
  /** The experiment's scalar start, step on the reduced loss and closed-form GF (from the spec: no run needed). */
  c: StartBasics;
  /** Applies a spec by the page's path (with `refit`, the landscape's view is fitted to the new start). */
  update: (next: StabilitySpec, refit?: boolean) => boolean;
  loadPreset: (id: string) => void;
  shareUrl: () => string;
}

const isSweep = (p: Preset) => !!sweepPresetRow(p.id);
const PRESET_GROUPS = [
  { label: 'Single runs', match: (p: Preset) => !isSweep(p) },
  { label: 'Sweeps (run in the Sweeps panel below)', match: isSweep },
];

/**
 * Preset, step size (log slider with its landmarks), start, Phi, tolerances, toggles and Share. Every typed value
 * goes through the spec's validator (useSpecEditor): the bounds are the schema's, and a refusal is shown at the field.
 */
export function Controls({ spec, c, update, loadPreset, shareUrl }: Props) {
  const editor = useSpecEditor('stability');
  const phi = spec.model.phi;
  // The slider is the user's step eta; c.eta is the step on the reduced loss (eta_eff = s eta in data mode).
  const sData = spec.model.data ? dataFit(spec.model.data).s : 1;
  const eta = c.eta / sData;
  const E = spec.model.data ? 'η_eff' : 'η';
  const lo = -3;
  const hi = Math.log10(2.2 / (phi * sData));
  const withEta = (v: number): StabilitySpec => ({ ...spec, optim: { kind: 'gd', lr: v }, ui: { ...spec.ui, preset: undefined } });
  const withStart = (a: number, b: number): StabilitySpec => ({ ...spec, init: { kind: 'explicit', a: [a], b: [b] }, ui: { ...spec.ui, preset: undefined } });
  const eps0 = c.a0 * c.b0 - phi;
  const lam0 = c.a0 ** 2 + c.b0 ** 2;
  const lamBar = Math.sqrt(lam0 * lam0 + 4 * phi * phi);
  const marks = [
    { v: 2 / c.flow.R, label: '2/R', title: 'GF’s minimum becomes unstable' },
    { v: 2 / lamBar, label: '2/λ̄', title: '2 / sqrt(λ0² + 4Φ²)' },
    { v: 1 / (2 * Math.abs(eps0)), label: '1/2|ε₀|', title: '1/(2|ε0|)' },
    { v: Math.SQRT2 / Math.abs(eps0), label: '√2/|ε₀|', title: 'the imbalance grows at the first step beyond this' },
    { v: 1 / phi, label: '1/Φ', title: 'no stable minimum beyond ηΦ = 1' },
  ]
    .map((m) => ({ ...m, v: m.v / sData }))
    .filter((m) => Number.isFinite(m.v) && Math.log10(m.v) > lo && Math.log10(m.v) < hi);
  const pct = (v: number) => ((Math.log10(v) - lo) / (hi - lo)) * 100;
  const presetId = spec.ui.preset ?? '';
  const explicitA = spec.init.kind === 'explicit' && spec.model.d === 1;

  return (
    <div className="flex flex-col gap-3" data-testid="stability-controls">
      <div className="flex flex-col gap-1">
        <PresetPicker
          lab="stability"
          label="Preset (a claim of the paper, or a case from the lab spec)"
          testId="stability-preset"
          selected={presetId}
          onPick={loadPreset}
          groups={PRESET_GROUPS}
          showIds
          customLabel="(custom)"
        />
        {sweepPresetRow(presetId) && (
          <Button
            variant="link"
            className="self-start"
            testId="goto-sweep"
            onClick={() => document.querySelector('[data-testid=stability-sweeps]')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
          >
            Show the sweep ↓
          </Button>
        )}
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor="st-eta" className="flex justify-between text-xs font-medium text-slate-600 dark:text-slate-400">
          <span>Step size η (log scale)</span>
          <span className="num" data-testid="eta-value">
            η = {fmt(eta)}
            {spec.model.data ? ` · η_eff = sη = ${fmt(c.eta)}` : ''} · 2/{E} = {fmt(2 / c.eta)}
          </span>
        </label>
        <input
          id="st-eta"
          data-testid="eta-slider"
          type="range"
          min={lo}
          max={hi}
          step={0.001}
          value={Math.log10(eta)}
          onChange={(e) => editor.commit(withEta(Number((10 ** Number(e.target.value)).toPrecision(4))))}
          aria-valuetext={`eta ${fmt(eta)}`}
        />
        <SliderMarks marks={marks.map((m) => ({ at: pct(m.v) / 100, label: m.label, title: `${m.title}: η = ${fmt(m.v)}` }))} testId="eta-marks" />
        <p className="num text-[11px] text-slate-500">
          {E}λ₀ = {fmt(c.eta * lam0)} · {E}|ε₀| = {fmt(c.eta * Math.abs(eps0))} · {E}R = {fmt(c.eta * c.flow.R)} · {E}Φ = {fmt(c.eta * phi)}
        </p>
        <NumberField label="η exactly" value={eta} onCommit={(v) => editor.commit(withEta(v))} testId="eta-input" />
      </div>

      {explicitA ? (
        <div className="grid grid-cols-2 gap-2">
          <NumberField label="a₀" value={c.a0} testId="a0-input" onCommit={(v) => editor.commit(withStart(v, c.b0))} />
          <NumberField label="b₀" value={c.b0} testId="b0-input" onCommit={(v) => editor.commit(withStart(c.a0, v))} />
        </div>
      ) : (
        <p className="text-xs text-slate-500">
          d = {spec.model.d}: the run is shown through its exact reduction to d = 1, start (a, b) = ({fmt(c.a0)}, {fmt(c.b0)}). Click the landscape to switch to a d = 1 start.
        </p>
      )}
      <WideStart spec={spec} update={update} />
      <DataMode spec={spec} update={update} />
      <div className="grid grid-cols-3 gap-2">
        <NumberField label="Φ" value={phi} hint={spec.model.data ? 'from the data' : undefined} onCommit={(v) => editor.commit({ ...spec, model: { ...spec.model, phi: v } })} />
        <NumberField
          label="tol on |ε|"
          value={tolOf(spec)}
          // tol is not a spec field: stop.lossBelow = tol²/2, whose square would hide a negative tol
          onCommit={(v) => (v > 0 ? editor.commit({ ...spec, stop: { ...spec.stop, lossBelow: lossBelowOf(v) } }) : 'tol on |ε| must be a positive number')}
        />
        <NumberField label="T max" value={spec.stop.maxSteps} inputMode="numeric" onCommit={(v) => editor.commit({ ...spec, stop: { ...spec.stop, maxSteps: v } })} />
      </div>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <legend className="sr-only">Overlays</legend>
        {(
          [
            ['gf', 'gradient flow'],
            ['circle', 'stability circle'],
            ['hyperbolas', 'iso-imbalance hyperbolas'],
          ] as const
        ).map(([k, label]) => (
          <label key={k} className="inline-flex items-center gap-1">
            <input type="checkbox" checked={spec.ui[k]} onChange={(e) => editor.commit({ ...spec, ui: { ...spec.ui, [k]: e.target.checked } })} />
            {label}
          </label>
        ))}
      </fieldset>
      <ShareButton getUrl={shareUrl} label="Share link" />
    </div>
  );
}

type Structure = 'gaussian' | 'orthogonal' | 'balanced' | 'anti';

const STRUCTURES: { value: Structure; label: string }[] = [
  { value: 'gaussian', label: 'Gaussian a, b' },
  { value: 'orthogonal', label: 'a ⟂ b' },
  { value: 'balanced', label: 'balanced: b ≈ a' },
  { value: 'anti', label: 'anti: b ≈ −a' },
];

/**
 * A seeded start with hidden width d > 1 and a chosen structure. GD and GF on a^T b depend on the start only
 * through ||a + b|| and ||a - b||, so the page shows the run through its exact reduction to the (a, b) plane.
 */
function WideStart({ spec, update }: { spec: StabilitySpec; update: Props['update'] }) {
  const editor = useSpecEditor('stability');
  const random = spec.init.kind === 'random' ? spec.init : null;
  const [d, setD] = useState(Math.max(2, spec.model.d));
  const [scale, setScale] = useState(random?.scale ?? 2);
  const [structure, setStructure] = useState<Structure>(random?.structure ?? 'gaussian');
  const [seed, setSeed] = useState(spec.seed);
  const [drawError, setDrawError] = useState<string | null>(null);
  /** Draws the start (validated first; the view is refitted); returns the refusal, or null. */
  const draw = (patch: Partial<{ d: number; scale: number; structure: Structure; seed: number }> = {}): string | null => {
    const next = { d, scale, structure, seed, ...patch };
    const candidate: StabilitySpec = {
      ...spec,
      seed: next.seed,
      model: { ...spec.model, d: next.d },
      init: { kind: 'random', scale: next.scale, structure: next.structure },
      ui: { ...spec.ui, preset: undefined, view: undefined },
    };
    const refused = editor.check(candidate);
    if (refused) return refused;
    update(candidate, true);
    return null;
  };
  /** A field's value, kept only when the start it draws is accepted. */
  const field = (set: (v: number) => void, key: 'd' | 'scale' | 'seed') => (v: number) => {
    const refused = draw({ [key]: v });
    if (!refused) set(v);
    return refused;
  };
  return (
    <details className="rounded border border-slate-200 p-2 dark:border-slate-800" open={spec.model.d > 1} data-testid="wide-start">
      <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-400">Wider network: d hidden units, seeded start</summary>
      <div className="mt-2 grid grid-cols-2 gap-2">
        <NumberField label="hidden width d" value={d} testId="wide-d" inputMode="numeric" onCommit={field(setD, 'd')} />
        <NumberField label="scale ‖(a, b)‖" value={scale} onCommit={field(setScale, 'scale')} />
        <NumberField label="seed" value={seed} inputMode="numeric" onCommit={field(setSeed, 'seed')} />
        <SelectField
          label="structure"
          testId="wide-structure"
          value={structure}
          options={STRUCTURES}
          error={drawError}
          onChange={(s) => {
            const refused = draw({ structure: s });
            setDrawError(refused);
            if (!refused) setStructure(s);
          }}
        />
      </div>
      <Button
        testId="wide-draw"
        className="mt-2 w-full"
        onClick={() => {
          const refused = draw({ seed: seed + 1 });
          setDrawError(refused);
          if (!refused) setSeed(seed + 1);
        }}
      >
        Draw another start
      </Button>
    </details>
  );
}
