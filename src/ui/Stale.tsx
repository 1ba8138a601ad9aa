import { useMemo, type ReactNode } from 'react';
import { sameValue } from './same-value';

/** The mark on results whose experiment was edited after they were computed. */
export function StaleBadge({ testId = 'stale', children = 'out of date — press Run' }: { testId?: string; children?: ReactNode }) {
  return (
    <p
      role="status"
      data-testid={testId}
      className="flex items-center gap-1.5 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs font-medium text-amber-800 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-300"
    >
      <span aria-hidden="true">⚠</span>
      {children}
    </p>
  );
}

export interface StaleProps {
  /** True when the results inside were computed from an experiment that has since been edited. */
  stale: boolean;
  children: ReactNode;
  /** data-testid of the wrapper (it carries data-stale="true" / "false"); the badge is `${testId}-badge`. */
  testId?: string;
  /** What the badge says (a short "out of date — press Run" by default). */
  message?: ReactNode;
  /** data-testid of the badge, when not `${testId}-badge`. */
  badgeTestId?: string;
  /** False to only dim (when another wrapper of the same run already shows the badge). */
  badge?: boolean;
}

/** Results with their out-of-date mark: the badge above them, and the results dimmed until the next run. */
export function Stale({ stale, children, testId, message, badgeTestId, badge = true }: StaleProps) {
  return (
    <div className="flex min-w-0 flex-col gap-1" data-testid={testId} data-stale={stale ? 'true' : 'false'}>
      {stale && badge && <StaleBadge testId={badgeTestId ?? (testId ? `${testId}-badge` : 'stale')}>{message}</StaleBadge>}
      <div className={`flex min-w-0 flex-col gap-3 transition-opacity${stale ? ' opacity-60 saturate-50' : ''}`}>{children}</div>
    </div>
  );
}

/**
 * Whether results computed from `ran` are out of date for the experiment now on screen (`current`): false when
 * nothing has run. Keys in `ignore` (top level) do not count, e.g. the Poisoning arm each run sets itself.
 */
export function useIsStale(ran: unknown, current: unknown, ignore: readonly string[] = []): boolean {
  const key = ignore.join(',');
  // `ignore` is compared by its joined keys, so an inline array does not recompute on every render
  return useMemo(() => ran != null && !sameValue(ran, current, key ? key.split(',') : []), [ran, current, key]);
}
