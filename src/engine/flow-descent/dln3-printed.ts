/**
 * Values docs/labs/flow-vs-descent.md prints for its DLN-3 presets, kept once: the engine's tests check its reference
 * solutions and GD against them, the lab's tests and Reproduce cards check its runs against the same numbers.
 */

/** FD-DLN3-curv: I_m(t) = ∫₀ᵗ max(0, −λmin) ds along the flow at t = 1, 2, 4, 6, 10, 20, to 4 decimals. */
export const DLN3_CURV_IM: readonly (readonly [t: number, im: number])[] = [
  [1, 0.6023],
  [2, 1.2295],
  [4, 1.9515],
  [6, 2.0674],
  [10, 2.0852],
  [20, 2.0855],
];

/** FD-DLN3-eta (Sec. 5.2): the step sizes that converge, with GD's final λmax and unbalancedness U there. */
export const DLN3_ETA_CONVERGED: readonly (readonly [eta: number, lmax: number, U: number])[] = [
  [0.01, 3.000002, 2.161e-3],
  [0.1, 3.000155, 2.168e-2],
  [0.3, 3.001391, 6.556e-2],
  [0.5, 3.003859, 0.1103],
  [0.6, 3.005535, 0.1327],
  [0.65, 3.006533, 0.1446],
  [0.66, 3.006658, 0.146],
];

/** FD-DLN3-eta (Sec. 5.2): the step sizes where GD settles on a period-2 orbit, with its two values of f - min f. */
export const DLN3_ETA_PERIOD2: readonly (readonly [eta: number, fLow: number, fHigh: number])[] = [
  [0.67, 1.41302e-3, 1.63783e-3],
  [0.7, 1.11999e-2, 1.78307e-2],
];

/** The printed period-2 orbit (low, high) at eta. */
export function dln3Period2(eta: number): [number, number] {
  const row = DLN3_ETA_PERIOD2.find((r) => r[0] === eta);
  if (!row) throw new Error(`no printed period-2 orbit at eta = ${eta}`);
  return [row[1], row[2]];
}
