import { useMemo, useState } from 'react';
import { useLabSpec } from '../../../state/experiment-store';
import { Button } from '../../../ui/Button';
import { cardClass } from '../../../ui/field-styles';
import { pickPreset } from '../../../ui/preset-choice';
import { Tex } from '../../../ui/Tex';
import { flowVsDescentCore } from '../core';
import { FD_LIMITS, type FlowVsDescentSpec, paramCount } from '../schema';
import { AbShapePanel } from '../theory/AbShapePanel';
import { DLN3_LARGEST_CONVERGED_ETA, EquationsPanel } from '../theory/EquationsPanel';
import type { FdTheoryFlowResult, FdTheoryJob } from '../theory/job';
import { RescalePanel } from '../theory/RescalePanel';
import { StepSizePanel } from '../theory/StepSizePanel';
import { type DlnObjective, dlnTheorySetup, isDln3Base } from '../theory/setup';
import { useTheoryJob } from '../theory/useTheoryJob';

const LAB = flowVsDescentCore.id;
/** Flow samples for the heuristic and I_m (an exact Hessian each). */
const SAMPLES = 300;

/** The flow's horizon for the heuristic: the spec's, but long enough to see I_m level off on DLN-3, and bounded. */
const traceHorizon = (spec: FlowVsDescentSpec) => Math.min(Math.max(spec.horizon, 20), 1000);

/** The theory of a deep linear net: Eqs. 21-24, Thm 3 / Cor. 4 and the layer rescaling, from one flow computed in the pool. */
function DlnTheory({ spec, objective }: { spec: FlowVsDescentSpec; objective: DlnObjective }) {
  const setup = useMemo(() => dlnTheorySetup(objective), [objective]);
  const [epsTilde, setEpsTilde] = useState(0.01);
  const [eps, setEps] = useState(() => 1 / (2 * setup.n));
  const rescale = spec.rescale ?? { time: 4, factors: [1, 2, 4, 8] };
  const job: FdTheoryJob = {
    kind: 'flow',
    objective,
    horizon: traceHorizon(spec),
    samples: SAMPLES,
    targets: [epsTilde / 2, 1e-3],
    gdEta: spec.etas[0],
    gdTarget: epsTilde,
    rescaleTime: rescale.time,
    factors: rescale.factors,
  };
  const { result, busy, error } = useTheoryJob<FdTheoryFlowResult>(job, JSON.stringify(job));
  const dln3 = isDln3Base(objective);
  // A flow that stopped part-way (solver or eigensolver) still returns its samples up to there: say so.
  const stopped = result?.trace.error ? `the flow trace stopped early: ${result.trace.error}` : null;
  const shared = { result, busy, error: error ?? stopped };
  return (
    <>
      <EquationsPanel setup={setup} epsTilde={epsTilde} setEpsTilde={setEpsTilde} dln3={dln3} gdEta={spec.etas[0]} eps={eps} {...shared} />
      <StepSizePanel setup={setup} eps={eps} setEps={setEps} epsTilde={epsTilde} observed={dln3 ? DLN3_LARGEST_CONVERGED_ETA : null} {...shared} />
      <RescalePanel objective={objective} n={setup.n} time={rescale.time} {...shared} />
    </>
  );
}

function NeedsDln({ why }: { why: string }) {
  return (
    <section className={`${cardClass} flex flex-col gap-2 text-sm`} data-testid="theory-needs-dln">
      <p>{why}</p>
      <div className="flex flex-wrap gap-3">
        <Button variant="link" testId="theory-load-bounds" onClick={() => pickPreset(LAB, 'FD-bounds')}>
          Load the DLN-3 theory panel (FD-bounds) →
        </Button>
        <Button variant="link" testId="theory-load-rescale" onClick={() => pickPreset(LAB, 'FD-DLN3-rescale')}>
          Load the layer rescaling (FD-DLN3-rescale) →
        </Button>
      </div>
    </section>
  );
}

/** The Theory page: the paper's guarantees beside measured values, layer rescaling, and App. B's worst case (docs/labs/flow-vs-descent.md Sec. 7 item 8). */
export function TheoryPage() {
  const spec = useLabSpec(LAB);
  const o = spec.objective;
  const tooBig = o.family === 'dln' && paramCount(o) > FD_LIMITS.maxSpectrumParams;
  return (
    <div className="flex min-w-0 flex-col gap-4" data-testid="page-fd-theory">
      <div className="max-w-4xl">
        <h2 className="text-xl font-semibold">Theory and bounds</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          What the paper proves, next to what happens. The guarantees for deep linear nets are correct and astronomically loose; the reason they exist at all is that the flow from
          a small balanced start meets little negative curvature (<Tex>{'\\lambda_{\\min}'}</Tex> only mildly below 0), although the loss has points of arbitrarily negative
          curvature with the same value. App. B shows that without this, GD really must shrink its step exponentially.
        </p>
      </div>
      {o.family !== 'dln' ? (
        <NeedsDln why="Eqs. 21–24, the Thm 3 heuristic and the layer rescaling are about deep linear nets; the experiment on this lab is another objective." />
      ) : tooBig ? (
        <NeedsDln why={`This net has ${paramCount(o)} parameters; exact Hessians along the flow are limited to ${FD_LIMITS.maxSpectrumParams}.`} />
      ) : (
        <DlnTheory key={o.widths.length} spec={spec} objective={o} />
      )}
      <AbShapePanel />
    </div>
  );
}
