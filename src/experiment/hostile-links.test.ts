import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressBounded } from './bounded-lz';

describe('the bounded lz-string decoder', () => {
  it('decodes exactly what lz-string decodes (2000 random texts, and garbled streams)', () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 2000; t++) {
      const len = Math.floor(rand() * 400);
      const alphabet = t % 3 === 0 ? '{}":,0123456789.-e abcdef' : t % 3 === 1 ? 'ab' : 'αβγ€𝔘xyz';
      const text = Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const packed = LZString.compressToEncodedURIComponent(text);
      expect(decompressBounded(packed, 1e6)).toBe(text);
      // cut or flipped streams behave as the package does
      const cut = packed.slice(0, Math.floor(packed.length * rand()));
      expect(decompressBounded(cut, 1e6)).toBe(LZString.decompressFromEncodedURIComponent(cut) ?? '');
    }
  });

  it('stops a decompression bomb at the cap instead of inflating it', () => {
    const bomb = LZString.compressToEncodedURIComponent('a'.repeat(2_000_000));
    expect(bomb.length).toBeLessThan(5000);
    expect(decompressBounded(bomb, 1_000_000)).toBeNull();
    expect(decompressBounded(bomb, 3_000_000)).toHaveLength(2_000_000);
  });
});

describe('links that are too large', () => {
  it('a decompression bomb and an oversized link are refused by name, without inflating', async () => {
    const { decodeSpec, MAX_LINK_CHARS } = await import('./link');
    const bomb = `s=${LZString.compressToEncodedURIComponent(`{"v":1,"lab":"stability","x":"${'a'.repeat(5_000_000)}"}`)}`;
    const t0 = performance.now();
    const r = decodeSpec(bomb);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toEqual({ field: 'link', message: expect.stringMatching(/inflates past 2 million characters/) });
    const huge = decodeSpec(`s=${'A'.repeat(MAX_LINK_CHARS + 1)}`);
    expect(!huge.ok && huge.issues[0].message).toMatch(/links of at most 512 KB/);
  });
});

describe('refusals of hostile input stay short', () => {
  it('a 2 MB key name is cut and named once; thousands of issues are capped', async () => {
    const { parseSpec } = await import('./validate');
    const { presets } = { presets: (await import('./presets')).allPresets() };
    const base = presets.find((p) => p.spec.lab === 'stability')!.spec as Record<string, unknown>;
    const r = parseSpec({ ...base, ['k'.repeat(2_000_000)]: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.issues.map((i) => `${i.field}: ${i.message}`).join('\n');
    expect(text.length).toBeLessThan(400);
    expect(text.match(/k{40}/g)?.length).toBe(1);
    const many = parseSpec({ ...base, ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}`, 1])) });
    expect(!many.ok && many.issues.length).toBeLessThanOrEqual(20);
    expect(!many.ok && many.issues[0].message).toMatch(/and 4995 more/);
  });
});
