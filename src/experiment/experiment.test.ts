import { describe, expect, it } from 'vitest';
import { decodeSpec, encodeSpec, hashFlags, hashHasSpec, packedSpecOf, shareUrl } from './link';
import { allPresets, findPreset } from './presets';
import { coreOf, labIds, specSchema, type SpecOf } from './schema';
import { parseSpec } from './validate';

// Theorem 1, d = 10, kappa = 7, seed 242 (the Poisoning lab's default experiment).
const good = structuredClone(findPreset('thm1-d10k7-s242')!.spec) as SpecOf<'poisoning'>;

function fieldsOf(input: unknown): string[] {
  const r = parseSpec(input);
  if (r.ok) throw new Error('expected the spec to be refused');
  return r.issues.map((i) => `${i.field}: ${i.message}`);
}

describe('spec validation', () => {
  it("checks a spec that names a lab with that lab's own schema, exactly as the union of every lab's would", () => {
    // each lab's presets, and each broken in ways a link can break it: a wrong type, a missing field, an unknown key,
    // a bad nested value, a different lab named
    const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; code: string }[] } }) =>
      r.error?.issues.map((i) => `${i.path.join('.')}|${i.code}|${i.message}`) ?? [];
    let compared = 0;
    for (const lab of labIds()) {
      for (const p of allPresets().filter((q) => q.lab === lab)) {
        const spec = p.spec as Record<string, unknown>;
        const firstObject = Object.keys(spec).find((k) => typeof spec[k] === 'object' && spec[k] !== null && !Array.isArray(spec[k]))!;
        const inputs: unknown[] = [
          spec,
          { ...spec, seed: 'one' },
          { ...spec, v: undefined },
          { ...spec, extra: 1 },
          { ...spec, [firstObject]: { ...(spec[firstObject] as object), kind: 42, zz: true } },
          { ...spec, lab: labIds().find((l) => l !== lab) },
        ];
        for (const input of inputs) {
          const own = coreOf((input as { lab: typeof lab }).lab).schema.safeParse(input);
          const union = specSchema().safeParse(input);
          expect(own.success, `${p.id}: ${JSON.stringify(input).slice(0, 80)}`).toBe(union.success);
          if (union.success) expect(own.data).toEqual(union.data);
          else expect(issuesOf(own)).toEqual(issuesOf(union));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('accepts every preset and fills defaults', () => {
    for (const p of allPresets()) expect(parseSpec(p.spec).ok).toBe(true);
    const { stop, record, metrics, ...minimal } = good;
    void [stop, record, metrics];
    const r = parseSpec(minimal);
    expect(r.ok && (r.spec as SpecOf<'poisoning'>).stop.lossBelow).toBe(1e-14);
  });

  it('refuses a wrong version, naming the field', () => {
    expect(fieldsOf({ ...good, v: 2 })[0]).toMatch(/^v: .*version/);
  });

  it('refuses NaN and infinities, naming the field', () => {
    expect(fieldsOf({ ...good, init: { ...good.init, scale: NaN } })[0]).toMatch(/^init\.scale: init scale must be a finite number/);
    expect(fieldsOf({ ...good, seed: Infinity })[0]).toMatch(/^seed:/);
  });

  it('refuses absurd sizes', () => {
    expect(fieldsOf({ ...good, model: { ...good.model, d: 1e9 } })[0]).toMatch(/^model\.d: state dimension d must be at most 256/);
    expect(fieldsOf({ ...good, data: { ...good.data, length: 1e6 } }).join('\n')).toMatch(/data\.length: sequence length kappa must be at most 64/);
  });

  it('refuses unknown fields, naming them', () => {
    expect(fieldsOf({ ...good, colour: 'red' })[0]).toMatch(/colour/);
    expect(fieldsOf({ ...good, model: { ...good.model, depth: 3 } })[0]).toMatch(/^model: .*depth/);
  });

  it('refuses a training set that leaves either arm with nothing to fit', () => {
    const allSpecial = { ...good, data: { ...good.data, sequences: good.data.sequences.map((q) => ({ ...q, special: true })) } };
    expect(fieldsOf(allSpecial)[0]).toMatch(/^data\.sequences: the clean arm has no enabled sequence/);
  });

  it('refuses inconsistent sizes across fields', () => {
    expect(fieldsOf({ ...good, init: { kind: 'explicit', a: [0.1, 0.2] } })[0]).toMatch(/^init\.a: has 2 entries but d is 10/);
    const rows = [{ x: [1, 0, 0], special: false, enabled: true }];
    expect(fieldsOf({ ...good, data: { length: 7, sequences: rows } })[0]).toMatch(/^data\.sequences\.0\.x: has 3 values/);
  });
});

describe('share links', () => {
  it('round-trip a spec exactly, 17 significant digits included', () => {
    const spec = { ...good, init: { kind: 'explicit' as const, a: [0.1 + 0.2, 1 / 3, 5.520411137679004e-5, 1e-300, -1.2345678901234567e-17, 2, 3, 4, 5, 6] } };
    const back = decodeSpec(`#${encodeSpec(spec)}`);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.spec).toEqual(spec);
  });

  it('refuse a truncated, garbled or empty link with a message naming the link', () => {
    const hash = encodeSpec(good);
    for (const bad of [hash.slice(0, hash.length / 2), hash.replace(/[A-M]/g, 'Z'), '#s=', '#', 's=%%%']) {
      const r = decodeSpec(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0].field).toBe('link');
    }
    const r = decodeSpec(hash.slice(0, 40));
    expect(!r.ok && r.issues[0].field).toBe('link');
  });

  it('are built from the page address, keep its page and embed flags, and decode to the same spec', () => {
    const url = shareUrl(good, { origin: 'http://h', pathname: '/', hash: '#lab=poisoning&page=explore&embed=1&s=old' });
    expect(url).toMatch(/^http:\/\/h\/#lab=poisoning&page=explore&embed=1&s=/);
    const back = decodeSpec(new URL(url).hash);
    expect(back.ok && back.spec).toEqual(good);
  });

  it('hashFlags: the hash without its experiment, wherever it stands, the other flags kept', () => {
    expect(hashFlags('#s=abc&lab=poisoning&page=explore').toString()).toBe('lab=poisoning&page=explore');
    expect(hashFlags('lab=stability&s=abc&embed=1&s=def').toString()).toBe('lab=stability&embed=1');
    expect(hashFlags('#lab=saddles&cmps=1').toString()).toBe('lab=saddles&cmps=1');
  });

  it('packedSpecOf reads the first s= of a hash as URLSearchParams does, without parsing the rest; hashHasSpec says whether there is one', () => {
    const link = `#lab=poisoning&${encodeSpec(good)}&page=explore`;
    for (const hash of [link, link.slice(1), '#s=a+b$c-d&lab=x', 'lab=x&s=a%2Bb%20c&s=second', '#s=', '#cmps=1&xs=no', '#lab=saddles']) {
      expect(packedSpecOf(hash), hash).toBe(new URLSearchParams(hash.replace(/^#/, '')).get('s'));
      expect(hashHasSpec(hash), hash).toBe(new URLSearchParams(hash.replace(/^#/, '')).has('s'));
    }
  });

  it('validates what a well-formed link carries', () => {
    const r = decodeSpec(`#${encodeSpec({ ...good, model: { ...good.model, d: 1e9 } })}`);
    expect(!r.ok && r.issues[0].field).toBe('model.d');
  });
});
