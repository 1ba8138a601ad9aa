import { describe, expect, it } from 'vitest';
import { motion, REPRO_IDS, reproduceCard } from '../reproduce';

describe('Reproduce cards: every row of every Sec. 5 preset holds', () => {
  for (const id of REPRO_IDS) {
    it(id, async () => {
      // the live MNIST card as a smaller run (its full preset takes minutes): 8 images, t = 0.1, one eta0/r run
      const over = id === 'FD-MN-live' ? { objective: { family: 'mnist' as const, net: 'fclin' as const, images: 8, seed: 1 }, horizon: 0.1, stamps: 5, rs: [2] } : {};
      const card = await reproduceCard(id, over);
      expect(card.rows.length).toBeGreaterThan(0);
      for (const r of card.rows) expect({ what: r.what, lab: r.lab, holds: r.holds }).toEqual({ what: r.what, lab: r.lab, holds: true });
    }, 120_000);
  }
});

describe('GD motion in one coordinate', () => {
  it('tells the four regimes apart', () => {
    expect(motion([1, 0.5, 0.25])).toBe('monotone');
    expect(motion([1, -0.5, 0.25])).toBe('oscillating');
    expect(motion([1, -1, 1])).toBe('period 2');
    expect(motion([1, -1.1, 1.21])).toBe('divergent');
  });
});
