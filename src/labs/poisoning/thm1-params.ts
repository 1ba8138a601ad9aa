import { thm1Spec } from './presets/thm1';
import { type PoisoningSpec } from './schema';

/** The knobs of the Theorem-1 page, read off a spec and written back into one. */
export interface Thm1Params {
  d: number;
  kappa: number;
  seed: number;
  scale: number;
  tieC: number;
  /** Explicit initial entries, or null for the seeded reference draw. */
  explicit: number[] | null;
  method: 'auto' | 'dopri5' | 'rodas4';
  rtol: number;
  maxTime: number;
}

export function thm1ParamsOf(spec: PoisoningSpec): Thm1Params {
  const init = spec.init;
  return {
    d: spec.model.d,
    kappa: spec.data.length,
    seed: spec.seed,
    scale: init.kind === 'uniform-sorted' ? init.scale : 1e-3,
    tieC: init.kind === 'uniform-sorted' ? init.tieC : 5,
    explicit: init.kind === 'explicit' ? init.a : null,
    method: spec.optim.kind === 'flow' ? spec.optim.method : 'auto',
    rtol: spec.optim.kind === 'flow' ? spec.optim.rtol : 1e-10,
    maxTime: spec.stop.maxTime,
  };
}

/** A candidate spec (not yet validated: the caller passes it through the one validator). */
export function specFromThm1Params(p: Thm1Params): PoisoningSpec {
  const spec = thm1Spec({ d: p.d, kappa: p.kappa, seed: p.seed, scale: p.scale, tieC: p.tieC, maxTime: p.maxTime });
  if (p.explicit) spec.init = { kind: 'explicit', a: p.explicit };
  spec.optim = { kind: 'flow', method: p.method, rtol: p.rtol, atol: 1e-14 };
  return spec;
}
