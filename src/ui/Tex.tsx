import katex from 'katex';
import { useMemo } from 'react';

/** Inline or display math, rendered once per expression. */
export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const html = useMemo(() => texHtml(children, block), [children, block]);
  // A display equation wider than its column (a phone) scrolls inside itself instead of widening the page.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's own markup for the app's fixed TeX strings (no user input; unknown commands are rendered as text, not HTML)
  return <span className={block ? 'relative my-2 block max-w-full overflow-x-auto overflow-y-hidden' : undefined} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * KaTeX's markup of a formula, rendered once per page load: the app's formulas are fixed strings, and a page that
 * mounts again (a tab switch, presentation mode, a new arm) re-rendered every one of them in the same task.
 */
const rendered = new Map<string, string>();
function texHtml(tex: string, block: boolean): string {
  const key = `${block ? 'D' : 'I'}${tex}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = katex.renderToString(tex, { displayMode: block, throwOnError: false });
    if (rendered.size > 2000) rendered.clear(); // bounded (formulas typed into a field are not fixed strings)
    rendered.set(key, html);
  }
  return html;
}
