/** Button classes shared by the Stability lab's panels. */
export const sweepBtn = 'rounded px-3 py-1.5 text-sm font-medium border border-slate-300 dark:border-slate-700 hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-40';
export const selectCls = 'rounded border border-slate-300 px-1 text-xs dark:border-slate-700 dark:bg-slate-900';
