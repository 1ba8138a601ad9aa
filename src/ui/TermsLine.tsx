import type { GlossaryTerm } from './glossary';
import { Term } from './Term';

/** "Words used here: …": the jargon of a panel whose labels are plain text, each term one tap from its meaning. */
export function TermsLine({ terms }: { terms: readonly GlossaryTerm[] }) {
  return (
    <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="terms-line">
      Words used here:{' '}
      {terms.map((t, i) => (
        <span key={t}>
          {i > 0 && ' · '}
          <Term term={t} />
        </span>
      ))}
    </p>
  );
}
