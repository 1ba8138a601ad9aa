/** Test problems with exact or published reference solutions, shared by the solver tests. */
import type { OdeStepper, OdeSystem, StepOutcome } from '../types';

export interface Problem {
  sys: OdeSystem;
  y0: number[];
  /** Exact solution, where one is known. */
  exact?: (t: number) => number[];
}

/** y' = -y. */
export const expDecay: Problem = {
  sys: {
    n: 1,
    f: (_t, y, d) => {
      d[0] = -y[0];
    },
    jac: (_t, _y, J) => {
      J[0] = -1;
    },
  },
  y0: [1],
  exact: (t) => [Math.exp(-t)],
};

/** y1' = y2, y2' = -omega^2 y1, from (1, 0). */
export function oscillator(omega = 1): Problem {
  const w2 = omega * omega;
  return {
    sys: {
      n: 2,
      f: (_t, y, d) => {
        d[0] = y[1];
        d[1] = -w2 * y[0];
      },
      jac: (_t, _y, J) => J.set([0, 1, -w2, 0]),
    },
    y0: [1, 0],
    exact: (t) => [Math.cos(omega * t), -omega * Math.sin(omega * t)],
  };
}

/** y' = y^2, y(0) = 1: y = 1 / (1 - t), blowing up at t = 1. */
export const riccati: Problem = {
  sys: {
    n: 1,
    f: (_t, y, d) => {
      d[0] = y[0] * y[0];
    },
    jac: (_t, y, J) => {
      J[0] = 2 * y[0];
    },
  },
  y0: [1],
  exact: (t) => [1 / (1 - t)],
};

/** Kepler problem on the circular orbit: nonlinear, exact solution (cos t, sin t, -sin t, cos t). */
export const kepler: Problem = {
  sys: {
    n: 4,
    f: (_t, y, d) => {
      const r3 = (y[0] * y[0] + y[1] * y[1]) ** 1.5;
      d[0] = y[2];
      d[1] = y[3];
      d[2] = -y[0] / r3;
      d[3] = -y[1] / r3;
    },
    jac: (_t, y, J) => {
      const r2 = y[0] * y[0] + y[1] * y[1];
      const r3 = r2 ** 1.5;
      const r5 = r3 * r2;
      J.fill(0);
      J[2] = 1;
      J[7] = 1;
      J[8] = -1 / r3 + (3 * y[0] * y[0]) / r5;
      J[9] = (3 * y[0] * y[1]) / r5;
      J[12] = (3 * y[1] * y[0]) / r5;
      J[13] = -1 / r3 + (3 * y[1] * y[1]) / r5;
    },
  },
  y0: [1, 0, 0, 1],
  exact: (t) => [Math.cos(t), Math.sin(t), -Math.sin(t), Math.cos(t)],
};

/**
 * Prothero–Robinson y' = lambda (y - sin tau) + cos tau, made autonomous with tau' = 1 (state [y, tau]).
 * On y(0) = 0 the solution is y = sin t, whatever lambda.
 */
export function protheroRobinson(lambda: number): Problem {
  return {
    sys: {
      n: 2,
      f: (_t, y, d) => {
        d[0] = lambda * (y[0] - Math.sin(y[1])) + Math.cos(y[1]);
        d[1] = 1;
      },
      jac: (_t, y, J) => J.set([lambda, -lambda * Math.cos(y[1]) - Math.sin(y[1]), 0, 0]),
    },
    y0: [0, 0],
    exact: (t) => [Math.sin(t), t],
  };
}

/**
 * y' = M y with M = V diag(-1, -1e6) V^-1, V = [[2, 1], [1, 1]], and y0 = V (1, 1), which starts the fast
 * mode: y(t) = V (e^-t, e^-1e6 t).
 */
export function stiffLinear(fast = -1e6): Problem {
  const V = [2, 1, 1, 1];
  const Vinv = [1, -1, -1, 2];
  const D = [-1, fast];
  const M = [0, 0, 0, 0];
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      M[i * 2 + j] = V[i * 2] * D[0] * Vinv[j] + V[i * 2 + 1] * D[1] * Vinv[2 + j];
    }
  }
  return {
    sys: {
      n: 2,
      f: (_t, y, d) => {
        d[0] = M[0] * y[0] + M[1] * y[1];
        d[1] = M[2] * y[0] + M[3] * y[1];
      },
      jac: (_t, _y, J) => J.set(M),
    },
    y0: [V[0] + V[1], V[2] + V[3]],
    exact: (t) => {
      const a = Math.exp(-t);
      const b = Math.exp(fast * t);
      return [V[0] * a + V[1] * b, V[2] * a + V[3] * b];
    },
  };
}

/** Robertson's chemical kinetics, the classic stiff test (Hairer & Wanner, sec. IV.1). */
export const robertson: Problem = {
  sys: {
    n: 3,
    f: (_t, y, d) => {
      const r1 = 0.04 * y[0];
      const r2 = 1e4 * y[1] * y[2];
      const r3 = 3e7 * y[1] * y[1];
      d[0] = -r1 + r2;
      d[1] = r1 - r2 - r3;
      d[2] = r3;
    },
    jac: (_t, y, J) => J.set([-0.04, 1e4 * y[2], 1e4 * y[1], 0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1], 0, 6e7 * y[1], 0]),
  },
  y0: [1, 0, 0],
};

/** y_i' = -y_i^3 + sum(y): permuting equal components leaves f unchanged. */
export const symmetric4: Problem = {
  sys: {
    n: 4,
    f: (_t, y, d) => {
      const s = y[0] + y[1] + y[2] + y[3];
      for (let i = 0; i < 4; i++) d[i] = -y[i] * y[i] * y[i] + s;
    },
  },
  y0: [0.3, 0.3, 0.7, -0.2],
};

/** Steps until t reaches tEnd (or maxCalls step() calls); returns the last outcome. */
export function integrate(s: OdeStepper, tEnd: number, maxCalls = 10_000_000): StepOutcome {
  let out: StepOutcome = { ok: true };
  for (let i = 0; i < maxCalls && s.t < tEnd; i++) {
    out = s.step(tEnd);
    if (!out.ok) return out;
  }
  return out;
}

/** Norm-wise relative error ||y - ref||_inf / ||ref||_inf. */
export function relErr(y: ArrayLike<number>, ref: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    num = Math.max(num, Math.abs(y[i] - ref[i]));
    den = Math.max(den, Math.abs(ref[i]));
  }
  return num / den;
}

/** Work statistics, for the test log. */
export function stats(s: OdeStepper): string {
  return `${s.name}: naccept=${s.naccept} nreject=${s.nreject} nfev=${s.nfev} njev=${s.njev}`;
}
