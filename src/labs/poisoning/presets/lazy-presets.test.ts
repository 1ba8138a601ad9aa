import { describe, expect, it, vi } from 'vitest';

vi.mock('./gd', async (original) => {
  const m = await original<typeof import('./gd')>();
  return { ...m, gdPresetSpec: vi.fn(m.gdPresetSpec) };
});

describe("the Poisoning presets' specs drawn from seeded streams", () => {
  it('are made when first read: finding a Theorem-1 preset (the start demo) draws none; a GD preset draws its own once', async () => {
    // the test setup has loaded the cores already: load them again, with the spy in place
    vi.resetModules();
    const { findPreset, labPresets } = await import('../../../experiment/presets');
    const draws = vi.mocked((await import('./gd')).gdPresetSpec);
    expect(findPreset('thm1-d10k7-s242')?.spec).toMatchObject({ lab: 'poisoning' });
    expect(labPresets('poisoning').length).toBeGreaterThan(10);
    expect(draws).not.toHaveBeenCalled();
    const gd = labPresets('poisoning').find((p) => p.id !== 'thm1-d10k7-s242' && !p.id.startsWith('thm1-'))!;
    const spec = gd.spec;
    expect(draws).toHaveBeenCalledTimes(1);
    expect(gd.spec, 'the same object at every read').toBe(spec);
    expect(findPreset(gd.id)!.spec).toBe(spec);
    expect(draws).toHaveBeenCalledTimes(1);
  });
});
