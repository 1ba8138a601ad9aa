import { useLabSpec, useLinkedRun } from '../../../state/experiment-store';
import { LabPage } from '../../../ui/LabLayout';
import { Stale, StaleBadge, useIsStale } from '../../../ui/Stale';
import { extrapolationCore } from '../core';
import { compareLabel, decodeChoice, encodeChoice, mainLabel, NO_COMPARE } from '../run/compare';
import { RunControls } from '../run/Controls';
import { RunNarration } from '../run/Narration';
import { RunPlots } from '../run/Plots';
import { LossSlice } from '../run/LossSlice';
import { ArmStatus } from '../run/Status';
import { armSpecs, startRun, useCompareChoice, useExtrapCompare, useExtrapRun, useExtrapThird } from '../run/store';
import { COMPARE_KEY, COMPARE2_KEY, ExportButtons, RunTransport } from '../run/Transport';
import { useArmsOnScreen } from '../run/use-arms';

const LAB = extrapolationCore.id;

/**
 * A link opened on this page reruns its experiment: the second and third arms named by the link's `cmp=` and `cmp2=`
 * are chosen first, and the flags are then dropped from the address (the choices live in their own persisted store,
 * so a reload keeps later changes of them).
 */
function useAutoRun() {
  useLinkedRun(LAB, () => {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const cmp = params.get(COMPARE_KEY);
    const cmp2 = params.get(COMPARE2_KEY);
    const st = useCompareChoice.getState();
    st.setChoice(decodeChoice(cmp) ?? NO_COMPARE);
    st.setChoice2(decodeChoice(cmp2) ?? NO_COMPARE);
    if (cmp !== null || cmp2 !== null) {
      params.delete(COMPARE_KEY);
      params.delete(COMPARE2_KEY);
      window.history.replaceState(null, '', `#${params.toString()}`);
    }
    void startRun();
  });
}

/** The Run page: train one student (and up to two more arms with one change each) and watch it learn the teacher's state space. */
export function RunPage() {
  useAutoRun();
  const spec = useLabSpec(LAB);
  const { main, second, third, ran, ran2 } = useArmsOnScreen();
  const revision = useExtrapRun((s) => s.revision) + useExtrapCompare((s) => s.revision) + useExtrapThird((s) => s.revision);
  const mainTransport = useExtrapRun((s) => s.transport);
  const secondTransport = useExtrapCompare((s) => s.transport);
  const thirdTransport = useExtrapThird((s) => s.transport);
  const choice = useCompareChoice((s) => s.choice);
  const choice2 = useCompareChoice((s) => s.choice2);
  // out of date: the experiment changed (its ui, e.g. the preset's id or a sweep, does not count), or an arm's choice did
  const specStale = useIsStale(main?.spec, spec, ['ui']);
  const wanted = armSpecs(spec, choice, choice2);
  const stale = !!main && (specStale || encodeChoice(wanted.ran) !== encodeChoice(ran ?? NO_COMPARE) || encodeChoice(wanted.ran2) !== encodeChoice(ran2 ?? NO_COMPARE));
  const c = ran ?? NO_COMPARE;
  const c2 = ran2 ?? NO_COMPARE;
  const shown = second && main ? (third ? 3 : 2) : 1;
  return (
    <LabPage
      testId="page-extrap-run"
      title="Extrapolation · train a student"
      subtitle="Paper 002: overparameterised linear RNNs learn low-dimensional state spaces"
      sidebar={
        <>
          <RunNarration gru={spec.student.param === 'gru'} />
          <RunControls />
        </>
      }
    >
      <RunTransport />
      <div className="flex flex-col gap-2" data-testid="run-status" data-stale={stale ? 'true' : 'false'}>
        {stale && <StaleBadge testId="run-stale" />}
        <div className={`grid gap-2 ${shown === 3 ? 'md:grid-cols-3' : shown === 2 ? 'md:grid-cols-2' : ''}`} aria-live="polite">
          <ArmStatus run={main} arm="main" label={second && main ? `Student: ${mainLabel(main.spec, c)}` : 'Student'} transport={mainTransport} />
          {second && main && <ArmStatus run={second} arm="compare" label={`Second arm: ${compareLabel(main.spec, c)}`} transport={secondTransport} />}
          {third && second && main && <ArmStatus run={third} arm="third" label={`Third arm: ${compareLabel(main.spec, c2)}`} transport={thirdTransport} />}
        </div>
        <ExportButtons />
      </div>
      <Stale stale={stale} badge={false} testId="run-results">
        <RunPlots main={main} second={second} third={second ? third : null} ran={ran} ran2={ran2} revision={revision} />
        {main?.spec.student.param !== 'gru' && <LossSlice run={main} />}
      </Stale>
    </LabPage>
  );
}
