import { useEffect } from 'react';
import { firstSaddlePlateau } from '../../engine/homogeneous/staircase';
import { predictionsFrom, staircaseAxis } from './derive';
import { restrictedSpec } from './restricted';
import { useRestrictedRun, useSaddlesRun } from './store';
import { useSaddlesUi } from './ui-store';
import { fmt } from '../../ui/format';

/** Plateau of a run's first saddle (docs/labs/saddles.md Sec. 4.4), NaN before it has one. */
export function plateauOf(run: ReturnType<typeof useRestrictedRun.getState>['run']): number {
  const b = run?.buffers;
  if (!run || !b) return NaN;
  return firstSaddlePlateau(staircaseAxis(b, run.spec), b.loss, b.count)?.level ?? NaN;
}

/**
 * "Restrict to active sub-network": once the main run's worker has found w* (its first frame), the sub-network
 * of the neurons active in w* is trained from delta w* in a second worker; its loss is drawn on the staircase.
 */
export function RestrictToggle() {
  const on = useSaddlesUi((s) => s.restrict);
  const align = useSaddlesUi((s) => s.alignRestricted);
  const main = useSaddlesRun((s) => s.run);
  const restricted = useRestrictedRun((s) => s.run);
  useRestrictedRun((s) => s.revision);
  const views = main?.views;
  const delta = views?.pred ? predictionsFrom(views)?.delta : undefined;
  const candidate = main && views?.wstar && views.active ? restrictedSpec(main.spec, views.wstar, views.active, delta) : null;

  useEffect(() => {
    const ui = useSaddlesUi.getState();
    if (!on || !main) {
      if (useRestrictedRun.getState().run) useRestrictedRun.getState().reset();
      ui.setRestrictedFor(null);
      return;
    }
    if (ui.restrictedFor === main.id) return;
    if (candidate && typeof candidate !== 'string') {
      ui.setRestrictedFor(main.id);
      // paused with the full run (it resumes with it: see the Saddles toolbar)
      void useRestrictedRun.getState().start(candidate, useSaddlesRun.getState().transport === 'paused');
    } else if (useRestrictedRun.getState().run) {
      // a new full run: the old restricted curve goes until the new w* is known
      useRestrictedRun.getState().reset();
    }
  }, [on, main, candidate]);

  const nKept = restricted && restricted.spec.model.kind === 'ff' ? restricted.spec.model.widths.join(' + ') : null;
  const st = restricted?.status;
  const plateau = plateauOf(restricted);
  return (
    <div className="flex flex-col gap-1 rounded border border-slate-200 dark:border-slate-800 p-2 text-xs" data-testid="restrict-panel">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1 font-medium">
          <input type="checkbox" data-testid="restrict-toggle" checked={on} onChange={(e) => useSaddlesUi.getState().setRestrict(e.target.checked)} />
          Restrict to active sub-network (first-saddle oracle, second worker)
        </label>
        {on && (
          <label className="flex items-center gap-1 text-slate-600 dark:text-slate-400">
            <input type="checkbox" data-testid="restrict-align" checked={align} onChange={(e) => useSaddlesUi.getState().setAlignRestricted(e.target.checked)} />
            shift its curve to the full run&apos;s predicted escape
          </label>
        )}
      </div>
      {on && (
        <p className="text-slate-500">
          The sub-network can only fit as well as the neurons active in w*: its loss settles on the predicted first saddle (dashed green on the staircase), where the full run
          should rest until its other neurons grow.
        </p>
      )}
      {on && (
        <p className="num text-slate-600 dark:text-slate-400" data-testid="restrict-status" aria-live="polite">
          {!main
            ? 'Starts with the next run: the sub-network of the neurons active in w*, trained from δw* restricted to them.'
            : typeof candidate === 'string'
              ? `No restricted run: ${candidate}.`
              : !restricted
                ? 'waiting for the full run to find w*…'
                : restricted.error
                  ? `restricted run failed: ${restricted.error}`
                  : `${nKept ? `${nKept} neuron${nKept === '1' ? '' : 's'} kept` : 'the active coordinates kept'}, from δw*: ${st ? `t = ${fmt(st.t)}, loss ${fmt(st.loss)}` : 'starting'}${restricted.final ? ' (done)' : ''}${Number.isFinite(plateau) ? ` · plateau ${fmt(plateau, 7)}` : ''}`}
        </p>
      )}
    </div>
  );
}
