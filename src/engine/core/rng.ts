import { mersenne } from 'pure-rand/generator/mersenne';
import { log } from './det-math';

/**
 * The one seeded random source of the engine: MT19937 seeded like numpy's legacy RandomState(seed)
 * (pure-rand provides the raw 32-bit stream), with numpy's 53-bit doubles and polar-method Gaussians
 * on top, so initialisations and data match the papers' reference code draw for draw.
 */
export class Rng {
  private readonly mt: ReturnType<typeof mersenne>;
  private cachedGauss: number | null = null;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
    }
    this.mt = mersenne(seed >>> 0);
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    return this.mt.next() >>> 0;
  }

  /** Uniform double in [0, 1) from two draws, exactly as numpy's random_sample. */
  rand(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Standard normal by the polar method with a cached second value (numpy's legacy gauss). */
  gauss(): number {
    if (this.cachedGauss !== null) {
      const g = this.cachedGauss;
      this.cachedGauss = null;
      return g;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.rand() - 1;
      x2 = 2 * this.rand() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * log(r2)) / r2);
    this.cachedGauss = f * x1;
    return f * x2;
  }

  normal(mu: number, sd: number): number {
    return mu + sd * this.gauss();
  }
}
