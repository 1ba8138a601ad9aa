import * as Comlink from 'comlink';
import type { analyse, findKkt } from '../../../workers/ncf-core';

/** The page's one NCF worker (KKT search, NCF analysis), started on first use. */
let worker: Comlink.Remote<{ findKkt: typeof findKkt; analyse: typeof analyse }> | null = null;
export const ncfWorker = () => (worker ??= Comlink.wrap(new Worker(new URL('../../../workers/ncf.worker.ts', import.meta.url), { type: 'module', name: 'ncf' })));
