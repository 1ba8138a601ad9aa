import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../experiment/limits';
import { barKeyMove, barKeyValue } from './SequenceEditor';

describe('sequence editor keys', () => {
  it('up / down change a bar by a step, shift and Page Up / Down by the larger one, without float residue', () => {
    expect(barKeyValue(0.2, 'ArrowUp', false)).toBe(0.3);
    expect(barKeyValue(0.2, 'ArrowDown', false)).toBe(0.1);
    expect(barKeyValue(0.2, 'ArrowUp', true)).toBe(1.2);
    expect(barKeyValue(0.2, 'PageDown', false)).toBe(-0.8);
    expect(barKeyValue(0, 'ArrowLeft', false)).toBeNull();
    expect(barKeyValue(LIMITS.maxAbsValue, 'ArrowUp', true)).toBe(LIMITS.maxAbsValue);
  });
  it('left / right, Home / End move between the bars of a strip and stop at its ends', () => {
    expect(barKeyMove(2, 'ArrowRight', 6)).toBe(3);
    expect(barKeyMove(5, 'ArrowRight', 6)).toBe(5);
    expect(barKeyMove(0, 'ArrowLeft', 6)).toBe(0);
    expect(barKeyMove(3, 'Home', 6)).toBe(0);
    expect(barKeyMove(3, 'End', 6)).toBe(5);
    expect(barKeyMove(3, 'ArrowUp', 6)).toBeNull();
  });
});
