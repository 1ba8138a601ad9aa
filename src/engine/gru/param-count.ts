/** Parameters of a GRU with n hidden units and a scalar output (gru.ts: gruLayout). Its own module: the lab's cost estimate needs only this. */
export const gruParamCount = (n: number) => 3 * n * n + 10 * n + 1;
