import { LabPage } from '../../../ui/LabLayout';
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
    <LabPage
      testId="page-explore"
      title="Poisoning · Explore"
      subtitle="Paper 000. Build a training set, add special sequences (energy in the last elements, labelled by the teacher), and train the same initialisation without and with them."
      sidebar={<ExploreControls />}
    >
      <SequenceEditor />
      <GramView />
      <Transport />
      <RunStatusBar labels={ARM_EXPLORE_LABELS} />
      <AbSummary />
      <ExplorePlots />
    </LabPage>
  );
}
