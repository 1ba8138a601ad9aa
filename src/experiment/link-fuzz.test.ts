import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/core/rng';
import { MEMORY_BUDGET } from './cost';
import { decodeSpec, encodeSpec } from './link';
import { allPresets } from './presets';
import { specCost } from './validate';

/**
 * The link fuzzer: links made from every preset of the five labs by seeded mutations of the packed text (character and
 * bit flips, cuts, insertions) and of the experiment itself (random JSON in any slot or in place of the whole spec,
 * prototype keys, deep nesting, huge and non-finite numbers, sizes pushed to their limits). Whatever comes in, the
 * decoder answers: no exception, every refusal names its field, every acceptance fits the cost budget.
 */
const TRIES = 10_000;
const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const ODD_NUMBERS = [0, -0, -1, 1, 2, 0.5, 1e-320, 1e308, -1e308, 2 ** 53, 2 ** 31, 1e9, 1e6, 256, 257, 2000, 20_000, 1e7];
const ODD_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e999', '', ' ', '<img src=x onerror=alert(1)>', '\u0000', 'x'.repeat(5000)];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class Mutator {
  constructor(private readonly rng: Rng) {}

  int(n: number): number {
    return Math.floor(this.rng.rand() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** A random JSON value, up to `depth` levels of containers. */
  json(depth: number): Json {
    const kind = this.int(depth > 0 ? 8 : 5);
    if (kind === 0) return null;
    if (kind === 1) return this.rng.rand() < 0.5;
    if (kind === 2) return this.pick(ODD_NUMBERS) * (this.rng.rand() < 0.2 ? -1 : 1);
    if (kind === 3) return this.pick(ODD_STRINGS);
    if (kind === 4) return this.rng.rand() * 10 ** (this.int(40) - 20);
    if (kind === 5) return Array.from({ length: this.int(5) }, () => this.json(depth - 1));
    const o: Record<string, Json> = {};
    for (let i = this.int(4); i > 0; i--) o[this.rng.rand() < 0.3 ? this.pick(HOSTILE_KEYS) : `k${this.int(9)}`] = this.json(depth - 1);
    return o;
  }

  /** Nested arrays or objects this deep (as JSON text: a literal would need as deep a recursion to build). */
  deep(depth: number): string {
    return this.rng.rand() < 0.5 ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  }

  /** Every path to a value inside a spec. */
  paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    out.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => this.paths(x, [...at, i], out));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) this.paths(v[k], [...at, k], out);
    return out;
  }

  /** A spec with one to three slots changed (numbers scaled to extremes, values replaced, keys added or removed). */
  mutateSpec(spec: Json): Json {
    const copy = structuredClone(spec) as Json;
    for (let m = 1 + this.int(3); m > 0; m--) {
      const paths = this.paths(copy).filter((p) => p.length > 0);
      const path = this.pick(paths);
      const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], copy) as Record<string | number, Json>;
      const key = path[path.length - 1];
      const old = parent[key];
      const op = this.int(6);
      if (op === 0 && typeof old === 'number') parent[key] = Number.isInteger(old) ? old * 2 ** this.int(30) : old * 10 ** (this.int(600) - 300);
      else if (op === 1 && Array.isArray(old) && old.length > 0) for (let i = this.int(300); i > 0; i--) old.push(structuredClone(old[this.int(old.length)]));
      else if (op === 2) delete parent[key];
      else if (op === 3 && !Array.isArray(parent)) parent[this.pick(HOSTILE_KEYS)] = this.json(2);
      else parent[key] = this.json(3);
    }
    return copy;
  }

  /** The packed text with characters or bits flipped, cut, or grown. */
  mutateText(packed: string): string {
    const op = this.int(5);
    const at = this.int(packed.length + 1);
    if (op === 0) return packed.slice(0, at);
    if (op === 1) return packed.slice(0, at) + this.pick([...URI_ALPHABET]) + packed.slice(at + 1);
    if (op === 2 && at < packed.length) return packed.slice(0, at) + String.fromCharCode(packed.charCodeAt(at) ^ (1 << this.int(7))) + packed.slice(at + 1);
    if (op === 3) return packed.slice(0, at) + packed.slice(at, at + this.int(200)).repeat(1 + this.int(20)) + packed.slice(at);
    return packed.slice(0, at) + packed.slice(at + 1 + this.int(20));
  }
}

/** A link from a spec's JSON text (which may not be a spec at all). */
const link = (text: string) => `s=${LZString.compressToEncodedURIComponent(text)}`;

describe('the link fuzzer', () => {
  it(`${TRIES.toLocaleString('en-US')} seeded links from every preset: no exception, refusals name their field, acceptances fit the budget`, () => {
    const mut = new Mutator(new Rng(20_261_207));
    const bases = allPresets().map((p) => p.spec as unknown as Json);
    const labs = new Set(allPresets().map((p) => p.lab));
    expect(labs.size).toBe(5);
    const tally = { accepted: 0, refused: 0, byText: 0, bySpec: 0, randomJson: 0, deep: 0 };
    const acceptedLabs = new Set<string>();
    const packed = bases.map((b) => encodeSpec(b as never).slice(2));
    for (let i = 0; i < TRIES; i++) {
      const b = i % bases.length;
      const kind = mut.int(50);
      let hash: string;
      if (kind < 15) {
        hash = `s=${mut.mutateText(packed[b])}`;
        tally.byText++;
      } else if (kind < 40) {
        hash = link(JSON.stringify(mut.mutateSpec(bases[b])));
        tally.bySpec++;
      } else if (kind < 47) {
        hash = link(JSON.stringify(mut.json(4)));
        tally.randomJson++;
      } else {
        // deep nesting in a spec slot, or as the whole experiment (100,000 levels: see the test below)
        const depth = 10 ** (1 + mut.int(3));
        hash = link(mut.int(2) ? mut.deep(depth) : JSON.stringify(bases[b]).replace(/"v":1/, `"v":1,"x":${mut.deep(depth)}`));
        tally.deep++;
      }
      let r: ReturnType<typeof decodeSpec>;
      try {
        r = decodeSpec(hash);
      } catch (err) {
        throw new Error(`try ${i} threw ${String(err)} on ${hash.slice(0, 200)}`);
      }
      if (!r.ok) {
        tally.refused++;
        expect(r.issues.length, `try ${i}`).toBeGreaterThan(0);
        for (const issue of r.issues) {
          expect(issue.field, `try ${i}: a refusal without a field`).toMatch(/\S/);
          expect(issue.message, `try ${i}`).toMatch(/\S/);
          expect(issue.field.length + issue.message.length, `try ${i}: a refusal this long`).toBeLessThan(600);
        }
      } else {
        tally.accepted++;
        acceptedLabs.add(r.spec.lab);
        const cost = specCost(r.spec);
        expect(cost.bytes, `try ${i}: accepted over the memory budget`).toBeLessThanOrEqual(MEMORY_BUDGET);
        expect(cost.seconds, `try ${i}`).toBeGreaterThanOrEqual(0);
        expect(Number.isNaN(cost.seconds), `try ${i}`).toBe(false);
      }
    }
    // nothing leaked onto the prototypes
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).k0).toBeUndefined();
    // the mutations reached both answers in every lab, and every kind of link was tried
    expect(acceptedLabs.size).toBe(5);
    expect(tally.accepted).toBeGreaterThan(TRIES / 20);
    expect(tally.refused).toBeGreaterThan(TRIES / 2);
    expect(Math.min(tally.byText, tally.bySpec, tally.randomJson, tally.deep)).toBeGreaterThan(TRIES / 50);
  });

  it('refuses 100,000-deep nesting, as the experiment and inside one, by name', () => {
    const mut = new Mutator(new Rng(7));
    const base = JSON.stringify(allPresets()[0].spec);
    for (const text of [`${'['.repeat(1e5)}1${']'.repeat(1e5)}`, base.replace(/"v":1/, `"v":1,"x":${mut.deep(1e5)}`)]) {
      const r = decodeSpec(link(text));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0].field).toMatch(/\S/);
    }
  });

  it('refuses by name what the cost budget cannot hold (a Saddles net under the stiff solver: its dense Jacobian)', () => {
    const fig1 = allPresets().find((p) => p.id === 'sd-fig1-flow')!.spec as unknown as Record<string, Record<string, unknown>>;
    const big = { ...fig1, model: { ...fig1.model, d: 64, widths: [256] }, optim: { ...fig1.optim, method: 'rodas4' } };
    const r = decodeSpec(link(JSON.stringify(big)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toEqual({ field: 'optim.method', message: expect.stringMatching(/needs about [\d,]+ MB of memory, more than the 500 MB/) });
  });
});
