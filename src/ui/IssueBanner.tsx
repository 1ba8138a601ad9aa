import { useEffect } from 'react';
import type { SpecIssue } from '../experiment/issues';
import { useExperiment } from '../state/experiment-store';
import { labInHash, useHash } from '../state/route';

/** The refusal on screen and the lab that was open when it came (kept across the labs' own banners). */
let owner: { issues: SpecIssue[] | null; lab: string | null } = { issues: null, lab: null };

/** Shows why an input (a link, a preset, an edit) was refused; the experiment on screen is unchanged. */
export function IssueBanner() {
  const issues = useExperiment((s) => s.issues);
  const source = useExperiment((s) => s.issuesSource);
  const dismiss = useExperiment((s) => s.dismissIssues);
  const lab = labInHash(useHash());
  // A refusal belongs to the lab it came in: moving to another lab dismisses it.
  useEffect(() => {
    if (issues !== owner.issues) owner = { issues, lab };
    else if (issues && lab !== owner.lab) dismiss();
  }, [issues, lab, dismiss]);
  if (!issues) return null;
  return (
    <div role="alert" data-testid="issue-banner" className="rounded border border-red-300 bg-red-50 dark:bg-red-950/40 dark:border-red-800 p-3 text-sm">
      <div className="flex items-start gap-2">
        <div>
          <p className="font-medium text-red-800 dark:text-red-300">
            {source === 'link' ? 'This link could not be opened.' : 'That change was not applied.'} Your last good experiment is kept.
          </p>
          <ul className="mt-1 list-disc pl-5 text-red-700 dark:text-red-300">
            {issues.map((i, k) => (
              <li key={k}>
                <code className="font-mono">{i.field}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
        <button type="button" onClick={dismiss} className="ml-auto text-xs underline text-red-800 dark:text-red-300">
          Dismiss
        </button>
      </div>
    </div>
  );
}
