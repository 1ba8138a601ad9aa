import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thm1Spec } from '../src/labs/poisoning/presets/thm1';
import type { SpecOf } from '../src/experiment/schema';
import { CliError, resolveSpec, simulate } from './run-spec';

describe('headless CLI', () => {
  it('resolves a preset id and a spec file through the validator', () => {
    expect((resolveSpec('thm1-d10k7-s242') as SpecOf<'poisoning'>).seed).toBe(242);
    const dir = mkdtempSync(join(tmpdir(), 'ibl-'));
    const file = join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify({ ...thm1Spec({ d: 5, kappa: 7, seed: 1, scale: 1e-3, tieC: 5, maxTime: 1e11 }), seed: -3 }));
    expect(() => resolveSpec(file)).toThrow(/seed: seed must be at least 0/);
    writeFileSync(file, '{ "v": 1, ');
    expect(() => resolveSpec(file)).toThrow(CliError);
    expect(() => resolveSpec('no-such-preset')).toThrow(/neither a file nor a preset/);
  });

  it('reports final step, time, loss, named params and metrics, and the series on request', () => {
    const out = simulate(resolveSpec('thm1-d10k7-s242'), true);
    expect(out.final.params.a).toHaveLength(10);
    expect(out.final.metrics.gen).toBeGreaterThan(0.04);
    expect(out.final.stop.reason).toBe('converged');
    expect(out.series!.t.length).toBe(out.series!.params.a.length);
    expect(out.series!.t.at(-1)).toBe(out.final.time);
  });

  it('prints one JSON object from `npm run sim` and exits 2 on a bad argument', () => {
    const stdout = execFileSync('npx', ['tsx', 'cli/sim.ts', 'thm1-d10k7-s242', '--arm', 'clean'], { encoding: 'utf8' });
    const parsed = JSON.parse(stdout);
    expect(parsed.spec.arm).toBe('clean');
    expect(Object.keys(parsed.final).sort()).toEqual(['loss', 'metrics', 'params', 'step', 'stop', 'time']);
    expect(() => execFileSync('npx', ['tsx', 'cli/sim.ts', 'thm1-d10k7-s242', '--arm', 'both'], { stdio: 'pipe' })).toThrow();
  });

  it('exits 3 for a run that diverged, with the result printed and non-finite numbers as words', () => {
    const r = spawnSync('npx', ['tsx', 'cli/sim.ts', 'S-div1'], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.final.stop.reason).toBe('diverged');
    expect(JSON.stringify(parsed)).not.toMatch(/:null[,}]/);
  });
});
