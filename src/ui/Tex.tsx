import katex from 'katex';
import { useMemo } from 'react';

/** Inline or display math, rendered once per expression. */
export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const html = useMemo(() => katex.renderToString(children, { displayMode: block, throwOnError: false }), [children, block]);
  // A display equation wider than its column (a phone) scrolls inside itself instead of widening the page.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's own markup for the app's fixed TeX strings (no user input; unknown commands are rendered as text, not HTML)
  return <span className={block ? 'relative my-2 block max-w-full overflow-x-auto overflow-y-hidden' : undefined} dangerouslySetInnerHTML={{ __html: html }} />;
}
