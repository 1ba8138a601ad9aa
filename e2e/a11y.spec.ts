import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/**
 * Accessibility: axe finds no serious or critical violation on any lab page, in the light and the dark theme.
 * One load per page and theme, nothing run: the pages as a visitor first sees them.
 */

/** Every lab page the hash can name (`#lab=...&page=...`); Stability and Saddles are one page each. */
const PAGES: { lab: string; page?: string }[] = [
  ...['thm1', 'explore', 'reproduce'].map((page) => ({ lab: 'poisoning', page })),
  ...['run', 'sweeps', 'demos', 'reproduce'].map((page) => ({ lab: 'extrapolation', page })),
  ...['run', 'sweep', 'theory', 'mnist', 'reproduce'].map((page) => ({ lab: 'flow-vs-descent', page })),
  { lab: 'saddles' },
  { lab: 'stability' },
];

/** Stability's sweep panel has tabs of its own, each a view a visitor opens without a new load. */
const STABILITY_SWEEP_TABS = '[data-testid=stability-sweeps] [role=tab]';

type Theme = 'light' | 'dark';

// a scan of a page full of plots and formulas takes seconds, more on a busy machine
test.describe.configure({ timeout: 150_000 });

async function open(page: Page, theme: Theme, hash: string) {
  // the theme the toggle stored on an earlier visit (ThemeToggle reads it on load)
  await page.addInitScript((t) => localStorage.setItem('ibl.theme', t), theme);
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`/${hash}`);
  if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  else await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
}

/** The serious and critical violations, one line each with the elements they were found on. */
async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  // KaTeX draws each formula twice: MathML for assistive technology and an aria-hidden HTML copy for the eye,
  // thousands of boxes in the surrounding text's colour; the scan skips that copy (and so runs in half the time).
  const axe = new AxeBuilder({ page }).exclude('.katex-html');
  const { violations } = await (within ? axe.include(within) : axe).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`).join('; ')}`,
    );
}

for (const theme of ['light', 'dark'] as const) {
  for (const { lab, page: labPage } of PAGES) {
    const hash = `#lab=${lab}${labPage ? `&page=${labPage}` : ''}`;
    test(`axe: ${lab}${labPage ? ` / ${labPage}` : ''} in the ${theme} theme has no serious or critical violation`, async ({ page }) => {
      await open(page, theme, hash);
      await expect(page.getByTestId(`lab-${lab}`)).toBeVisible();
      // lazy pages and worker-drawn plots settle before the scan
      await page.waitForLoadState('networkidle');
      const found = await seriousViolations(page);
      if (lab === 'stability') {
        const tabs = page.locator(STABILITY_SWEEP_TABS);
        const n = await tabs.count();
        expect(n, 'the sweep panel has its tabs').toBeGreaterThan(1);
        for (let i = 1; i < n; i++) {
          await tabs.nth(i).click();
          await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
          // the rest of the page is as scanned above
          for (const v of await seriousViolations(page, '[data-testid=stability-sweeps]')) found.push(`[sweep tab ${i}] ${v}`);
        }
      }
      expect(found).toEqual([]);
    });
  }
}

/** What the focused element shows: its outline, and the colour it sits on (the first opaque background up the tree). */
interface FocusLook {
  what: string;
  style: string;
  width: number;
  ring: [number, number, number];
  behind: [number, number, number];
}

/** WCAG contrast ratio of two sRGB colours (0-255 channels). */
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const lum = (c: [number, number, number]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Pages whose controls, plots and keyboard-movable marks (sequence bars, atoms) cover every kind of focusable element. */
const FOCUS_PAGES: { lab: string; page: string; reach?: string; select?: [string, string] }[] = [
  { lab: 'poisoning', page: 'thm1' },
  { lab: 'poisoning', page: 'explore' },
  // the atom editor shows for an atoms teacher
  { lab: 'extrapolation', page: 'run', reach: 'atom-0', select: ['teacher-kind', 'atoms'] },
];

for (const theme of ['light', 'dark'] as const) {
  for (const { lab, page: labPage, reach, select } of FOCUS_PAGES) {
    test(`focus ring: every element Tab reaches on ${lab} / ${labPage} shows a 2 px ring of 3:1 contrast (${theme})`, async ({ page }) => {
      await open(page, theme, `#lab=${lab}&page=${labPage}`);
      await expect(page.getByTestId(`lab-${lab}`)).toBeVisible();
      if (select) {
        await page.getByTestId(select[0]).selectOption(select[1]);
        // Tab starts from the top of the page again
        await page.getByTestId(select[0]).blur();
      }
      const seen = new Set<string>();
      const looks: FocusLook[] = [];
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const look = await page.evaluate((): FocusLook | null => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          // any CSS colour to sRGB through a 1-pixel canvas (the page's colours are oklch)
          const ctx = document.createElement('canvas').getContext('2d')!;
          const rgb = (css: string): [number, number, number] => {
            ctx.clearRect(0, 0, 1, 1);
            ctx.fillStyle = css;
            ctx.fillRect(0, 0, 1, 1);
            const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
            return [r, g, b];
          };
          let behind = 'rgb(255, 255, 255)';
          for (let p = el.parentElement; p; p = p.parentElement) {
            const bg = getComputedStyle(p).backgroundColor;
            if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent' && !/\/ 0\)$|, 0\)$/.test(bg)) {
              behind = bg;
              break;
            }
          }
          const cs = getComputedStyle(el);
          const what = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
          // an SVG mark that draws its own ring (a circle.ring round an atom, a rect.ring round a sequence bar) instead of an outline
          const svgRing = el.querySelector('circle.ring, rect.ring');
          if (svgRing) {
            const rs = getComputedStyle(svgRing);
            return { what, style: 'svg ring', width: Number.parseFloat(rs.strokeWidth), ring: rgb(rs.stroke), behind: rgb(behind) };
          }
          return { what, style: cs.outlineStyle, width: Number.parseFloat(cs.outlineWidth), ring: rgb(cs.outlineColor), behind: rgb(behind) };
        });
        if (!look || seen.has(look.what)) continue;
        seen.add(look.what);
        looks.push(look);
      }
      if (reach) expect(looks.map((l) => l.what).join('\n'), `Tab reaches ${reach}`).toContain(`[data-testid=${reach}]`);
      expect(looks.length, 'Tab reaches the controls, tabs and plots of the page').toBeGreaterThan(15);
      const bad = looks
        .filter((l) => l.style === 'none' || l.width < 2 || contrast(l.ring, l.behind) < 3)
        .map((l) => `${l.what}: ${l.style} ${l.width}px, contrast ${contrast(l.ring, l.behind).toFixed(2)}`);
      expect(bad).toEqual([]);
    });
  }
}
