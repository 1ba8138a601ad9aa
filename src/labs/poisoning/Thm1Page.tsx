import { LabPage } from '../../ui/LabLayout';
import { RunStatusBar } from './RunStatusBar';
import { Thm1Controls } from './Thm1Controls';
import { Thm1Narration } from './Thm1Narration';
import { Thm1Plots } from './Thm1Plots';
import { Thm1Results } from './Thm1Results';
import { Transport } from './Transport';

/** The Theorem-1 page: clean vs poisoned exact gradient flow from the reference initialisations. */
export function Thm1Page() {
  return (
    <LabPage
      testId="page-thm1"
      title="Poisoning · Theorem 1"
      subtitle="Paper 000: clean-label poisoning of state space models"
      sidebar={
        <>
          <Thm1Narration />
          <Thm1Controls />
        </>
      }
    >
      <Transport />
      <RunStatusBar />
      <Thm1Plots />
      <Thm1Results />
    </LabPage>
  );
}
