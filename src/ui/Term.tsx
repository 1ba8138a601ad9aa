import { useId, useState } from 'react';
import { GLOSSARY, type GlossaryTerm } from './glossary';

/**
 * A piece of jargon with its meaning one hover, focus or tap away (glossary.ts). `children` is what is printed
 * (the term itself by default).
 */
export function Term({ term, children }: { term: GlossaryTerm; children?: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="relative inline-block">
      <button
        type="button"
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        className="cursor-help border-b border-dotted border-current font-inherit"
        aria-describedby={open ? id : undefined}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        data-term={term}
      >
        {children ?? term}
      </button>
      {open && (
        <span
          id={id}
          role="tooltip"
          className="absolute top-full left-0 z-30 mt-1 block w-64 rounded border border-slate-300 bg-white p-2 text-left text-xs font-normal normal-case text-slate-800 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        >
          <span className="font-semibold">{term}</span>: {GLOSSARY[term]}
        </span>
      )}
    </span>
  );
}
