import { useEffect } from 'react';
import { labSpecNow, useExperiment } from '../../state/experiment-store';
import { useRuns } from '../../state/runs-store';
import { IssueBanner } from '../../ui/IssueBanner';
import { RunStatusBar } from './RunStatusBar';
import { Thm1Controls } from './Thm1Controls';
import { Thm1Narration } from './Thm1Narration';
import { Thm1Plots } from './Thm1Plots';
import { Thm1Results } from './Thm1Results';
import { Transport } from './Transport';

/** The Poisoning lab; for now its Theorem-1 page (paper 000). */
export function PoisoningLab() {
  const autoRun = useExperiment((s) => s.autoRun);
  useEffect(() => {
    if (autoRun !== 'poisoning') return;
    useExperiment.getState().requestAutoRun(null);
    void useRuns.getState().start(labSpecNow('poisoning'));
  }, [autoRun]);
  return (
    <div className="grid gap-4 lg:grid-cols-[320px_1fr]" data-testid="lab-poisoning">
      <aside className="flex flex-col gap-4">
        <div>
          <h2 className="text-xl font-semibold">Poisoning · Theorem 1</h2>
          <p className="text-xs text-slate-500">Paper 000: clean-label poisoning of state space models</p>
        </div>
        <Thm1Narration />
        <Thm1Controls />
      </aside>
      <section className="flex flex-col gap-3 min-w-0">
        <IssueBanner />
        <Transport />
        <RunStatusBar />
        <Thm1Plots />
        <Thm1Results />
      </section>
    </div>
  );
}
