import { useExperiment } from '../state/experiment-store';
import { Button } from './Button';
import { downloadJson } from './download';

/** Saved experiments that could not be read back: the user is told, can download them, and dismisses the notice. */
export function UnreadableNotice() {
  const unreadable = useExperiment((s) => s.unreadable);
  if (unreadable.length === 0) return null;
  return (
    <div
      role="status"
      className="mb-3 flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
      data-testid="unreadable-experiments"
    >
      <span>
        {unreadable.length === 1 ? 'A saved experiment' : `${unreadable.length} saved experiments`} could not be read back ({unreadable[0].key}:{' '}
        {unreadable[0].message.slice(0, 160)}). It was kept aside and its lab opened with its default.
      </span>
      <Button variant="link" testId="unreadable-download" onClick={() => downloadJson('implicit-bias-lab-unreadable-experiments.json', unreadable)}>
        Download it
      </Button>
      <Button variant="link" testId="unreadable-dismiss" onClick={() => useExperiment.getState().clearUnreadable()}>
        Dismiss
      </Button>
    </div>
  );
}
