import { useState } from 'react';
import { STABILITY_PRESET_ROWS, dataFit, lossBelowOf, sweepPresetRow, tolOf, type StabilitySpec } from './schema';
import { DataMode } from './DataMode';
import { NumberField } from '../../ui/NumberField';
import { fmt } from './format';
import { type Comparison } from './compare';

interface Props {
  spec: StabilitySpec;
  c: Comparison;
  update: (next: StabilitySpec, refit?: boolean) => boolean;
  loadPreset: (id: string) => void;
  shareUrl: () => string;
}

const btn = 'rounded px-3 py-1.5 text-sm font-medium border border-slate-300 dark:border-slate-700 hover:bg-slate-100 dark:hover:bg-slate-800';

/** Preset, step size (log slider with its landmarks), start, Phi, tolerances, toggles and Share. */
export function Controls({ spec, c, update, loadPreset, shareUrl }: Props) {
  const [link, setLink] = useState<string | null>(null);
  const phi = spec.model.phi;
  // The slider is the user's step eta; c.eta is the step on the reduced loss (eta_eff = s eta in data mode).
  const sData = spec.model.data ? dataFit(spec.model.data).s : 1;
  const eta = c.eta / sData;
  const E = spec.model.data ? 'η_eff' : 'η';
  const lo = -3;
  const hi = Math.log10(2.2 / (phi * sData));
  const setEta = (v: number) => update({ ...spec, optim: { kind: 'gd', lr: v }, ui: { ...spec.ui, preset: undefined } });
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
  const err = (ok: boolean, msg: string) => (ok ? null : msg);

  return (
    <div className="flex flex-col gap-3" data-testid="stability-controls">
      <div className="flex flex-col gap-0.5">
        <label htmlFor="st-preset" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Preset (a claim of the paper, or a case from the lab spec)
        </label>
        <select id="st-preset" data-testid="stability-preset" value={presetId} onChange={(e) => loadPreset(e.target.value)} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900">
          <option value="">(custom)</option>
          <optgroup label="Single runs">
            {STABILITY_PRESET_ROWS.filter((r) => !r.sweep).map((r) => (
              <option key={r.id} value={r.id}>
                {r.id}: {r.title}
              </option>
            ))}
          </optgroup>
          <optgroup label="Sweeps (run in the Sweeps panel below)">
            {STABILITY_PRESET_ROWS.filter((r) => r.sweep).map((r) => (
              <option key={r.id} value={r.id}>
                {r.id}: {r.title}
              </option>
            ))}
          </optgroup>
        </select>
        {presetId && <p className="text-xs text-slate-500">{STABILITY_PRESET_ROWS.find((r) => r.id === presetId)?.description}</p>}
        {sweepPresetRow(presetId) && (
          <button type="button" className="self-start text-xs text-sky-700 underline dark:text-sky-400" data-testid="goto-sweep" onClick={() => document.querySelector('[data-testid=stability-sweeps]')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
            Show the sweep ↓
          </button>
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
          onChange={(e) => setEta(Number((10 ** Number(e.target.value)).toPrecision(4)))}
          aria-valuetext={`eta ${fmt(eta)}`}
        />
        <div className="relative h-10 text-[10px] text-slate-500" aria-hidden="true">
          {marks.map((m, i) => (
            <span key={m.label} className="absolute flex -translate-x-1/2 flex-col items-center whitespace-nowrap" style={{ left: `${pct(m.v)}%`, top: (i % 3) * 11 }} title={`${m.title}: η = ${fmt(m.v)}`}>
              <span className="h-1.5 w-px bg-slate-500" />
              {m.label}
            </span>
          ))}
        </div>
        <p className="num text-[11px] text-slate-500">
          {E}λ₀ = {fmt(c.eta * lam0)} · {E}|ε₀| = {fmt(c.eta * Math.abs(eps0))} · {E}R = {fmt(c.eta * c.flow.R)} · {E}Φ = {fmt(c.eta * phi)}
        </p>
        <NumberField label="η exactly" value={eta} onCommit={(v) => err(v > 0 && v <= 100 && setEta(v), 'η must be in (0, 100]')} testId="eta-input" />
      </div>

      {explicitA ? (
        <div className="grid grid-cols-2 gap-2">
          <NumberField
            label="a₀"
            value={c.a0}
            testId="a0-input"
            onCommit={(v) => err(Number.isFinite(v) && update({ ...spec, init: { kind: 'explicit', a: [v], b: [c.b0] }, ui: { ...spec.ui, preset: undefined } }), 'a₀ must be a number')}
          />
          <NumberField
            label="b₀"
            value={c.b0}
            testId="b0-input"
            onCommit={(v) => err(Number.isFinite(v) && update({ ...spec, init: { kind: 'explicit', a: [c.a0], b: [v] }, ui: { ...spec.ui, preset: undefined } }), 'b₀ must be a number')}
          />
        </div>
      ) : (
        <p className="text-xs text-slate-500">
          d = {spec.model.d}: the run is shown through its exact reduction to d = 1, start (a, b) = ({fmt(c.a0)}, {fmt(c.b0)}). Click the landscape to switch to a d = 1 start.
        </p>
      )}
      <WideStart spec={spec} update={update} />
      <DataMode spec={spec} update={update} />
      <div className="grid grid-cols-3 gap-2">
        <NumberField
          label="Φ"
          value={phi}
          onCommit={(v) => (spec.model.data ? (v === phi ? null : 'Φ comes from the data in data mode') : err(v > 0 && v <= 1000 && update({ ...spec, model: { ...spec.model, phi: v } }), 'Φ must be in (0, 1000]'))}
        />
        <NumberField label="tol on |ε|" value={tolOf(spec)} onCommit={(v) => err(v > 0 && v < 1 && update({ ...spec, stop: { ...spec.stop, lossBelow: lossBelowOf(v) } }), 'tol must be in (0, 1)')} />
        <NumberField label="T max" value={spec.stop.maxSteps} onCommit={(v) => err(Number.isInteger(v) && v >= 1 && v <= 1e6 && update({ ...spec, stop: { ...spec.stop, maxSteps: v } }), 'T max must be an integer in [1, 1e6]')} />
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
            <input type="checkbox" checked={spec.ui[k]} onChange={(e) => update({ ...spec, ui: { ...spec.ui, [k]: e.target.checked } })} />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1">
        <button
          type="button"
          className={btn}
          data-testid="share"
          onClick={() => {
            const url = shareUrl();
            setLink(url);
            void navigator.clipboard?.writeText(url).catch(() => undefined);
          }}
        >
          Share link
        </button>
        {link && <input readOnly value={link} data-testid="share-link" className="rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-700" onFocus={(e) => e.target.select()} />}
      </div>
    </div>
  );
}

type Structure = 'gaussian' | 'orthogonal' | 'balanced' | 'anti';

/**
 * A seeded start with hidden width d > 1 and a chosen structure. GD and GF on a^T b depend on the start only
 * through ||a + b|| and ||a - b||, so the page shows the run through its exact reduction to the (a, b) plane.
 */
function WideStart({ spec, update }: { spec: StabilitySpec; update: Props['update'] }) {
  const random = spec.init.kind === 'random' ? spec.init : null;
  const [d, setD] = useState(Math.max(2, spec.model.d));
  const [scale, setScale] = useState(random?.scale ?? 2);
  const [structure, setStructure] = useState<Structure>(random?.structure ?? 'gaussian');
  const [seed, setSeed] = useState(spec.seed);
  const draw = (patch: Partial<{ d: number; scale: number; structure: Structure; seed: number }> = {}) => {
    const next = { d, scale, structure, seed, ...patch };
    return update({ ...spec, seed: next.seed, model: { ...spec.model, d: next.d }, init: { kind: 'random', scale: next.scale, structure: next.structure }, ui: { ...spec.ui, preset: undefined, view: undefined } }, true);
  };
  const err = (ok: boolean, msg: string) => (ok ? null : msg);
  return (
    <details className="rounded border border-slate-200 p-2 dark:border-slate-800" open={spec.model.d > 1} data-testid="wide-start">
      <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-400">Wider network: d hidden units, seeded start</summary>
      <div className="mt-2 grid grid-cols-2 gap-2">
        <NumberField label="hidden width d" value={d} testId="wide-d" onCommit={(v) => err(Number.isInteger(v) && v >= 1 && v <= 64 && (setD(v), draw({ d: v })), 'd must be an integer in [1, 64]')} />
        <NumberField label="scale ‖(a, b)‖" value={scale} onCommit={(v) => err(v > 0 && v <= 100 && (setScale(v), draw({ scale: v })), 'scale must be in (0, 100]')} />
        <NumberField label="seed" value={seed} onCommit={(v) => err(Number.isInteger(v) && v >= 0 && (setSeed(v), draw({ seed: v })), 'seed must be a non-negative integer')} />
        <div className="flex flex-col gap-0.5">
          <label htmlFor="st-structure" className="text-xs font-medium text-slate-600 dark:text-slate-400">
            structure
          </label>
          <select
            id="st-structure"
            data-testid="wide-structure"
            value={structure}
            onChange={(e) => {
              const s = e.target.value as Structure;
              setStructure(s);
              draw({ structure: s });
            }}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="gaussian">Gaussian a, b</option>
            <option value="orthogonal">a ⟂ b</option>
            <option value="balanced">balanced: b ≈ a</option>
            <option value="anti">anti: b ≈ −a</option>
          </select>
        </div>
      </div>
      <button type="button" data-testid="wide-draw" className={`${btn} mt-2 w-full`} onClick={() => draw({ seed: seed + 1 }) && setSeed(seed + 1)}>
        Draw another start
      </button>
    </details>
  );
}
