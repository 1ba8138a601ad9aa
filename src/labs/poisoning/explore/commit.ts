import { commitEdit } from '../../../ui/spec-edit';
import { abIssues } from './explore-model';
import type { PoisoningSpec } from '../schema';

/**
 * Validates a candidate spec of the Explore page (the lab's rules and the page's A/B rule: each arm keeps a
 * sequence) and applies it; returns the message to show next to the control when it is refused (the last good
 * spec is kept, and the page's banner is left alone), or null.
 */
export function commitSpec(candidate: PoisoningSpec): string | null {
  return commitEdit('poisoning', candidate, { extraIssues: abIssues, source: 'explore' });
}

export const ARM_EXPLORE_LABELS = { clean: 'Without special sequences', poisoned: 'With special sequences' } as const;
export const ARM_EXPLORE_SHORT = { clean: 'without', poisoned: 'with' } as const;
