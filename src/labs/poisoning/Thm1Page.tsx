import { IssueBanner } from '../../ui/IssueBanner';
import { RunStatusBar } from './RunStatusBar';
import { Thm1Controls } from './Thm1Controls';
import { Thm1Narration } from './Thm1Narration';
import { Thm1Plots } from './Thm1Plots';
import { Thm1Results } from './Thm1Results';
import { Transport } from './Transport';

/** The Theorem-1 page: clean vs poisoned exact gradient flow from the reference initialisations. */
export function Thm1Page() {
  return (
    <div className="grid gap-4 lg:grid-cols-[320px_1fr]" data-testid="page-thm1">
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
