import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { gruParamCount } from '../../../engine/gru/gru';
import { paramCount } from '../../../engine/linear-rnn/metrics';
import { FieldGroup } from '../../../ui/FieldGroup';
import { FieldFrame, invalidAria } from '../../../ui/FieldMessage';
import { inputClass } from '../../../ui/field-styles';
import { LogSlider } from '../../../ui/LogSlider';
import { fmt } from '../../../ui/format';
import { NumberField } from '../../../ui/NumberField';
import { pickPreset } from '../../../ui/preset-choice';
import { PresetPicker } from '../../../ui/PresetPicker';
import { sameValue } from '../../../ui/same-value';
import { optionsOf } from '../../../ui/SelectField';
import { useSpecEditor } from '../../../ui/useSpecEditor';
import { CheckField, CommitSelect } from '../../../ui/CommitFields';
import { extrapolationCore } from '../core';
import { EXTRAPOLATION_PRESET_ROWS } from '../presets';
import { EXTRAP_STOP_DEFAULT, type ExtrapolationSpec, type ExtrapOptim, isMatrixStudent, type StudentSpec, type TeacherSpec } from '../schema';
import { AtomEditor } from './AtomEditor';
import { TeacherPreview } from './TeacherPreview';
import { TermsLine } from '../../../ui/TermsLine';

const LAB = extrapolationCore.id;
type Spec = ExtrapolationSpec;

const TEACHERS = optionsOf<TeacherSpec['kind']>({
  bal: 'bal: balanced, eigenvalues 0.6 … 1.05',
  delay: 'delay line (shift register)',
  bidiag: 'random bidiagonal',
  atoms: 'atoms (λ_i, p_i) you place',
  twin: 'twin T1 / T2 (App. A)',
  gru: 'GRU (Sec. 5.3; a GRU student)',
});

const PARAMS = optionsOf<StudentSpec['param']>({
  'diag-tied': 'diagonal, tied (c = b): balanced',
  diag: 'diagonal (a, b, c)',
  sym: 'symmetric A',
  full: 'full A',
  gru: 'GRU (with a GRU teacher)',
});

const LOSSES = optionsOf<Spec['training']['loss']>({
  population: 'population Σ (h_j − w_j)²',
  accumulating: 'accumulating Σ (k − j)(h_j − w_j)²',
  empirical: 'empirical (N sequences)',
  'empirical-acc': 'empirical, accumulating',
});

const OPTIMS = optionsOf<ExtrapOptim['kind']>({ adam: 'Adam (PyTorch form)', gd: 'GD', flow: 'gradient flow (ODE)' });
const SPACINGS = optionsOf<Extract<TeacherSpec, { kind: 'bal' }>['spacing']>({ linspace: 'evenly spaced', uniform: 'iid U(0.6, 1.05)' });
const TWINS = optionsOf<Extract<TeacherSpec, { kind: 'twin' }>['which']>({ T1: 'T1: atoms ±1/√2, masses 1/2', T2: 'T2: atoms −0.5, 1, masses 2/3, 1/3' });
const CONVENTIONS = optionsOf<StudentSpec['convention']>({ entrywise: 'entrywise N(0, σ²)', 'eps-normal': 'ε-normal N(0, σ²/n) (Prop. 9)' });
const SOLVERS = optionsOf<Extract<ExtrapOptim, { kind: 'flow' }>['method']>({ auto: 'automatic', rodas4: 'stiff RODAS4', dopri5: 'explicit DOPRI5' });

/** The default teacher of each kind, and the horizon H the lab uses with it (Sec. 2.5). */
function defaultTeacher(kind: TeacherSpec['kind']): { teacher: TeacherSpec; H: number } {
  switch (kind) {
    case 'bal':
      return { teacher: { kind: 'bal', dHat: 5, spacing: 'linspace' }, H: 50 };
    case 'delay':
      return { teacher: { kind: 'delay', dHat: 10 }, H: 100 };
    case 'bidiag':
      return { teacher: { kind: 'bidiag', dHat: 5 }, H: 100 };
    case 'atoms':
      return { teacher: { kind: 'atoms', lambda: [-0.6, 0.3, 0.85], p: [1 / 3, 1 / 3, 1 / 3] }, H: 50 };
    case 'twin':
      return { teacher: { kind: 'twin', which: 'T1' }, H: 50 };
    case 'gru':
      return { teacher: { kind: 'gru', hidden: 4, fitSteps: 1000, fitLr: 1e-2 }, H: 100 };
  }
}

/**
 * The experiment with the default teacher of another kind, its horizon H kept beyond k. To or from the GRU the student
 * and the loss change with it (E-2 scaled's GRU of 32 units on fresh batches of 100; back: a diag-tied d = 40 on the
 * population loss), since each teaches only its own kind.
 */
function withTeacherKind(spec: Spec, kind: TeacherSpec['kind']): Spec {
  const d = defaultTeacher(kind);
  const next: Spec = { ...spec, teacher: d.teacher, eval: { ...spec.eval, H: Math.max(d.H, spec.training.k + 1) } };
  if (kind === 'gru' && spec.student.param !== 'gru') {
    return {
      ...next,
      student: { ...spec.student, param: 'gru', d: 32, sigma: 1e-3 },
      training: { k: Math.min(spec.training.k, 16), loss: 'empirical', empirical: { N: 100, fresh: true } },
    };
  }
  if (kind !== 'gru' && spec.student.param === 'gru') {
    return { ...next, student: { ...spec.student, param: 'diag-tied', d: 40, sigma: 1e-3 }, training: { k: spec.training.k, loss: 'population' } };
  }
  return next;
}

/** Sec. 4.2's step budget of an empirical run. */
const EMPIRICAL_MAX_STEPS = 50_000;

/** The experiment with another loss: an empirical one keeps (or starts) its sequence settings, the others drop them. */
function withLoss(spec: Spec, loss: Spec['training']['loss']): Spec {
  const tr = spec.training;
  const empirical = loss === 'empirical' || loss === 'empirical-acc';
  const { empirical: _old, ...rest } = tr;
  // Sec. 4.2: an empirical run's default budget is 50000 steps (it stops early once its population loss is < 1e-8)
  const wasEmpirical = tr.loss === 'empirical' || tr.loss === 'empirical-acc';
  const maxSteps =
    empirical && !wasEmpirical && spec.stop.maxSteps === EXTRAP_STOP_DEFAULT.maxSteps
      ? EMPIRICAL_MAX_STEPS
      : !empirical && wasEmpirical && spec.stop.maxSteps === EMPIRICAL_MAX_STEPS
        ? EXTRAP_STOP_DEFAULT.maxSteps
        : spec.stop.maxSteps;
  return { ...spec, stop: { ...spec.stop, maxSteps }, training: empirical ? { ...rest, loss, empirical: tr.empirical ?? { N: 100, fresh: true } } : { ...rest, loss } };
}

/** The experiment with another optimiser: the learning rate kept, flow with DOPRI5 for a matrix student. */
function withOptim(spec: Spec, kind: ExtrapOptim['kind']): Spec {
  const o = spec.optim;
  const lr = o.kind === 'flow' ? 1e-3 : o.lr;
  if (kind === o.kind) return spec;
  if (kind === 'gd') return { ...spec, optim: { kind: 'gd', lr } };
  if (kind === 'adam') return { ...spec, optim: { kind: 'adam', lr, beta1: 0.9, beta2: 0.999, eps: 1e-8, epsPlacement: 'torch' } };
  return { ...spec, optim: { kind: 'flow', method: isMatrixStudent(spec.student.param) ? 'dopri5' : 'auto', rtol: 1e-10, atol: 1e-14 } };
}

/** Adam's MultiStepLR milestones as a list of steps ("5000, 10000"); empty for none. Keeps the text on a refusal. */
function MilestonesField({ value, onCommit }: { value: number[] | undefined; onCommit: (m: number[] | undefined) => string | null }) {
  const id = useId();
  const shown = value?.join(', ') ?? '';
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(shown);
    setError(null);
  }, [shown]);
  const commit = () => {
    const parts = text.split(/[\s,;]+/).filter(Boolean);
    setError(onCommit(parts.length ? parts.map(Number) : undefined));
  };
  return (
    <FieldFrame controlId={id} label="lr drops at steps" hint="MultiStepLR milestones, e.g. 5000, 10000" error={error} className="col-span-2">
      <input
        id={id}
        data-testid="field-milestones"
        type="text"
        value={text}
        {...invalidAria(id, error)}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        className={`${inputClass} num min-w-0 ${error ? 'border-red-500' : ''}`}
      />
    </FieldFrame>
  );
}

/** Presets (their titles name the paper figure), grouped as the paper orders them. */
const GROUPS = [
  { label: 'Figures of the paper', match: (p: { id: string }) => /^Fig/.test(EXTRAPOLATION_PRESET_ROWS.find((r) => r.id === p.id)?.figure ?? '') },
  { label: 'Propositions', match: (p: { id: string }) => /^Prop/.test(EXTRAPOLATION_PRESET_ROWS.find((r) => r.id === p.id)?.figure ?? '') },
  { label: 'Lab extras', match: () => true },
];

/**
 * The preset picker, which keeps its height when the first edit turns the experiment custom (its description goes):
 * the controls below it (a dragged atom) must not jump. Says which preset the experiment was edited from.
 */
function PresetBlock({ preset, children }: { preset: string | undefined; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [last, setLast] = useState<{ id: string; height: number } | null>(null);
  // The height the block has while a preset is picked, as ResizeObserver reports it (after the page's own layout):
  // reading offsetHeight here forced a layout of the whole page in React's commit, 90-150 ms on opening a link.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!preset || !el) return;
    const keep = (height: number) => setLast((l) => (l?.id === preset && l.height === height ? l : { id: preset, height }));
    if (typeof ResizeObserver === 'undefined') return keep(el.offsetHeight);
    const ro = new ResizeObserver(([entry]) => keep(entry.borderBoxSize?.[0]?.blockSize ?? el.offsetHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, [preset]);
  const from = !preset && last ? EXTRAPOLATION_PRESET_ROWS.find((r) => r.id === last.id) : undefined;
  return (
    <div ref={ref} style={!preset && last ? { minHeight: last.height } : undefined} data-testid="preset-block">
      {children}
      {from && (
        <p className="mt-1 text-xs text-slate-500" data-testid="preset-edited-from">
          <span className="font-medium text-slate-700 dark:text-slate-300">Edited from {from.id}</span> ({from.figure}; pick it again to start over): {from.description}
        </p>
      )}
    </div>
  );
}

/** The whole experiment of the Run page: preset, teacher (with the atom editor), student, training, optimiser, seed, evaluation. */
export function RunControls() {
  const editor = useSpecEditor(LAB);
  const spec = editor.spec;
  const [presetError, setPresetError] = useState<string | null>(null);
  // this lab's spec carries its preset (ui.preset): an edit drops it (the experiment is no longer the preset's), an
  // edit that changes nothing (a blur) keeps it
  const commit = (candidate: Spec): string | null => (sameValue(candidate, spec, ['ui']) ? null : editor.commit(withoutPreset(candidate)));
  const t = spec.teacher;
  const s = spec.student;
  const o = spec.optim;
  const tr = spec.training;
  const setTeacher = (teacher: TeacherSpec) => commit({ ...spec, teacher });
  const setStudent = (patch: Partial<StudentSpec>) => {
    const student = { ...s, ...patch };
    // gradient flow on a matrix student needs DOPRI5 (no closed-form Hessian): switch it along
    const optim = o.kind === 'flow' && isMatrixStudent(student.param) && o.method !== 'dopri5' ? { ...o, method: 'dopri5' as const } : o;
    return commit({ ...spec, student, optim });
  };
  const setTraining = (patch: Partial<Spec['training']>) => commit({ ...spec, training: { ...tr, ...patch } });
  const setEval = (patch: Partial<Spec['eval']>) => commit({ ...spec, eval: { ...spec.eval, ...patch } });
  const setStop = (patch: Partial<Spec['stop']>) => commit({ ...spec, stop: { ...spec.stop, ...patch } });

  return (
    <div className="flex flex-col gap-3" data-testid="extrap-controls">
      <PresetBlock preset={spec.ui?.preset}>
        <PresetPicker
          lab={LAB}
          selected={spec.ui?.preset}
          onPick={(id) => setPresetError(pickPreset(LAB, id))}
          error={presetError}
          groups={GROUPS}
          showIds
          customLabel="Custom (edited)"
        />
      </PresetBlock>
      <p className="num text-xs text-slate-600 dark:text-slate-400" data-testid="spec-summary">
        {summary(spec)}
      </p>

      <FieldGroup title="Teacher" testId="group-teacher">
        <CommitSelect label="Teacher" testId="teacher-kind" value={t.kind} options={TEACHERS} onChange={(kind) => commit(withTeacherKind(spec, kind))} />
        {(t.kind === 'bal' || t.kind === 'delay' || t.kind === 'bidiag') && (
          <div className="grid grid-cols-2 gap-2">
            <NumberField label="d̂ (teacher dimension)" testId="field-dhat" inputMode="numeric" value={t.dHat} onCommit={(dHat) => setTeacher({ ...t, dHat })} />
            {t.kind === 'bal' && (
              <CommitSelect label="eigenvalues" testId="teacher-spacing" value={t.spacing} options={SPACINGS} onChange={(spacing) => setTeacher({ ...t, spacing })} />
            )}
          </div>
        )}
        {t.kind === 'twin' && <CommitSelect label="which twin" testId="teacher-twin" value={t.which} options={TWINS} onChange={(which) => setTeacher({ kind: 'twin', which })} />}
        {t.kind === 'atoms' && <AtomEditor atoms={{ lambda: t.lambda, p: t.p }} commit={(a) => setTeacher({ kind: 'atoms', lambda: a.lambda, p: a.p })} />}
        {t.kind === 'gru' ? (
          <div className="grid grid-cols-2 gap-2">
            <NumberField label="teacher hidden units" testId="field-gru-hidden" inputMode="numeric" value={t.hidden} onCommit={(hidden) => setTeacher({ ...t, hidden })} />
            <NumberField label="teacher fit steps" testId="field-gru-fit" inputMode="numeric" value={t.fitSteps} onCommit={(fitSteps) => setTeacher({ ...t, fitSteps })} />
            <p className="col-span-2 text-xs text-slate-600 dark:text-slate-400">
              Fitted by Adam (lr {fmt(t.fitLr)}) to the target r_j = e^(−j/20) sin(2πj/12) for the input (1, 0, 0, …). A GRU has no impulse response: the plots show its mean
              response over random inputs.
            </p>
          </div>
        ) : (
          <TeacherPreview spec={spec} />
        )}
      </FieldGroup>

      <FieldGroup title="Student" testId="group-student">
        <CommitSelect label="parameterisation" testId="student-param" value={s.param} options={PARAMS} onChange={(param) => setStudent({ param })} />
        <div className="grid grid-cols-2 gap-2">
          <NumberField label="d (state dimension)" testId="field-d" inputMode="numeric" value={s.d} onCommit={(d) => setStudent({ d })} />
          <NumberField label="init scale σ" testId="field-sigma" value={s.sigma} onCommit={(sigma) => setStudent({ sigma })} />
        </div>
        <LogSlider
          id="ex-sigma"
          testId="sigma-slider"
          label={`σ on a log scale: ${fmt(s.sigma, { digits: 3, exp: true })}`}
          value={s.sigma}
          min={-6}
          max={0}
          step={0.1}
          digits={2}
          valueText={`sigma = ${fmt(s.sigma, 3)}`}
          onChange={(sigma) => setStudent({ sigma })}
        >
          <div className="flex justify-between text-[10px] text-slate-500" aria-hidden="true">
            <span>10⁻⁶</span>
            <span>10⁻³</span>
            <span>1</span>
          </div>
        </LogSlider>
        <CheckField
          label="balanced start (C = Bᵀ)"
          testId="student-balanced"
          checked={s.param === 'diag-tied' || s.balanced}
          disabled={s.param === 'diag-tied'}
          hint={s.param === 'diag-tied' ? 'diag-tied is balanced by construction (c = b)' : undefined}
          onChange={(balanced) => setStudent({ balanced })}
        />
        <CommitSelect label="init convention" testId="student-convention" value={s.convention} options={CONVENTIONS} onChange={(convention) => setStudent({ convention })} />
      </FieldGroup>

      <FieldGroup title="Training" testId="group-training">
        <div className="grid grid-cols-2 gap-2">
          <NumberField label="k (sequence length)" testId="field-k" inputMode="numeric" value={tr.k} onCommit={(k) => setTraining({ k })} />
          <NumberField
            label="seed s"
            testId="field-seed"
            inputMode="numeric"
            value={spec.seed}
            onCommit={(seed) => commit({ ...spec, seed })}
            hint="teacher MT(s), student MT(1000+s)"
          />
        </div>
        <CommitSelect label="loss" testId="training-loss" value={tr.loss} options={LOSSES} onChange={(loss) => commit(withLoss(spec, loss))} />
        {tr.empirical && (
          <div className="grid grid-cols-2 items-end gap-2">
            <NumberField label="N sequences" testId="field-n" inputMode="numeric" value={tr.empirical.N} onCommit={(N) => setTraining({ empirical: { ...tr.empirical!, N } })} />
            <CheckField
              label="fresh batch every step"
              testId="training-fresh"
              checked={tr.empirical.fresh}
              onChange={(fresh) => setTraining({ empirical: { ...tr.empirical!, fresh } })}
              hint={tr.empirical.fresh ? undefined : 'one fixed dataset'}
            />
          </div>
        )}
      </FieldGroup>

      <FieldGroup title="Optimiser" testId="group-optim">
        <CommitSelect label="optimiser" testId="optim-kind" value={o.kind} options={OPTIMS} onChange={(kind) => commit(withOptim(spec, kind))} />
        <div className="grid grid-cols-2 gap-2">
          {o.kind !== 'flow' && <NumberField label="learning rate" testId="field-lr" value={o.lr} onCommit={(lr) => commit({ ...spec, optim: { ...o, lr } })} />}
          {o.kind === 'flow' && (
            <>
              <CommitSelect label="solver" testId="flow-method" value={o.method} options={SOLVERS} onChange={(method) => commit({ ...spec, optim: { ...o, method } })} />
              <TermsLine terms={['DOPRI5', 'RODAS4']} />
            </>
          )}
          <NumberField
            label={o.kind === 'flow' ? 'solver steps at most' : 'steps'}
            testId="field-steps"
            inputMode="numeric"
            value={spec.stop.maxSteps}
            onCommit={(maxSteps) => setStop({ maxSteps })}
          />
          <NumberField
            label="stop below loss"
            testId="field-loss-below"
            value={spec.stop.lossBelow}
            onCommit={(lossBelow) => setStop({ lossBelow })}
            hint={spec.stop.lossBelow === 0 ? 'runs all its steps' : undefined}
          />
          {o.kind === 'adam' && o.milestones && (
            <NumberField label="lr factor γ" testId="field-gamma" value={o.gamma ?? 0.1} onCommit={(gamma) => commit({ ...spec, optim: { ...o, gamma } })} />
          )}
          {o.kind === 'adam' && (
            <MilestonesField
              value={o.milestones}
              onCommit={(milestones) => {
                const { milestones: _m, gamma: _g, ...rest } = o;
                return commit({ ...spec, optim: milestones ? { ...rest, milestones, gamma: o.gamma ?? 0.1 } : rest });
              }}
            />
          )}
        </div>
      </FieldGroup>

      <FieldGroup title="Evaluation" testId="group-eval">
        <div className="grid grid-cols-2 gap-2">
          <NumberField label="horizon H" testId="field-h" inputMode="numeric" value={spec.eval.H} onCommit={(H) => setEval({ H })} hint="E looks at k ≤ j < H" />
          <NumberField label="Hankel size n" testId="field-hankel-n" inputMode="numeric" value={spec.eval.hankelN} onCommit={(hankelN) => setEval({ hankelN })} />
          <NumberField label="rank threshold τ" testId="field-tau" value={spec.eval.tau} onCommit={(tau) => setEval({ tau })} />
          <NumberField
            label="record every (steps)"
            testId="field-record"
            inputMode="numeric"
            value={spec.record.every}
            onCommit={(every) => commit({ ...spec, record: { ...spec.record, every } })}
            hint={recordHint(spec)}
          />
        </div>
      </FieldGroup>
    </div>
  );
}

/**
 * Every record keeps all parameters in this tab (the entry trajectories): a full A of d = 64 recorded every step
 * would take gigabytes. Says so when the run's records would take more than 100 MB (the run thins past 20000 records).
 */
function recordHint(spec: Spec): string | undefined {
  const records = spec.optim.kind === 'flow' ? 0 : Math.min(20_000, Math.ceil(spec.stop.maxSteps / spec.record.every));
  const param = spec.student.param;
  const mb = (records * 16 * (param === 'gru' ? gruParamCount(spec.student.d) : paramCount(param, spec.student.d))) / 1e6;
  return mb > 100 ? `about ${Math.round(mb)} MB of records in this tab: record less often` : undefined;
}

/** The experiment without its preset's id (kept: its sweep and overlay, which the other pages use). */
export function withoutPreset(spec: Spec): Spec {
  const { ui, ...rest } = spec;
  if (!ui) return spec;
  const { preset: _preset, ...other } = ui;
  return Object.keys(other).length ? { ...rest, ui: other } : rest;
}

/** The experiment in one line (what a refused edit leaves unchanged). */
function summary(spec: Spec): string {
  const t = spec.teacher;
  const teacher =
    t.kind === 'atoms'
      ? `atoms λ = (${t.lambda.map((l) => fmt(l, 3)).join(', ')})`
      : t.kind === 'twin'
        ? `twin ${t.which}`
        : t.kind === 'gru'
          ? `GRU teacher (${t.hidden} hidden)`
          : `${t.kind}(d̂ = ${t.dHat})`;
  const o = spec.optim;
  const optim = o.kind === 'flow' ? `gradient flow (${o.method})` : `${o.kind === 'adam' ? 'Adam' : 'GD'} lr ${fmt(o.lr)}`;
  return `${teacher}; ${spec.student.param} student, d = ${spec.student.d}, σ = ${fmt(spec.student.sigma)}; k = ${spec.training.k}; ${optim}, ${spec.stop.maxSteps} steps; seed ${spec.seed}.`;
}
