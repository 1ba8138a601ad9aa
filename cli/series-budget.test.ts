import { describe, expect, it } from 'vitest';
import { RECORD_MAX_ROWS } from '../src/engine/core/recorder';
import { findPreset } from '../src/experiment/presets';
import type { SpecOf } from '../src/experiment/schema';
import { parseSpec } from '../src/experiment/validate';
import { simulate } from './run-spec';

describe("the CLI's series within the recording budget", () => {
  it('S-chaos for 200,000 steps recorded at every step: at most 20,000 rows, evenly spaced, the first and the last step kept', () => {
    const chaos = findPreset('S-chaos')!.spec as SpecOf<'stability'>;
    const r = parseSpec({ ...chaos, stop: { ...chaos.stop, maxSteps: 200_000 }, record: { ...chaos.record, every: 1 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = simulate(r.spec, true);
    expect(out.final.step).toBe(200_000);
    const steps = out.series!.step;
    expect(steps.length).toBeLessThanOrEqual(RECORD_MAX_ROWS);
    expect(steps.length).toBeGreaterThan(RECORD_MAX_ROWS / 2);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(200_000);
    const gaps = new Set(steps.slice(1, -1).map((s, i) => s - steps[i]));
    expect(gaps.size).toBe(1);
  });
});
