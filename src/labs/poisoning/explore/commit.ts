import { parseSpec } from '../../../experiment/validate';
import { useExperiment } from '../../../state/experiment-store';
import { abIssues } from './explore-model';
import { type PoisoningSpec } from '../schema';

/**
 * Validates a candidate spec of the Explore page and applies it; returns the message to show next to the
 * control when it is refused (the last good spec is kept), or null.
 */
export function commitSpec(candidate: PoisoningSpec): string | null {
  const r = parseSpec(candidate);
  const issues = r.ok ? abIssues(r.spec as PoisoningSpec) : r.issues;
  if (issues.length) return issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  useExperiment.getState().apply(candidate, 'explore');
  return null;
}

export const ARM_EXPLORE_LABELS = { clean: 'Without special sequences', poisoned: 'With special sequences' } as const;
export const ARM_EXPLORE_SHORT = { clean: 'without', poisoned: 'with' } as const;

export const inputCls = 'rounded border border-slate-300 dark:border-slate-700 bg-white dark:bg-slate-900 px-2 py-1 text-sm';
export const labelCls = 'text-xs font-medium text-slate-600 dark:text-slate-400';
export const btnCls = 'rounded border border-slate-300 dark:border-slate-700 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-40';
export const cardCls = 'rounded border border-slate-200 dark:border-slate-800 p-3';

/** Compact number format for readouts. */
export const fmt = (v: number) => (v === 0 ? '0' : Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(3) : v.toPrecision(4));
