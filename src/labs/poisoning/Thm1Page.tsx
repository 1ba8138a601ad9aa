import { IssueBanner } from '../../ui/IssueBanner';
import { LabLayout, LabTitle } from '../../ui/LabLayout';
import { RunStatusBar } from './RunStatusBar';
import { Thm1Controls } from './Thm1Controls';
import { Thm1Narration } from './Thm1Narration';
import { Thm1Plots } from './Thm1Plots';
import { Thm1Results } from './Thm1Results';
import { Transport } from './Transport';

/** The Theorem-1 page: clean vs poisoned exact gradient flow from the reference initialisations. */
export function Thm1Page() {
  return (
    <LabLayout
      testId="page-thm1"
      sidebar={
        <>
          <LabTitle title="Poisoning · Theorem 1" subtitle="Paper 000: clean-label poisoning of state space models" />
          <Thm1Narration />
          <Thm1Controls />
        </>
      }
    >
      <IssueBanner />
      <Transport />
      <RunStatusBar />
      <Thm1Plots />
      <Thm1Results />
    </LabLayout>
  );
}
