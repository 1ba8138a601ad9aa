import katex from 'katex';
import { useMemo } from 'react';

/** Inline or display math, rendered once per expression. */
export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const html = useMemo(() => katex.renderToString(children, { displayMode: block, throwOnError: false }), [children, block]);
  return <span className={block ? 'block my-2' : undefined} dangerouslySetInnerHTML={{ __html: html }} />;
}
