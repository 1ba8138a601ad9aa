// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSpec, findPreset } from '../experiment/presets';
import { labSpecNow, useExperiment } from '../state/experiment-store';
import { pickPreset, presetChoiceOf, usePresetChoiceStore } from './preset-choice';
import { sameValue } from './same-value';
import { checkEdit, commitEdit } from './spec-edit';

beforeEach(() => {
  useExperiment.setState({ specs: {}, issues: null, issuesSource: null });
  usePresetChoiceStore.setState({ chosen: {} });
});

describe('commitEdit', () => {
  it('applies a valid edit and returns null', () => {
    const spec = defaultSpec('stability');
    expect(commitEdit('stability', { ...spec, optim: { kind: 'gd', lr: 0.25 } })).toBeNull();
    expect(labSpecNow('stability').optim).toEqual({ kind: 'gd', lr: 0.25 });
  });

  it("refuses with the schema's message naming the field, keeps the spec and leaves the banner alone", () => {
    const spec = defaultSpec('stability');
    const before = labSpecNow('stability');
    const msg = commitEdit('stability', { ...spec, optim: { kind: 'gd', lr: 200 } });
    expect(msg).toMatch(/^optim\.lr: learning rate must be at most 100/);
    expect(commitEdit('stability', { ...spec, optim: { kind: 'gd', lr: 0 } })).toMatch(/^optim\.lr: learning rate must be positive/);
    expect(commitEdit('stability', { ...spec, optim: { kind: 'gd', lr: NaN } })).toMatch(/^optim\.lr: /);
    expect(labSpecNow('stability')).toEqual(before);
    expect(useExperiment.getState().issues).toBeNull();
  });

  it("runs a page's own rules after the lab's", () => {
    const spec = defaultSpec('poisoning');
    const extraIssues = () => [{ field: 'data.sequences', message: 'page rule' }];
    expect(checkEdit('poisoning', spec, { extraIssues })).toBe('data.sequences: page rule');
    expect(commitEdit('poisoning', { ...spec, seed: 7 }, { extraIssues })).toBe('data.sequences: page rule');
    expect(labSpecNow('poisoning').seed).toBe(spec.seed);
  });

  it('does not touch the experiment when the edit changes nothing', () => {
    const spec = labSpecNow('poisoning');
    useExperiment.getState().apply(spec, 'test');
    const stored = useExperiment.getState().specs.poisoning;
    expect(commitEdit('poisoning', structuredClone(spec))).toBeNull();
    expect(useExperiment.getState().specs.poisoning).toBe(stored);
  });

  it('refuses a spec of another lab', () => {
    expect(checkEdit('poisoning', defaultSpec('stability'))).toMatch(/^lab: must be poisoning/);
  });
});

describe('preset choice', () => {
  it('remembers the picked preset by id until the experiment changes by another path', () => {
    expect(pickPreset('poisoning', 'thm1-d20k9-s342')).toBeNull();
    expect(usePresetChoiceStore.getState().chosen.poisoning).toBe('thm1-d20k9-s342');
    expect(labSpecNow('poisoning').model.d).toBe(20);
    // a no-op edit keeps it
    commitEdit('poisoning', structuredClone(labSpecNow('poisoning')));
    expect(usePresetChoiceStore.getState().chosen.poisoning).toBe('thm1-d20k9-s342');
    // a change of another lab keeps it
    commitEdit('stability', { ...defaultSpec('stability'), seed: 3 });
    expect(usePresetChoiceStore.getState().chosen.poisoning).toBe('thm1-d20k9-s342');
    // a real edit forgets it
    expect(commitEdit('poisoning', { ...labSpecNow('poisoning'), seed: 343 })).toBeNull();
    expect(usePresetChoiceStore.getState().chosen.poisoning).toBeUndefined();
  });

  it("names the lab's default preset while the lab runs its default experiment", () => {
    const own = () => useExperiment.getState().specs.saddles !== undefined;
    const choice = () => presetChoiceOf('saddles', usePresetChoiceStore.getState().chosen, own());
    expect(choice()).toBe('sd-fig1-flow');
    expect(commitEdit('saddles', { ...labSpecNow('saddles'), seed: 5 })).toBeNull();
    expect(choice()).toBeNull();
    expect(pickPreset('saddles', 'sd-sq2-tiny')).toBeNull();
    expect(choice()).toBe('sd-sq2-tiny');
  });

  it('refuses an id that is not a preset of the lab', () => {
    expect(pickPreset('poisoning', 'S-ref')).toMatch(/no preset/);
    expect(findPreset('S-ref')?.lab).toBe('stability');
  });
});

describe('sameValue', () => {
  it('compares plain values structurally', () => {
    expect(sameValue({ a: [1, 2, { b: NaN }] }, { a: [1, 2, { b: NaN }] })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1, arm: 'clean' }, { a: 1, arm: 'poisoned' }, ['arm'])).toBe(true);
    expect(sameValue({ a: { arm: 1 } }, { a: { arm: 2 } }, ['arm'])).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
  });
});
