import { IssueBanner } from '../../../ui/IssueBanner';
import { RunStatusBar } from '../RunStatusBar';
import { Transport } from '../Transport';
import { AbSummary } from './AbSummary';
import { ARM_EXPLORE_LABELS } from './commit';
import { ExploreControls } from './ExploreControls';
import { ExplorePlots } from './ExplorePlots';
import { GramView } from './GramView';
import { SequenceEditor } from './SequenceEditor';

/** Explore page of the Poisoning lab: edit the training set and the poison, then train both arms side by side. */
export function ExplorePage() {
  return (
    <div className="grid gap-4 lg:grid-cols-[330px_1fr]" data-testid="page-explore">
      <aside className="flex flex-col gap-3">
        <div>
          <h2 className="text-xl font-semibold">Poisoning · Explore</h2>
          <p className="text-xs text-slate-500">
            Paper 000. Build a training set, add special sequences (energy in the last elements, labelled by the teacher), and train
            the same initialisation without and with them.
          </p>
        </div>
        <ExploreControls />
      </aside>
      <section className="flex min-w-0 flex-col gap-3">
        <IssueBanner />
        <SequenceEditor />
        <GramView />
        <Transport />
        <RunStatusBar labels={ARM_EXPLORE_LABELS} />
        <AbSummary />
        <ExplorePlots />
      </section>
    </div>
  );
}
