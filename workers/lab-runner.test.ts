/**
 * A runner of one lab's specs (the start page's demo worker: the Poisoning core only) streams the same numbers as
 * the app's runner of every lab, and refuses another lab's spec at its `lab` field.
 */
import { describe, expect, it } from 'vitest';
import { labRunSource } from '../src/experiment/lab-run';
import { findPreset } from '../src/experiment/presets';
import { poisoningCore } from '../src/labs/poisoning/core';
import { LabRunner } from './lab-runner';
import { RunnerCore } from './runner-core';
import { collect } from './tests/collect';

describe('LabRunner with one lab', () => {
  it("the Poisoning-only runner streams the start page demo's preset bit for bit as the full runner does", async () => {
    const spec = structuredClone(findPreset('thm1-d10k7-s242')!.spec);
    for (const arm of ['clean', 'poisoned'] as const) {
      const one = await collect(new LabRunner(labRunSource(poisoningCore)), { ...spec, arm }).done;
      const all = await collect(new RunnerCore(), { ...spec, arm }).done;
      expect(one.length).toBeGreaterThan(1);
      expect(one.flatMap((f) => Array.from(f.batch.theta))).toEqual(all.flatMap((f) => Array.from(f.batch.theta)));
      expect(one.at(-1)!.final).toEqual(all.at(-1)!.final);
    }
  });

  it("refuses another lab's spec, naming the lab field, and an invalid Poisoning spec, naming its field", async () => {
    const runner = new LabRunner(labRunSource(poisoningCore));
    const other = await runner.start(structuredClone(findPreset('S-ref')!.spec), () => {});
    expect(!other.ok && other.message).toMatch(/^lab:/);
    const spec = structuredClone(findPreset('thm1-d10k7-s242')!.spec) as { model: object };
    const bad = await runner.start({ ...spec, model: { ...spec.model, d: 1e9 } }, () => {});
    expect(!bad.ok && bad.message).toMatch(/^model\.d:/);
  });
});
