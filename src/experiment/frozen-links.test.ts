import { describe, expect, it } from 'vitest';
import { buildRun, runtimeOf } from './build-run';
import { decodeSpec } from './link';
import { parseSpec } from './validate';
import frozen from './tests/frozen-links.json';

/**
 * Links and CLI specs made before the lab-module redesign (every preset as `#lab=...&s=...` and as spec JSON,
 * with the numbers each gave, frozen from main at the commit named in the fixture) still open, validate to the
 * same spec and give the same numbers, bit for bit.
 */
interface Frozen {
  id: string;
  hash: string;
  spec: unknown;
  ms: number;
  final?: { step: number; time: number; loss: number; metrics: Record<string, number>; params: Record<string, number[]>; reason: string };
  stability?: Record<string, unknown>;
}
/** Numbers as the fixture holds them (JSON: NaN and ±Infinity became null). */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));
const entries = (frozen as { commit: string; presets: Frozen[] }).presets;

describe('links frozen before the redesign', () => {
  it('cover every preset of the three labs of that time', () => {
    expect(entries.length).toBe(75);
  });

  it.each(entries.map((e) => [e.id, e] as const))('%s: the link and the spec JSON open to the same spec', (_id, e) => {
    const fromLink = decodeSpec(`#${e.hash}`);
    expect(fromLink.ok).toBe(true);
    if (fromLink.ok) expect(fromLink.spec).toEqual(e.spec);
    const fromJson = parseSpec(JSON.parse(JSON.stringify(e.spec)));
    expect(fromJson.ok && fromJson.spec).toEqual(e.spec);
  });

  // Runs of under half a second then (the others are covered by each lab's figure tests).
  const quick = entries.filter((e) => e.final && e.ms < 500);
  it.each(quick.map((e) => [e.id, e] as const))('%s gives the same numbers', (_id, e) => {
    const r = parseSpec(e.spec);
    if (!r.ok) throw new Error(`${e.id} no longer validates`);
    if (e.stability) {
      // The Stability page's numbers (its GD summary: the lab spec's stop rules), as the CLI printed them.
      const summary = runtimeOf(r.spec.lab).cliSummary!(r.spec);
      expect(asJson(summary.stability)).toEqual(e.stability);
      return;
    }
    const f = buildRun(r.spec).runToEnd();
    expect(asJson({ step: f.step, time: f.time, loss: f.loss, metrics: f.metrics, params: f.params, reason: f.stop.reason })).toEqual(e.final);
  });
});
