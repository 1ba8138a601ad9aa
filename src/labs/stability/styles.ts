/** The compact select of the Stability lab's sweep panels. */
export const selectCls = 'rounded border border-slate-300 px-1 text-xs dark:border-slate-700 dark:bg-slate-900';
