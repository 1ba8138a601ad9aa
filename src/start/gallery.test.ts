import { describe, expect, it } from 'vitest';
import { decodeSpec } from '../experiment/link';
import { findPreset } from '../experiment/presets';
import { parseSpec } from '../experiment/validate';
import { LAB_UIS } from '../labs/ui-registry';
import { stepHash } from '../ui/PresentationBar';
import { galleryItems, presetHash } from './links';

const labs = Object.entries(LAB_UIS);

describe('start page gallery', () => {
  it('lists every lab’s entries, and every entry’s preset exists in its own lab and validates', () => {
    const items = galleryItems();
    expect(items.length).toBe(labs.reduce((n, [, ui]) => n + ui.gallery.length, 0));
    for (const [lab, ui] of labs) expect(ui.gallery.length, `${lab} lists its figures`).toBeGreaterThan(0);
    for (const g of items) {
      const p = findPreset(g.presetId);
      expect(p, g.presetId).toBeDefined();
      expect(p!.lab, g.presetId).toBe(g.lab);
      const r = parseSpec(structuredClone(p!.spec));
      expect(r.ok, `${g.presetId}: ${r.ok ? '' : JSON.stringify(r.issues)}`).toBe(true);
      expect(g.figure.length, g.presetId).toBeGreaterThan(2);
      expect(g.claim.length, g.presetId).toBeGreaterThan(20);
    }
    const ids = items.map((g) => g.presetId);
    expect(new Set(ids).size, 'no preset listed twice').toBe(ids.length);
  });

  it('makes links with the share codec that reopen exactly the preset’s spec on its page', () => {
    for (const g of galleryItems()) {
      const hash = presetHash(g.lab, g.presetId, g.page);
      const params = new URLSearchParams(hash.slice(1));
      expect(params.get('lab')).toBe(g.lab);
      expect(params.get('page')).toBe(g.page ?? null);
      const r = decodeSpec(hash);
      expect(r.ok, g.presetId).toBe(true);
      const ref = parseSpec(structuredClone(findPreset(g.presetId)!.spec));
      expect(r.ok && r.spec, g.presetId).toEqual(ref.ok && ref.spec);
    }
    expect(() => presetHash('stability', 'thm1-d10k7-s242')).toThrow();
  });

  it('opens an Extrapolation sweep preset on the Sweeps page and a single run on the Train page', () => {
    for (const g of LAB_UIS.extrapolation.gallery) {
      const spec = findPreset(g.presetId)!.spec as { ui?: { sweep?: unknown } };
      expect(g.page, g.presetId).toBe(spec.ui?.sweep ? 'sweeps' : 'run');
    }
  });
});

describe('presentation lessons', () => {
  it('give every lab 4 to 8 steps, each a sentence or two with a preset of that lab that validates', () => {
    for (const [lab, ui] of labs) {
      expect(ui.lesson.length, lab).toBeGreaterThanOrEqual(4);
      expect(ui.lesson.length, lab).toBeLessThanOrEqual(8);
      ui.lesson.forEach((s, i) => {
        const p = findPreset(s.presetId);
        expect(p?.lab, `${lab} step ${i + 1}`).toBe(lab);
        expect(parseSpec(structuredClone(p!.spec)).ok).toBe(true);
        const sentences = s.text.split(/[.!?](\s|$)/).filter((x) => x.trim().length > 1).length;
        expect(sentences, `${lab} step ${i + 1}: ${s.text}`).toBeGreaterThanOrEqual(1);
        expect(sentences, `${lab} step ${i + 1}: ${s.text}`).toBeLessThanOrEqual(3);
        const hash = stepHash(lab as keyof typeof LAB_UIS, ui.lesson, i + 1);
        const params = new URLSearchParams(hash.slice(1));
        expect(params.get('present')).toBe('1');
        expect(params.get('step')).toBe(String(i + 1));
        const r = decodeSpec(hash);
        expect(r.ok && r.spec.lab).toBe(lab);
      });
    }
  });
});

describe("each lab's about.json", () => {
  it('names the lab, its paper and question, and draws its card preview as polylines of (x, y) pairs in the unit square', () => {
    const orders = labs.map(([, ui]) => ui.navOrder);
    expect(new Set(orders).size, 'one header position per lab').toBe(labs.length);
    for (const [lab, ui] of labs) {
      expect(ui.title.length, lab).toBeGreaterThan(2);
      expect(ui.paper, lab).toMatch(/^Paper 00\d$/);
      expect(ui.question.endsWith('?'), lab).toBe(true);
      expect(ui.blurb.length, lab).toBeGreaterThan(30);
      expect(ui.preview.length, lab).toBeGreaterThan(0);
      for (const line of ui.preview)
        for (const p of line) {
          expect(p, lab).toHaveLength(2);
          for (const v of p) expect(v >= 0 && v <= 1, `${lab}: ${p}`).toBe(true);
        }
    }
  });
});
