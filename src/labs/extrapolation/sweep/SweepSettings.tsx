import { useMemo } from 'react';
import { sharedPool } from '../../../state/worker-pool';
import { Button } from '../../../ui/Button';
import { hintClass } from '../../../ui/field-styles';
import { fmt } from '../../../ui/format';
import { NumberListField } from '../../../ui/NumberListField';
import { pickPreset } from '../../../ui/preset-choice';
import { PresetPicker } from '../../../ui/PresetPicker';
import { SelectField } from '../../../ui/SelectField';
import { useSpecEditor } from '../../../ui/useSpecEditor';
import { extrapolationCore } from '../core';
import { sweepPresetIds } from '../presets';
import { EXTRAP_LIMITS, type ExtrapolationSpec, type SweepDef, sweepRunCount, teacherDim } from '../schema';
import { sweepPoints, teacherLabel } from '../sweeps';
import { estimateManyMs, formatDuration } from './cost';
import { defaultSweep, effectiveSweep, teachersLabel, withSweep } from './sweep-model';
import { useSweepRun } from './sweep-store';

const LAB = extrapolationCore.id;
const SWEEP_PRESETS = new Set(sweepPresetIds());
const isSweepPreset = (p: { id: string }) => SWEEP_PRESETS.has(p.id);

/** At most this many lines of a refusal under a field (a list of 150 k's each above H would say so 150 times). */
const MAX_LINES = 4;
function shorten(message: string | null): string | null {
  if (!message) return message;
  const lines = message.split('\n');
  return lines.length <= MAX_LINES ? message : `${lines.slice(0, MAX_LINES).join('\n')}\n… and ${lines.length - MAX_LINES} more`;
}

/** The experiment in a line: teacher, student, optimiser, steps, loss, horizon. */
export function describeBase(spec: ExtrapolationSpec): string {
  const { student: st, optim, training, stop, eval: ev } = spec;
  const opt =
    optim.kind === 'flow'
      ? `gradient flow (${optim.method})`
      : `${optim.kind === 'adam' ? 'Adam' : 'GD'} lr ${fmt(optim.lr)}${optim.kind === 'adam' && optim.milestones ? ' with MultiStepLR' : ''}`;
  return `${teacherLabel(spec.teacher)} teacher (d̂ = ${teacherDim(spec.teacher)}); ${st.param} student d = ${st.d}, σ = ${fmt(st.sigma)}${st.balanced && st.param !== 'diag-tied' ? ', balanced start' : ''}${st.convention === 'eps-normal' ? ', eps-normal init' : ''}; ${opt}, ${stop.maxSteps} steps; ${training.loss} loss at k = ${training.k}; H = ${ev.H}`;
}

/**
 * The sweep's settings: a sweep preset to load, the kind (over k or over the init scale sigma), its lists, the
 * number of runs with the time they should take, and Run / Cancel. The lists are the experiment's ui.sweep, edited
 * through the schema: a refusal (e.g. more than 2000 runs) names the field, under the list that caused it.
 */
export function SweepSettings({ spec }: { spec: ExtrapolationSpec }) {
  const editor = useSpecEditor(LAB, { source: 'sweeps' });
  const run = useSweepRun();
  const sweep = effectiveSweep(spec);
  const commit = (next: SweepDef) => shorten(editor.commit(withSweep(spec, next)));
  const runs = sweepRunCount(sweep);
  // the sweep derives from the experiment: one estimate per experiment
  // biome-ignore lint/correctness/useExhaustiveDependencies: `sweep` is effectiveSweep(spec), a new object each render
  const estimate = useMemo(
    () =>
      estimateManyMs(
        sweepPoints(spec, sweep).map((p) => p.spec),
        sharedPool().size,
      ),
    [spec],
  );
  const running = run.status === 'running';
  const preset = spec.ui?.preset && SWEEP_PRESETS.has(spec.ui.preset) ? spec.ui.preset : null;

  return (
    <div className="flex flex-col gap-3" data-testid="sweep-settings">
      <PresetPicker
        lab={LAB}
        label="Load a sweep preset"
        testId="sweep-preset"
        selected={preset}
        onPick={(id) => pickPreset(LAB, id)}
        filter={isSweepPreset}
        showIds
        customLabel="(the experiment's own sweep)"
      />
      <div className="rounded border border-slate-200 p-2 text-xs dark:border-slate-800" data-testid="sweep-base">
        <p className="font-medium text-slate-700 dark:text-slate-300">Base experiment (every run of the sweep)</p>
        <p className="text-slate-600 dark:text-slate-400">{describeBase(spec)}.</p>
        <p className="text-slate-500">
          The sweep replaces {sweep.kind === 'k' ? 'k (and the teacher, when it lists several)' : `σ${sweep.ks ? ' and k' : ''}`} and the seed. Change the rest on the{' '}
          <a className="text-sky-700 underline dark:text-sky-400" href={`#lab=${LAB}&page=run`}>
            Run page
          </a>
          .
        </p>
      </div>
      <SelectField
        label="Sweep over"
        value={sweep.kind}
        testId="sweep-kind"
        options={[
          { value: 'k', label: 'the training length k (Figs 1, 3)' },
          { value: 'sigma', label: 'the init scale σ (Fig. 4, Prop. 9)' },
        ]}
        onChange={(kind) => {
          if (kind !== sweep.kind) commit(defaultSweep(spec, kind, sweep.seeds));
        }}
      />
      {sweep.kind === 'k' ? (
        <>
          <NumberListField
            label="k values"
            values={sweep.ks}
            testId="sweep-ks"
            hint={`e.g. 2..20, or 8..18 by 2, 19, 20; each below H = ${spec.eval.H}`}
            onCommit={(ks) => commit({ ...sweep, ks })}
          />
          {sweep.teachers && (
            <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="sweep-teachers">
              <span>
                Teachers: <span className="font-medium">{teachersLabel(spec, sweep)}</span> (each on the same axes)
              </span>
              <Button
                variant="link"
                onClick={() => {
                  const { teachers: _t, ...rest } = sweep;
                  commit(rest);
                }}
              >
                use only the experiment's teacher
              </Button>
            </div>
          )}
        </>
      ) : (
        <>
          <NumberListField
            label="σ values (init scales)"
            values={sweep.sigmas}
            testId="sweep-sigmas"
            hint="e.g. 1e-5, 1e-3, 1e-2, 0.1; each in [1e-6, 1]"
            onCommit={(sigmas) => commit({ ...sweep, sigmas })}
          />
          <NumberListField
            label="k values (empty: the experiment's k)"
            values={sweep.ks ?? []}
            testId="sweep-sigma-ks"
            hint={sweep.ks ? 'one run per (σ, k, seed)' : `every run at k = ${spec.training.k}`}
            placeholder={`${spec.training.k}`}
            allowEmpty
            onCommit={(ks) => {
              if (ks.length) return commit({ ...sweep, ks });
              const { ks: _k, ...rest } = sweep;
              return commit(rest);
            }}
          />
        </>
      )}
      <NumberListField
        label="Seeds s (teacher MT(s), student MT(1000 + s))"
        values={sweep.seeds}
        testId="sweep-seeds"
        hint={`at most ${EXTRAP_LIMITS.maxSweepSeeds}, e.g. 0..2`}
        onCommit={(seeds) => commit({ ...sweep, seeds })}
      />
      <p className={hintClass} data-testid="sweep-estimate" data-runs={runs} data-estimate-ms={Math.round(estimate)}>
        {runs} run{runs === 1 ? '' : 's'} (at most {EXTRAP_LIMITS.maxSweepRuns}) · about {formatDuration(estimate)} on {sharedPool().size} worker
        {sharedPool().size === 1 ? '' : 's'}
        {estimate > 60_000 ? ' — long: the estimate is rough, and Cancel stops after the runs in flight' : ''}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" testId="sweep-run" onClick={() => void run.start(spec, sweep)} disabled={running}>
          Run sweep
        </Button>
        {running && (
          <Button testId="sweep-cancel" onClick={run.cancel}>
            Cancel
          </Button>
        )}
      </div>
    </div>
  );
}
