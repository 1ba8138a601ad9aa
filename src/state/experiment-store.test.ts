// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSpec } from '../experiment/presets';
import { labSpecNow, useExperiment } from './experiment-store';
import { commitEdit } from '../ui/spec-edit';

beforeEach(() => useExperiment.setState({ specs: {}, issues: null, issuesSource: null }));

describe('the spec a lab shows', () => {
  it('is one object while the lab is unedited (memos keyed on it hold across renders), equal to the default', () => {
    for (const lab of ['poisoning', 'stability', 'saddles', 'extrapolation', 'flow-vs-descent'] as const) {
      const a = labSpecNow(lab);
      expect(labSpecNow(lab)).toBe(a);
      expect(a).toEqual(defaultSpec(lab));
    }
  });

  it('is the edited spec after an edit, and the default (unchanged by the edit) again after a reset', () => {
    const before = labSpecNow('stability');
    expect(commitEdit('stability', { ...before, optim: { kind: 'gd', lr: 0.25 } })).toBeNull();
    expect(labSpecNow('stability').optim).toEqual({ kind: 'gd', lr: 0.25 });
    useExperiment.setState({ specs: {} });
    expect(labSpecNow('stability')).toBe(before);
    expect(before).toEqual(defaultSpec('stability'));
  });
});
