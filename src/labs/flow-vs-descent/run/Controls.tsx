import { memo } from 'react';
import { CheckField, CommitSelect } from '../../../ui/CommitFields';
import { FieldGroup } from '../../../ui/FieldGroup';
import { fmt } from '../../../ui/format';
import { NumberField } from '../../../ui/NumberField';
import { NumberListField } from '../../../ui/NumberListField';
import { pickPreset, usePresetChoice } from '../../../ui/preset-choice';
import { PresetPicker } from '../../../ui/PresetPicker';
import { optionsOf } from '../../../ui/SelectField';
import { useSpecEditor } from '../../../ui/useSpecEditor';
import { flowVsDescentCore } from '../core';
import { FD_PRESET_ROWS } from '../presets';
import { type FdObjective, type FlowVsDescentSpec, paramCount } from '../schema';
import { EtaSlider } from './EtaSlider';
import { Term } from '../../../ui/Term';

const LAB = flowVsDescentCore.id;
/** The page that shows a preset whose view is not one run. */
const PAGE_OF_VIEW: Record<Spec['view'], string> = { run: 'run', sweep: 'sweep', rescale: 'theory', bounds: 'theory', mnist: 'mnist' };
type Spec = FlowVsDescentSpec;
type Commit = (s: Spec) => string | null;

const FAMILIES = optionsOf<FdObjective['family']>({
  quadratic: 'Q1 / Q2: quadratic',
  ab: 'App. B: the AB function',
  dln: 'deep linear net',
  fc: 'fully connected net (ReLU)',
  mnist: 'MNIST, live (64 images)',
});
/** The preset a family switch opens (its representative). */
const FAMILY_PRESET: Record<FdObjective['family'], string> = { quadratic: 'FD-Q2', ab: 'FD-AB', dln: 'FD-DLN3', fc: 'FD-relu', mnist: 'FD-MN-live' };
const PROTOCOLS = optionsOf<Spec['protocol']>({
  flow: 'real flow (adaptive ODE solver)',
  paper: "paper's protocol: GD at η₀/r",
  both: 'both',
});
const SOLVERS = optionsOf<Spec['solver']['method']>({
  dopri5: 'Dormand–Prince 5(4), explicit',
  auto: 'automatic: explicit, stiff Rodas4 once stability-limited',
  rodas4: 'Rodas4, stiff (Jacobian from the Hessian)',
});
const MNIST_NETS = optionsOf<Extract<FdObjective, { family: 'mnist' }>['net']>({ fclin: 'FC-lin 784-50-50-10', fcrelu: 'FC-ReLU 784-50-50-10' });
const ACTIVATIONS = optionsOf<Extract<FdObjective, { family: 'fc' }>['activation']>({ relu: 'ReLU', leaky: 'leaky ReLU', identity: 'identity (linear)' });
const INITS = optionsOf<Extract<FdObjective, { family: 'dln' }>['init']['kind']>({
  balanced: 'balanced (Procedure 13)',
  gaussian: 'near-zero Gaussian',
  xavier: 'Xavier-uniform',
});

type NetInit = Extract<FdObjective, { family: 'dln' }>['init'];
function initOfKind(kind: NetInit['kind'], widths: number[]): NetInit {
  if (kind === 'balanced') {
    const size = widths[0] * widths[widths.length - 1];
    return { kind, A: Array.from({ length: size }, (_, i) => (i === 1 % size ? 0.1 : 0)) };
  }
  return kind === 'gaussian' ? { kind, scale: 0.025, seed: 1 } : { kind, gain: 0.3, seed: 0 };
}

/** The objective's own fields (Sec. 2.1). */
function ObjectiveFields({ spec, commit }: { spec: Spec; commit: Commit }) {
  const o = spec.objective;
  const set = (objective: FdObjective) => commit({ ...spec, objective });
  switch (o.family) {
    case 'mnist':
      return (
        <>
          <CommitSelect label="network" testId="fd-mnist-net-live" value={o.net} options={MNIST_NETS} onChange={(net) => set({ ...o, net })} />
          <div className="grid grid-cols-2 gap-2">
            <NumberField label="images" testId="fd-mnist-images" inputMode="numeric" value={o.images} onCommit={(images) => set({ ...o, images })} hint="of the bundled 64" />
            <NumberField label="seed" testId="fd-mnist-seed" inputMode="numeric" value={o.seed} onCommit={(seed) => set({ ...o, seed })} />
          </div>
        </>
      );
    case 'quadratic':
      return (
        <>
          <NumberListField label="λ (curvatures)" testId="fd-lam" values={o.lam} onCommit={(lam) => set({ ...o, lam })} hint="one per coordinate; negative = concave" />
          <NumberListField label="start q₀" testId="fd-q0" values={o.q0} onCommit={(q0) => set({ ...o, q0 })} hint="or click the landscape" />
        </>
      );
    case 'ab':
      return (
        <>
          <div className="grid grid-cols-2 gap-2">
            <NumberField label="a" testId="fd-a" value={o.a} onCommit={(a) => set({ ...o, a })} />
            <NumberField label="ρ" testId="fd-rho" value={o.rho} onCommit={(rho) => set({ ...o, rho })} />
            <NumberField label="z_c" testId="fd-zc" value={o.zc} onCommit={(zc) => set({ ...o, zc })} />
            <NumberField label="z̄ = b + 1" testId="fd-zb" value={o.zb} onCommit={(zb) => set({ ...o, zb })} />
          </div>
          <NumberListField label="start (q₁, q₂, q₃)" testId="fd-q0" values={o.q0} onCommit={(q0) => set({ ...o, q0 })} format={(v) => fmt(v, 6)} />
        </>
      );
    case 'dln':
    case 'fc':
      return (
        <>
          <NumberListField
            label="widths d₀ … dₙ"
            testId="fd-widths"
            values={o.widths}
            onCommit={(widths) => set({ ...o, widths, ...(o.init.kind === 'balanced' ? { init: initOfKind('balanced', widths) } : {}) } as FdObjective)}
            hint={`${paramCount(o)} parameters, depth ${o.widths.length - 1}`}
          />
          {o.family === 'dln' && <NumberListField label="target Λ (row-major dₙ × d₀)" testId="fd-target" values={o.lam} onCommit={(lam) => set({ ...o, lam })} />}
          {o.family === 'fc' && (
            <CommitSelect label="activation" testId="fd-activation" value={o.activation} options={ACTIVATIONS} onChange={(activation) => set({ ...o, activation })} />
          )}
          <CommitSelect label="initialisation" testId="fd-init" value={o.init.kind} options={INITS} onChange={(k) => set({ ...o, init: initOfKind(k, o.widths) } as FdObjective)} />
          {o.init.kind === 'balanced' && (
            <NumberListField
              label="end-to-end A at t = 0"
              testId="fd-init-a"
              values={o.init.A}
              onCommit={(A) => set({ ...o, init: { kind: 'balanced', A } } as FdObjective)}
              hint="Wₙ⋯W₁(0) = A, layers balanced"
            />
          )}
          {o.init.kind !== 'balanced' && (
            <div className="grid grid-cols-2 gap-2">
              {o.init.kind === 'gaussian' ? (
                <NumberField label="scale s" testId="fd-init-scale" value={o.init.scale} onCommit={(scale) => set({ ...o, init: { ...o.init, scale } } as FdObjective)} />
              ) : (
                <NumberField label="gain" testId="fd-init-gain" value={o.init.gain} onCommit={(gain) => set({ ...o, init: { ...o.init, gain } } as FdObjective)} />
              )}
              <NumberField
                label="seed"
                testId="fd-init-seed"
                inputMode="numeric"
                value={o.init.seed}
                onCommit={(seed) => set({ ...o, init: { ...o.init, seed } } as FdObjective)}
              />
            </div>
          )}
        </>
      );
  }
}

/** The Run page's controls: preset, objective and start, GD step sizes, horizon, protocol and solver. */
export const RunControls = memo(function RunControls() {
  const { spec, commit, set } = useSpecEditor(LAB);
  const presetId = usePresetChoice(LAB);
  const presetFamily = (id: string) => FD_PRESET_ROWS.find((r) => r.id === id)?.spec.objective.family;
  return (
    <div className="flex flex-col gap-3" data-testid="fd-controls">
      <PresetPicker
        lab={LAB}
        selected={presetId}
        onPick={(id) => {
          const view = FD_PRESET_ROWS.find((r) => r.id === id)?.spec.view;
          if (pickPreset(LAB, id) === null && view && view !== 'run') window.location.hash = `lab=${LAB}&page=${PAGE_OF_VIEW[view]}`;
        }}
        showIds
        groups={[
          { label: 'Deep linear nets', match: (p) => presetFamily(p.id) === 'dln' },
          { label: 'ReLU net', match: (p) => presetFamily(p.id) === 'fc' },
          { label: 'Quadratics and App. B', match: (p) => presetFamily(p.id) === 'quadratic' || presetFamily(p.id) === 'ab' },
        ]}
      />
      <FieldGroup title="Objective">
        <CommitSelect label="family" testId="fd-family" value={spec.objective.family} options={FAMILIES} onChange={(f) => pickPreset(LAB, FAMILY_PRESET[f])} />
        <ObjectiveFields spec={spec} commit={commit} />
        <NumberField label="weight decay μ" testId="fd-wd" value={spec.weightDecay} onCommit={set('weightDecay')} hint="adds μ/2 ‖θ‖²: every eigenvalue moves by +μ" />
      </FieldGroup>
      <FieldGroup title="Gradient descent">
        <EtaSlider spec={spec} commit={commit} />
        <NumberListField label="step sizes η (one GD run each)" testId="fd-etas" values={spec.etas} onCommit={set('etas')} hint="iterate k is compared with the flow at t = kη" />
        <CommitSelect label="protocol" testId="fd-protocol" value={spec.protocol} options={PROTOCOLS} onChange={set('protocol')} />
        {spec.protocol !== 'flow' && (
          <NumberListField label="r values (runs at η₀/r)" testId="fd-rs" values={spec.rs} onCommit={set('rs')} hint={`η₀ = ${fmt(spec.etas[0])}, the first step size`} />
        )}
      </FieldGroup>
      <FieldGroup title="Flow and horizon">
        <div className="grid grid-cols-2 gap-2">
          <NumberField label="horizon T" testId="fd-horizon" value={spec.horizon} onCommit={set('horizon')} />
          <NumberField label="stamps" testId="fd-stamps" inputMode="numeric" value={spec.stamps} onCommit={set('stamps')} hint="rows over [0, T]" />
          <NumberField label="solver rtol" testId="fd-rtol" value={spec.solver.rtol} onCommit={(rtol) => commit({ ...spec, solver: { ...spec.solver, rtol } })} />
          <NumberField label="solver atol" testId="fd-atol" value={spec.solver.atol} onCommit={(atol) => commit({ ...spec, solver: { ...spec.solver, atol } })} />
        </div>
        <CommitSelect
          label="flow solver"
          testId="fd-solver"
          value={spec.solver.method}
          options={SOLVERS}
          onChange={(method) => commit({ ...spec, solver: { ...spec.solver, method } })}
          hint={
            <>
              <Term term="RODAS4" /> for sharp minima and long horizons (App. B with large a), <Term term="DOPRI5" /> otherwise
            </>
          }
        />
        <CheckField label="Euler error ODE E(t)" testId="fd-error-ode" checked={spec.errorOde} onChange={set('errorOde')} hint="one Hessian-vector product per solver stage" />
        <CheckField
          label="Hessian spectra (λmin, λmax) at every stamp"
          testId="fd-spectrum"
          checked={spec.spectrum}
          onChange={set('spectrum')}
          hint="n Hessian-vector products and an eigensolve per stamp"
        />
      </FieldGroup>
    </div>
  );
});
