import * as Comlink from 'comlink';
import type { Predictions } from '../../engine/homogeneous/problem';
import { newPoolWorker, type PoolApi } from '../../state/worker-pool';
import type { KktResult } from './jobs';

/** The page's one NCF worker (KKT search, NCF analysis: the lab's jobs), started on first use. */
let worker: Comlink.Remote<PoolApi> | null = null;
const remote = () => (worker ??= Comlink.wrap<PoolApi>(newPoolWorker('ncf')));

export const ncfWorker = () => ({
  findKkt: (spec: unknown, step: number, steps: number) => remote().job('saddles', 'findKkt', [spec, step, steps]) as Promise<KktResult>,
  analyse: (spec: unknown) => remote().job('saddles', 'analyse', [spec]) as Promise<Predictions>,
});
