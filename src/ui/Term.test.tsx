// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary';
import { Term } from './Term';
import { reactRootPerTest } from './tests/react-root';

const dom = reactRootPerTest();

describe('glossary terms', () => {
  it('every entry explains itself in at least one sentence', () => {
    for (const [term, text] of Object.entries(GLOSSARY)) {
      expect(text.length, term).toBeGreaterThan(40);
      expect(text.endsWith('.'), term).toBe(true);
    }
  });

  it('a tap (click) or focus opens the explanation as a tooltip the term points to; Escape closes it', async () => {
    await act(async () => dom.root.render(<Term term="NCF" />));
    const { container } = dom;
    const button = container.querySelector('button')!;
    expect(container.querySelector('[role=tooltip]')).toBeNull();
    await act(async () => button.click());
    const tip = container.querySelector('[role=tooltip]')!;
    expect(tip.textContent).toContain(GLOSSARY.NCF);
    expect(button.getAttribute('aria-describedby')).toBe(tip.id);
    await act(async () => button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(container.querySelector('[role=tooltip]')).toBeNull();
  });
});
