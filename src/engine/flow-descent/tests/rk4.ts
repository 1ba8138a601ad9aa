/** Right-hand side of a 2-D autonomous ODE with a parameter n (e.g. depth); writes (dx/dt, dy/dt) into out. */
export type Rhs2 = (n: number, x: number, y: number, out: Float64Array) => Float64Array;

/** Four stage buffers for rk4Step2, allocated once per integration. */
export const rk4Stages = () => [0, 1, 2, 3].map(() => new Float64Array(2));

/**
 * One classical RK4 step of size h from (x, y): the fixed-step reference the tests compare the adaptive solvers
 * against (independent of Dopri5). k: four stage buffers (rk4Stages).
 */
export function rk4Step2(rhs: Rhs2, n: number, x: number, y: number, h: number, k: Float64Array[]): [number, number] {
  rhs(n, x, y, k[0]);
  rhs(n, x + (h / 2) * k[0][0], y + (h / 2) * k[0][1], k[1]);
  rhs(n, x + (h / 2) * k[1][0], y + (h / 2) * k[1][1], k[2]);
  rhs(n, x + h * k[2][0], y + h * k[2][1], k[3]);
  return [x + (h / 6) * (k[0][0] + 2 * k[1][0] + 2 * k[2][0] + k[3][0]), y + (h / 6) * (k[0][1] + 2 * k[1][1] + 2 * k[2][1] + k[3][1])];
}
